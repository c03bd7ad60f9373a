/**
 * Query selection by expected information gain (EIG): the mutual information, in bits, between the
 * user's answer to "A or B?" and their attribute weights under the current posterior:
 * EIG = H(E_w[p(A|w)]) − E_w[H(p(A|w))].
 */
import { createRng, seedFromString } from '../random.js';
import type { ComparisonQuery } from './choice-model.js';
import { pairInformationGain, utilityTable } from './information-gain.js';
import { normalisedWeightArray, particleMatrix, weightSummary } from './posterior.js';
import type { PreferencePosterior } from './posterior.js';

/** A candidate scenario. */
export interface Scenario {
  description: string;
  outcomes: Record<string, number>;
  trade_offs: string[];
}

/** A query as returned to the user and stored (queries live 7 days) for the later update. */
export interface PreferenceQuery extends ComparisonQuery {
  id: string;
  question: string;
  scenario_a: Scenario;
  scenario_b: Scenario;
  /** Expected information gain in bits (at most 1 for a binary answer). */
  information_gain: number;
}

export interface ElicitationResult {
  queries: PreferenceQuery[];
  strategy: { type: 'expected_information_gain'; rationale: string; focus_areas: string[] };
  expected_information_gain: number;
  estimated_queries_remaining: number;
}

/** Posterior standard deviation of every weight below which beliefs count as learned. */
export const LEARNED_STD = 0.08;

/**
 * Expected information gain of a query under a posterior, in bits.
 *
 * @param particles the posterior's particle matrix (see `particleMatrix`), when the caller has it.
 */
export function expectedInformationGain(
  posterior: PreferencePosterior,
  query: ComparisonQuery,
  particles = particleMatrix(posterior),
): number {
  const d = posterior.attributes.length;
  const scaled = new Float64Array(2 * d);
  posterior.attributes.forEach((a, k) => {
    const scale = query.scales[a] ?? 1;
    if (!(scale > 0)) return;
    scaled[k] = (query.scenario_a.outcomes[a] ?? 0) / scale;
    scaled[d + k] = (query.scenario_b.outcomes[a] ?? 0) / scale;
  });
  const table = utilityTable(particles, scaled, d);
  return pairInformationGain(table, 0, 1, normalisedWeightArray(posterior), posterior.rationality);
}

/** Spread of each attribute over the candidates, used as its scale. */
function scalesOf(candidates: readonly Scenario[], attributes: readonly string[]): Record<string, number> {
  const scales: Record<string, number> = {};
  for (const a of attributes) {
    const values = candidates.map((c) => c.outcomes[a] ?? 0);
    const spread = Math.max(...values) - Math.min(...values);
    scales[a] = spread > 0 ? spread : 1;
  }
  return scales;
}

/**
 * A deterministic pool of candidate scenarios when the caller supplies none: outcomes on a 0–100 scale
 * for every attribute, seeded by the posterior so repeated calls offer fresh but reproducible pairs.
 */
export function generateCandidates(posterior: PreferencePosterior, count = 12): Scenario[] {
  const rng = createRng(seedFromString(`${posterior.seed}:${posterior.queries_completed}`));
  return Array.from({ length: count }, (_, k) => {
    const outcomes: Record<string, number> = {};
    for (const a of posterior.attributes) outcomes[a] = Math.round(rng.next() * 100);
    return { description: `Scenario ${k + 1}`, outcomes, trade_offs: [] };
  });
}

function tradeOffs(a: Scenario, b: Scenario, attributes: readonly string[]): [string[], string[]] {
  const better = (x: Scenario, y: Scenario): string[] =>
    attributes.filter((k) => (x.outcomes[k] ?? 0) > (y.outcomes[k] ?? 0)).map((k) => `Higher ${k}`);
  return [better(a, b), better(b, a)];
}

/**
 * Chooses the `count` pairs of candidates with the highest expected information gain.
 *
 * @example elicit(createPosterior(['revenue', 'churn'], 1), { count: 1 }).queries[0]?.information_gain
 */
export function elicit(
  posterior: PreferencePosterior,
  options: { candidates?: Scenario[]; count?: number } = {},
): ElicitationResult {
  const candidates =
    options.candidates && options.candidates.length >= 2 ? options.candidates : generateCandidates(posterior);
  const count = Math.max(1, Math.min(10, options.count ?? 5));
  const attributes = posterior.attributes;
  const d = attributes.length;
  const scales = scalesOf(candidates, attributes);
  const scaled = new Float64Array(candidates.length * d);
  candidates.forEach((c, j) =>
    attributes.forEach((a, k) => {
      scaled[j * d + k] = (c.outcomes[a] ?? 0) / (scales[a] as number);
    }),
  );
  // Every candidate's utility under every particle once; each pair then reads two rows.
  const table = utilityTable(particleMatrix(posterior), scaled, d);
  const w = normalisedWeightArray(posterior);
  const outcomesJson = candidates.map((c) => JSON.stringify(c.outcomes));
  const idPrefix = `${posterior.seed}:${posterior.queries_completed}:`;
  const scored: { i: number; j: number; gain: number; id: string }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const gain = pairInformationGain(table, i, j, w, posterior.rationality);
      const id = `q_${seedFromString(`${idPrefix}${outcomesJson[i] as string}:${outcomesJson[j] as string}`)
        .toString(16)
        .padStart(8, '0')}`;
      scored.push({ i, j, gain, id });
    }
  }
  scored.sort((x, y) => y.gain - x.gain || x.id.localeCompare(y.id));
  // Only the chosen pairs become full queries.
  const queries = scored.slice(0, count).map(({ i, j, gain, id }): PreferenceQuery => {
    const ci = candidates[i] as Scenario;
    const cj = candidates[j] as Scenario;
    const [ta, tb] = tradeOffs(ci, cj, attributes);
    const a = { ...ci, trade_offs: ci.trade_offs.length ? ci.trade_offs : ta };
    const b = { ...cj, trade_offs: cj.trade_offs.length ? cj.trade_offs : tb };
    return {
      id,
      question: `Which outcome would you prefer?\n\nOption A: ${a.description}\nOption B: ${b.description}`,
      scenario_a: a,
      scenario_b: b,
      scales,
      information_gain: gain,
    };
  });
  const summary = weightSummary(posterior);
  const uncertain = [...summary].sort((x, y) => y.std - x.std);
  const maxStd = uncertain[0]?.std ?? 0;
  return {
    queries,
    strategy: {
      type: 'expected_information_gain',
      rationale: 'Pairs are ranked by the mutual information between the answer and the attribute weights',
      focus_areas: uncertain.slice(0, 2).map((s) => s.attribute),
    },
    expected_information_gain: queries.reduce((s, q) => s + q.information_gain, 0),
    estimated_queries_remaining: estimateRemaining(maxStd),
  };
}

/** Rough count of answers still needed: each answer shrinks the widest weight's spread by about 15%. */
export function estimateRemaining(maxStd: number): number {
  return maxStd <= LEARNED_STD ? 0 : Math.ceil(Math.log(maxStd / LEARNED_STD) / Math.log(1 / 0.85));
}
