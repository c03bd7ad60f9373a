/**
 * The guide's benchmark workload (causal, counterfactual, preference, teaching) as ISL requests with
 * known answers: the kidney-stone study (Charig et al. 1986, 700 patients), Pearl's Joe model (Primer
 * §4.2.3), elicit → update for a distinct user per iteration, and teaching across the six concepts.
 * Each scenario is one iteration of the closed-loop driver.
 */
import type { Iteration } from './isl-closed-loop.js';

const PREFIX = '/api/v1';

/** Treatment, stone size, successes and patients of each kidney-stone group. */
const KIDNEY_GROUPS: readonly (readonly [string, string, number, number])[] = [
  ['A', 'small', 81, 87],
  ['A', 'large', 192, 263],
  ['B', 'small', 234, 270],
  ['B', 'large', 55, 80],
];

function kidneyCsv(): string {
  const lines = ['treatment,size,success'];
  for (const [treatment, size, successes, patients] of KIDNEY_GROUPS)
    for (let i = 0; i < patients; i++) lines.push(`${treatment},${size},${i < successes ? 1 : 0}`);
  return lines.join('\n');
}

const kidneyGraph = {
  dag: {
    nodes: ['size', 'treatment', 'success'],
    edges: [
      ['size', 'treatment'],
      ['size', 'success'],
      ['treatment', 'success'],
    ],
  },
  treatment: 'treatment',
  outcome: 'success',
};
const KIDNEY_CSV = kidneyCsv();

const normal01 = { type: 'normal', parameters: { mean: 0, std: 1 } };
const joe = {
  model: {
    variables: ['X', 'H', 'Y'],
    equations: { Y: '0.7 * X + 0.4 * H + U_Y', H: '0.5 * X + U_H', X: 'U_X' },
    distributions: { U_X: normal01, U_H: normal01, U_Y: normal01 },
  },
  intervention: { H: 2 },
  outcome: 'Y',
};

const CONCEPTS = ['confounding', 'mediation', 'selection_bias', 'collider_bias', 'regression_to_the_mean', 'simpsons_paradox'];

export interface Scenario {
  readonly name: string;
  /** The guide's target for the scenario's endpoints: p95 under this many seconds. */
  readonly guideTargetSeconds: number;
  /** Builds one iteration; `tag` keeps user ids distinct between runs. */
  readonly iteration: (tag: string) => Iteration;
}

/** The workload, one scenario per endpoint group; request defaults are the API's (200 bootstrap samples, 2000 Monte Carlo draws). */
export const ISL_WORKLOAD: readonly Scenario[] = [
  {
    name: 'causal/validate (kidney stones)',
    guideTargetSeconds: 2,
    iteration: () => async (_index, call) => {
      await call('causal/validate', `${PREFIX}/causal/validate`, kidneyGraph);
    },
  },
  {
    name: 'causal/estimate (kidney stones, 700 rows)',
    guideTargetSeconds: 2,
    iteration: () => async (index, call) => {
      await call('causal/estimate', `${PREFIX}/causal/estimate`, { ...kidneyGraph, csv: KIDNEY_CSV, seed: index });
    },
  },
  {
    name: 'counterfactual (Joe, evidence)',
    guideTargetSeconds: 2,
    iteration: () => async (index, call) => {
      await call('counterfactual (evidence)', `${PREFIX}/causal/counterfactual`, {
        ...joe,
        evidence: { X: 0.5, H: 1, Y: 1.5 },
        seed: index,
      });
    },
  },
  {
    name: 'counterfactual (Joe, Monte Carlo)',
    guideTargetSeconds: 2,
    iteration: () => async (index, call) => {
      await call('counterfactual (do)', `${PREFIX}/causal/counterfactual`, { ...joe, seed: index });
    },
  },
  {
    name: 'preferences elicit → update',
    guideTargetSeconds: 1.5,
    iteration: (tag) => async (index, call) => {
      const user = `bench-${tag}-${index}`;
      const elicited = (await call('preferences/elicit', `${PREFIX}/preferences/elicit`, {
        user_id: user,
        context: { domain: 'pricing', variables: ['revenue', 'churn', 'nps'] },
        num_queries: 3,
      })) as { queries?: { id: string }[] } | undefined;
      const queryId = elicited?.queries?.[0]?.id;
      if (queryId === undefined) return;
      await call('preferences/update', `${PREFIX}/preferences/update`, {
        user_id: user,
        query_id: queryId,
        response: index % 2 === 0 ? 'A' : 'B',
        confidence: 0.9,
      });
    },
  },
  {
    name: 'teaching/teach',
    guideTargetSeconds: 1.5,
    iteration: (tag) => async (index, call) => {
      await call('teaching/teach', `${PREFIX}/teaching/teach`, {
        user_id: `bench-${tag}-${index % 50}`,
        target_concept: CONCEPTS[index % CONCEPTS.length] ?? 'confounding',
        max_examples: 3,
      });
    },
  },
];
