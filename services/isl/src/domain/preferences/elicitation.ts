/**
 * Query selection by expected information gain (EIG): the mutual information, in bits, between the
 * user's answer to "A or B?" and their attribute weights under the current posterior:
 * EIG = H(E_w[p(A|w)]) − E_w[H(p(A|w))].
 */
import { createRng, seedFromString } from '../random.js';
import { attributeDifferences, probabilityOfA } from './choice-model.js';
import type { ComparisonQuery } from './choice-model.js';
import { normalisedWeights, particlesOf, weightSummary } from './posterior.js';
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

const entropy = (p: number): number =>
  p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));

/** Expected information gain of a query under a posterior, in bits. */
export function expectedInformationGain(
  posterior: PreferencePosterior,
  query: ComparisonQuery,
  particles = particlesOf(posterior),
): number {
  const w = normalisedWeights(posterior);
  const diffs = attributeDifferences(query, posterior.attributes);
  let marginal = 0;
  let conditional = 0;
  particles.forEach((particle, i) => {
    const p = probabilityOfA(particle, diffs, posterior.rationality);
    marginal += (w[i] ?? 0) * p;
    conditional += (w[i] ?? 0) * entropy(p);
  });
  return Math.max(0, entropy(marginal) - conditional);
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
  const scales = scalesOf(candidates, posterior.attributes);
  const particles = particlesOf(posterior);
  const scored: PreferenceQuery[] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const [ta, tb] = tradeOffs(candidates[i] as Scenario, candidates[j] as Scenario, posterior.attributes);
      const a = {
        ...(candidates[i] as Scenario),
        trade_offs: (candidates[i] as Scenario).trade_offs.length
          ? (candidates[i] as Scenario).trade_offs
          : ta,
      };
      const b = {
        ...(candidates[j] as Scenario),
        trade_offs: (candidates[j] as Scenario).trade_offs.length
          ? (candidates[j] as Scenario).trade_offs
          : tb,
      };
      const query = { scenario_a: a, scenario_b: b, scales };
      const gain = expectedInformationGain(posterior, query, particles);
      const id = `q_${seedFromString(
        `${posterior.seed}:${posterior.queries_completed}:${JSON.stringify(a.outcomes)}:${JSON.stringify(b.outcomes)}`,
      )
        .toString(16)
        .padStart(8, '0')}`;
      scored.push({
        id,
        question: `Which outcome would you prefer?\n\nOption A: ${a.description}\nOption B: ${b.description}`,
        scenario_a: a,
        scenario_b: b,
        scales,
        information_gain: gain,
      });
    }
  }
  scored.sort((x, y) => y.information_gain - x.information_gain || x.id.localeCompare(y.id));
  const queries = scored.slice(0, count);
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
