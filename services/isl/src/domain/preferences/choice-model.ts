/**
 * The choice likelihood: a logistic (Bradley–Terry) model on the utility difference of two scenarios.
 *
 * Utilities are weighted sums of attribute outcomes divided by each attribute's scale (its spread
 * among the candidates when the query was made), so attributes in pounds and in percent compare.
 */

/** Two scenarios with per-attribute outcomes and the scales fixed when the query was created. */
export interface ComparisonQuery {
  readonly scenario_a: { readonly outcomes: Readonly<Record<string, number>> };
  readonly scenario_b: { readonly outcomes: Readonly<Record<string, number>> };
  readonly scales: Readonly<Record<string, number>>;
}

/** A user's answer. */
export type PreferenceAnswer = 'A' | 'B' | 'indifferent';

/** Per-attribute normalised difference A − B for the given attribute order. */
export function attributeDifferences(query: ComparisonQuery, attributes: readonly string[]): number[] {
  return attributes.map((a) => {
    const scale = query.scales[a] ?? 1;
    const da = (query.scenario_a.outcomes[a] ?? 0) - (query.scenario_b.outcomes[a] ?? 0);
    return scale > 0 ? da / scale : 0;
  });
}

/** P(user picks A | weights). */
export function probabilityOfA(
  weights: ArrayLike<number>,
  differences: ArrayLike<number>,
  rationality: number,
): number {
  let delta = 0;
  for (let i = 0; i < weights.length; i++) delta += (weights[i] ?? 0) * (differences[i] ?? 0);
  return 1 / (1 + Math.exp(-rationality * delta));
}

/**
 * Likelihood of an answer. "Indifferent" is most likely when the utilities are equal: 2·min(p, 1 − p).
 * Confidence c in [0, 1] tempers the likelihood (L^c), so an unsure answer moves beliefs less.
 */
export function answerLogLikelihood(pA: number, answer: PreferenceAnswer, confidence: number): number {
  const p = answer === 'A' ? pA : answer === 'B' ? 1 - pA : 2 * Math.min(pA, 1 - pA);
  return confidence * Math.log(Math.max(p, 1e-300));
}
