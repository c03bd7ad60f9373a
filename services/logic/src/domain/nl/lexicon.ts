/**
 * The closed word classes of the controlled English the converter accepts. Every other word is an
 * open-class word (noun, adjective or verb) whose role the grammar infers from its position.
 */

export const UNIVERSAL_DETERMINERS = new Set(['all', 'every', 'each', 'any']);
/** `several` and `many` imply `some`; only existence is represented (a sound weakening). */
export const EXISTENTIAL_DETERMINERS = new Set(['some', 'a', 'an', 'several', 'many']);
/** Possessive determiners: `his dog` is a dog of the referent (or of the clause's subject). */
export const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their']);
export const NEGATIVE_DETERMINERS = new Set(['no']);

/** Quantified pronouns: `everyone` = ∀x, `someone` = ∃x, `nobody` = ∀x ¬. */
export const QUANTIFIED_PRONOUNS: Readonly<Record<string, 'all' | 'some' | 'no'>> = {
  everyone: 'all',
  everybody: 'all',
  everything: 'all',
  anyone: 'all',
  anybody: 'all',
  anything: 'all',
  someone: 'some',
  somebody: 'some',
  something: 'some',
  nobody: 'no',
  nothing: 'no',
};

export const ANAPHORIC_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'him', 'her', 'them']);
export const COPULAS_SINGULAR = new Set(['is', 'was']);
export const COPULAS_PLURAL = new Set(['are', 'were']);
/** Determiners of a definite noun phrase that can refer back to an if-clause's indefinite. */
export const DEMONSTRATIVES = new Set(['the', 'this', 'that', 'these', 'those']);
export const RELATIVE_PRONOUNS = new Set(['who', 'that', 'which', 'whom']);
export const PREPOSITIONS = new Set([
  'in', 'on', 'at', 'of', 'to', 'from', 'with', 'by', 'for', 'about', 'than', 'into', 'under', 'over',
  'near', 'after', 'before', 'between', 'among', 'without', 'within', 'through', 'as', 'along', 'across',
  'around', 'against', 'during', 'toward', 'towards', 'behind', 'beyond', 'per', 'via', 'upon', 'onto',
  'throughout', 'despite', 'until',
]);

/**
 * Adverbs that quantify or hedge (`often`, `usually`, `rarely`, `probably`): dropping one would
 * change the claim, and reading one as a noun or verb would invent a predicate, so they are
 * closed-class words the grammar has no rule for; a sentence with one is not converted. `always`
 * is here because `not always` is not `not`; without a negation it is stepped over (adverbials.ts).
 */
export const NOT_ENTAILING_ADVERBS = new Set([
  'often', 'sometimes', 'seldom', 'usually', 'generally', 'frequently', 'occasionally', 'rarely', 'hardly', 'barely',
  'scarcely', 'typically', 'normally', 'mostly', 'partly', 'nearly', 'almost', 'possibly', 'probably', 'likely',
  'allegedly', 'supposedly', 'seemingly', 'apparently', 'unlikely', 'perhaps', 'maybe',
]);

const FUNCTION_WORDS = new Set([
  ...NOT_ENTAILING_ADVERBS,
  'always', 'never',
  ...UNIVERSAL_DETERMINERS,
  ...EXISTENTIAL_DETERMINERS,
  ...NEGATIVE_DETERMINERS,
  ...Object.keys(QUANTIFIED_PRONOUNS),
  ...ANAPHORIC_PRONOUNS,
  ...COPULAS_SINGULAR,
  ...COPULAS_PLURAL,
  ...RELATIVE_PRONOUNS,
  ...PREPOSITIONS,
  'the', 'not', 'and', 'or', 'nor', 'if', 'then', 'either', 'neither', 'both', 'can', 'could', 'does',
  'do', 'did', 'be', 'am', 'there', 'case', 'one', 'also', ',', 'this', 'these', 'those', 'unless', 'only', "'s", "'", 'his', 'its', 'their', 'when', 'whenever', 'but', 'been', ...['will', 'would', 'shall', 'should', 'must', 'may', 'might'],
]);

/** True for a closed-class word, which can never be a noun, adjective or verb. */
export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower);
}

/** Modal auxiliaries other than `can`: tense and mood are not represented, so they are dropped. */
export const DROPPED_MODALS = new Set(['will', 'would', 'shall', 'should', 'must', 'may', 'might']);

const DEMONYMS = new Set([
  'american', 'canadian', 'mexican', 'brazilian', 'european', 'african', 'asian', 'australian', 'italian',
  'indian', 'russian', 'norwegian', 'korean', 'german', 'french', 'dutch', 'greek', 'thai', 'roman', 'christian',
]);

/**
 * Nationality and similar adjectives, capitalised in English (`British`, `Chinese`, `French`):
 * after the copula they are adjectives, not names (`is British` is British(x), not x = british).
 */
export function looksDemonym(lower: string): boolean {
  return DEMONYMS.has(lower) || /^[a-z]{3,}(ish|ese)$/.test(lower);
}
