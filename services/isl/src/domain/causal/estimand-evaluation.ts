import { IslError } from '../../errors.js';
import type { DiscreteDistribution, DiscreteValue } from './discrete-distribution.js';
import type { Estimand } from './estimand.js';
import { prob, product, sum } from './estimand.js';

/** Caps the number of cells a single summation may visit, so a huge estimand cannot stall the process. */
export const MAX_SUMMATION_CELLS = 5_000_000;
/** Caps the probability look-ups of one evaluation (nested sums multiply their cells). */
export const MAX_EVALUATION_STEPS = 20_000_000;

/** Remaining work allowed for one top-level evaluation. */
export interface EvaluationBudget {
  remaining: number;
}

/**
 * Evaluates an estimand on a discrete joint distribution with the free variables (outcome and
 * intervention values) fixed by `env`. Zero-probability conditioning events contribute 0.
 */
export function evaluateEstimand(
  e: Estimand,
  dist: DiscreteDistribution,
  env: Readonly<Record<string, DiscreteValue>>,
  budget: EvaluationBudget = { remaining: MAX_EVALUATION_STEPS },
): number {
  switch (e.type) {
    case 'prob':
      if (--budget.remaining < 0) {
        throw new IslError(
          'ISL_GRAPH_TOO_LARGE',
          `evaluating the estimand needs more than ${MAX_EVALUATION_STEPS} steps`,
          {
            field: 'query',
            details: { limit: MAX_EVALUATION_STEPS },
          },
        );
      }
      for (const v of [...e.vars, ...e.given]) {
        if (env[v] === undefined) {
          throw new IslError('ISL_INVALID_INPUT', `no value given for "${v}"`, {
            field: 'query',
            details: { variable: v },
          });
        }
      }
      return dist.conditional(e.vars, e.given, env);
    case 'product': {
      let r = 1;
      for (const f of e.factors) {
        r *= evaluateEstimand(f, dist, env, budget);
        if (r === 0) return 0;
      }
      return r;
    }
    case 'fraction': {
      const den = evaluateEstimand(e.den, dist, env, budget);
      return den === 0 ? 0 : evaluateEstimand(e.num, dist, env, budget) / den;
    }
    case 'sum': {
      const domains = e.over.map((v) => dist.domain(v));
      const cells = domains.reduce((n, d) => n * d.length, 1);
      if (cells > MAX_SUMMATION_CELLS) {
        throw new IslError('ISL_GRAPH_TOO_LARGE', `a summation would visit ${cells} cells`, {
          field: 'query',
          details: { cells, limit: MAX_SUMMATION_CELLS },
        });
      }
      let total = 0;
      const local: Record<string, DiscreteValue> = { ...env };
      const loop = (i: number): void => {
        if (i === e.over.length) {
          total += evaluateEstimand(e.body, dist, local, budget);
          return;
        }
        for (const val of domains[i] as readonly DiscreteValue[]) {
          local[e.over[i] as string] = val;
          loop(i + 1);
        }
      };
      loop(0);
      return total;
    }
  }
}

/**
 * P(outcome = each value | do(treatment = values)) for one outcome variable: the whole
 * interventional distribution, keyed by the outcome's value rendered as a string.
 */
export function interventionalDistribution(
  e: Estimand,
  dist: DiscreteDistribution,
  outcome: string,
  intervention: Readonly<Record<string, DiscreteValue>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const val of dist.domain(outcome)) {
    out[String(val)] = evaluateEstimand(e, dist, { ...intervention, [outcome]: val });
  }
  return out;
}

/**
 * Evaluates an identified estimand whose `arbitrary` variables may take any value: it averages
 * over their observed marginal, which equals the estimand at any single value in the population
 * and uses all the data when the distribution is estimated from rows.
 */
export function evaluateIdentified(
  identified: { estimand: Estimand; arbitrary: readonly string[] },
  dist: DiscreteDistribution,
  env: Readonly<Record<string, DiscreteValue>>,
): number {
  const { estimand, arbitrary } = identified;
  if (arbitrary.length === 0) return evaluateEstimand(estimand, dist, env);
  return evaluateEstimand(sum(arbitrary, product([prob(arbitrary), estimand])), dist, env);
}
