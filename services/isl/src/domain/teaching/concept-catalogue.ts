/**
 * The built-in teaching catalogue: causal-reasoning concepts, each with the hypotheses a learner may
 * hold (the correct one first, then common misconceptions) and a pool of examples. Each example states
 * how likely its observed pattern is under each hypothesis; a learner who sees it updates by Bayes'
 * rule, which is what the selector scores.
 */

/** One teaching example with P(what the example shows | hypothesis) per hypothesis. */
export interface ConceptExample {
  readonly id: string;
  readonly description: string;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly key_insight: string;
  /** Aligned with the concept's hypotheses. */
  readonly likelihoods: readonly number[];
}

/** A concept: its hypotheses (index 0 is the target understanding) and examples. */
export interface Concept {
  readonly id: string;
  readonly title: string;
  readonly hypotheses: readonly string[];
  readonly learning_objectives: readonly string[];
  readonly examples: readonly ConceptExample[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    id: 'confounding',
    title: 'Confounding',
    hypotheses: [
      'A common cause can create an association without causation',
      'Association implies causation',
      'Associations between variables are coincidence',
    ],
    learning_objectives: [
      'Recognise common causes',
      'Adjust for confounders before reading an association causally',
    ],
    examples: [
      {
        id: 'ice-cream-drowning',
        description: 'Ice-cream sales and drownings rise together; both follow hot weather',
        outcomes: { correlation: 0.8, effect_after_adjusting_temperature: 0 },
        key_insight: 'Temperature drives both; holding it fixed removes the association',
        likelihoods: [0.9, 0.2, 0.3],
      },
      {
        id: 'coffee-heart',
        description: 'Coffee drinkers have more heart disease, until smoking is accounted for',
        outcomes: { crude_risk_ratio: 1.6, adjusted_risk_ratio: 1.0 },
        key_insight: 'Smokers drink more coffee; smoking explains the excess risk',
        likelihoods: [0.85, 0.25, 0.1],
      },
      {
        id: 'randomised-trial',
        description: 'A randomised trial of the same drug finds the observational association vanishes',
        outcomes: { observational_effect: 0.3, randomised_effect: 0 },
        key_insight: 'Randomisation breaks every common cause of treatment and outcome',
        likelihoods: [0.8, 0.05, 0.4],
      },
      {
        id: 'shoe-size-reading',
        description: 'Children with larger shoes read better; age causes both',
        outcomes: { correlation: 0.6, within_age_correlation: 0 },
        key_insight: 'Within one age group the association disappears',
        likelihoods: [0.9, 0.3, 0.2],
      },
    ],
  },
  {
    id: 'mediation',
    title: 'Mediation',
    hypotheses: [
      'A cause can act through an intermediate variable; adjusting for it hides part of the effect',
      'Every variable correlated with the outcome should be adjusted for',
      'An effect acts directly or not at all',
    ],
    learning_objectives: [
      'Separate direct and indirect effects',
      'Avoid adjusting for mediators when the total effect is wanted',
    ],
    examples: [
      {
        id: 'exercise-weight-bp',
        description: 'Exercise lowers blood pressure largely by lowering weight',
        outcomes: { total_effect: -8, direct_effect: -3, indirect_effect: -5 },
        key_insight: 'Controlling for weight removes the part of the effect that runs through it',
        likelihoods: [0.9, 0.2, 0.15],
      },
      {
        id: 'training-skill-wage',
        description:
          'A training programme raises wages; controlling for skills acquired makes it look useless',
        outcomes: { total_effect: 2.0, effect_given_skill: 0.1 },
        key_insight: 'Skill is the mechanism, not a confounder',
        likelihoods: [0.85, 0.1, 0.3],
      },
      {
        id: 'aspirin-platelets',
        description: 'Aspirin prevents heart attacks through platelet inhibition',
        outcomes: { total_effect: -0.2, direct_effect: 0 },
        key_insight: 'A fully mediated effect has no direct path left',
        likelihoods: [0.8, 0.3, 0.2],
      },
      {
        id: 'ads-awareness-sales',
        description: 'Adverts raise sales partly through awareness and partly through price perception',
        outcomes: { via_awareness: 0.6, via_price_perception: 0.4 },
        key_insight: 'Effects can split across several mediators',
        likelihoods: [0.75, 0.35, 0.1],
      },
    ],
  },
  {
    id: 'selection_bias',
    title: 'Selection bias',
    hypotheses: [
      'How units enter the data can create or distort associations',
      'A large sample is automatically representative',
      'Only measurement error can bias an estimate',
    ],
    learning_objectives: ['Ask how the sample was selected', 'Spot survivorship and volunteer effects'],
    examples: [
      {
        id: 'survivorship-planes',
        description: 'Returning bombers show bullet holes on the wings; the engines are where hits are fatal',
        outcomes: { holes_on_wings: 0.7, holes_on_engines: 0.05 },
        key_insight: 'The missing planes are the informative ones',
        likelihoods: [0.95, 0.1, 0.2],
      },
      {
        id: 'online-poll',
        description: 'An online poll of a million readers mispredicts an election',
        outcomes: { respondents: 1_000_000, error_points: 12 },
        key_insight: 'Size does not fix who chose to answer',
        likelihoods: [0.85, 0.05, 0.3],
      },
      {
        id: 'hospital-volunteers',
        description: 'Volunteers for a wellness programme are healthier before it starts',
        outcomes: { baseline_gap: 0.3, programme_effect: 0 },
        key_insight: 'Self-selection precedes the treatment',
        likelihoods: [0.8, 0.3, 0.25],
      },
      {
        id: 'funds-survivors',
        description: 'Average returns of funds still open overstate the returns of all funds launched',
        outcomes: { survivor_return: 0.08, all_funds_return: 0.05 },
        key_insight: 'Closed funds left the dataset because they did badly',
        likelihoods: [0.85, 0.2, 0.3],
      },
    ],
  },
  {
    id: 'collider_bias',
    title: 'Collider bias',
    hypotheses: [
      'Conditioning on a common effect creates an association between its causes',
      'Adjusting for more variables always reduces bias',
      'Independent causes stay independent in every subgroup',
    ],
    learning_objectives: ['Recognise colliders', 'Avoid conditioning on common effects'],
    examples: [
      {
        id: 'talent-looks-actors',
        description: 'Among famous actors, talent and looks are negatively correlated',
        outcomes: { population_correlation: 0, among_famous_correlation: -0.5 },
        key_insight: 'Fame needs talent or looks; selecting on it links them',
        likelihoods: [0.9, 0.2, 0.05],
      },
      {
        id: 'hospital-admission',
        description: 'Among hospital patients two unrelated diseases appear negatively related (Berkson)',
        outcomes: { population_correlation: 0, in_hospital_correlation: -0.3 },
        key_insight: 'Either disease can cause admission',
        likelihoods: [0.85, 0.25, 0.1],
      },
      {
        id: 'birthweight-paradox',
        description:
          'Low-birthweight babies of smokers have lower mortality than other low-birthweight babies',
        outcomes: { crude_effect_of_smoking: 0.2, effect_within_low_weight: -0.1 },
        key_insight: 'Birthweight is a collider of smoking and other, worse causes',
        likelihoods: [0.8, 0.3, 0.2],
      },
      {
        id: 'dating-kindness',
        description: 'People you date seem either kind or attractive, rarely both',
        outcomes: { correlation_among_dates: -0.4 },
        key_insight: 'Your dating threshold is the collider',
        likelihoods: [0.75, 0.35, 0.15],
      },
    ],
  },
  {
    id: 'regression_to_the_mean',
    title: 'Regression to the mean',
    hypotheses: [
      'Extreme measurements tend to be followed by less extreme ones by chance',
      'Any change after an intervention was caused by it',
      'Extreme performers stay extreme',
    ],
    learning_objectives: [
      'Expect extremes to move toward the average',
      'Use control groups before crediting an intervention',
    ],
    examples: [
      {
        id: 'sports-cover-jinx',
        description: 'Athletes on a magazine cover perform worse the next season',
        outcomes: { cover_season_score: 95, next_season_score: 82, career_average: 80 },
        key_insight: 'They made the cover in an unusually lucky season',
        likelihoods: [0.9, 0.3, 0.05],
      },
      {
        id: 'flight-instructors',
        description:
          'Praise after a great landing is followed by a worse one, criticism after a bad one by a better one',
        outcomes: { after_praise_change: -5, after_criticism_change: 5 },
        key_insight: 'Landings regress whatever the instructor says',
        likelihoods: [0.85, 0.4, 0.1],
      },
      {
        id: 'high-bp-retest',
        description: 'Patients selected for very high blood pressure read lower on retest without treatment',
        outcomes: { first_reading: 165, retest_reading: 152 },
        key_insight: 'Selection on an extreme reading guarantees some fall',
        likelihoods: [0.9, 0.2, 0.1],
      },
      {
        id: 'worst-schools',
        description: 'The worst-scoring schools improve the next year, with or without the programme',
        outcomes: { treated_gain: 6, untreated_gain: 6 },
        key_insight: 'A control group shows the improvement is not the programme',
        likelihoods: [0.8, 0.1, 0.2],
      },
    ],
  },
  {
    id: 'simpsons_paradox',
    title: "Simpson's paradox",
    hypotheses: [
      'An association can reverse when data are split by a third variable',
      'The aggregate comparison is always the right one',
      'Subgroup and aggregate trends always agree',
    ],
    learning_objectives: [
      'Check whether a third variable changes the comparison',
      'Use the causal graph to decide whether to aggregate',
    ],
    examples: [
      {
        id: 'kidney-stones',
        description: 'Treatment A beats B for small and for large stones, yet B looks better overall',
        outcomes: {
          a_small: 0.93,
          b_small: 0.87,
          a_large: 0.73,
          b_large: 0.69,
          a_overall: 0.78,
          b_overall: 0.83,
        },
        key_insight: 'Severity decides the treatment and the outcome; adjust for it',
        likelihoods: [0.95, 0.1, 0.05],
      },
      {
        id: 'berkeley-admissions',
        description: 'Men were admitted more often overall, but departments favoured women',
        outcomes: { men_overall: 0.44, women_overall: 0.35 },
        key_insight: 'Women applied to more competitive departments',
        likelihoods: [0.85, 0.2, 0.1],
      },
      {
        id: 'batting-averages',
        description: 'One batter has the higher average in each of two years, the other over both years',
        outcomes: { year1_gap: 0.003, year2_gap: 0.01, combined_gap: -0.01 },
        key_insight: 'Different numbers of at-bats weight the years differently',
        likelihoods: [0.8, 0.3, 0.1],
      },
      {
        id: 'exercise-cholesterol',
        description: 'Exercise raises cholesterol in the population yet lowers it within every age group',
        outcomes: { aggregate_slope: 0.4, within_age_slope: -0.3 },
        key_insight: 'Age drives both exercise and cholesterol',
        likelihoods: [0.85, 0.25, 0.15],
      },
    ],
  },
];

/** Normalises user spellings ("Simpson's paradox", "selection-bias") to catalogue ids. */
export function normaliseConceptId(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^simpson_paradox$/, 'simpsons_paradox');
}
