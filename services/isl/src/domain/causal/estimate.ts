import { IslError } from '../../errors.js';
import { satisfiesBackdoor } from './adjustment-sets.js';
import type { BootstrapResult } from './bootstrap.js';
import { MAX_BOOTSTRAP_SAMPLES, bootstrap } from './bootstrap.js';
import type { CausalQuerySpec } from './causal-validation.js';
import { graphOfQuery } from './causal-validation.js';
import type { DataRow } from './data-table.js';
import { distinctValues, isDiscreteColumn, numericColumn, parseCsv, requireColumns } from './data-table.js';
import type { DiscreteValue } from './discrete-distribution.js';
import { DiscreteDistribution } from './discrete-distribution.js';
import type { EffectContext, Estimator, PointEstimate } from './effect-estimators.js';
import {
  armRows,
  frontdoorEstimator,
  ipwEstimator,
  regressionEstimator,
  stratificationEstimator,
} from './effect-estimators.js';
import { evaluateIdentified } from './estimand-evaluation.js';
import { minimalAdjustmentSets } from './adjustment-sets.js';
import { minimalFrontdoorSets } from './frontdoor-sets.js';
import type { CausalGraph } from './graph.js';
import type { Identification } from './identify.js';
import { identifyEffect } from './identify.js';
import type { Refutation } from './refuters.js';
import { refute } from './refuters.js';

/** Estimation methods. `backdoor` picks stratification or regression from the data types. */
export type EstimationMethod =
  'backdoor' | 'backdoor.stratification' | 'backdoor.regression' | 'ipw' | 'frontdoor' | 'id';

/** The /causal/estimate request in domain form. */
export interface EstimateRequest extends CausalQuerySpec {
  data?: readonly Record<string, unknown>[];
  csv?: string;
  method?: EstimationMethod;
  treatedValue?: DiscreteValue;
  controlValue?: DiscreteValue;
  /** Overrides the graph's minimal set; must satisfy the backdoor criterion. */
  adjustmentSet?: readonly string[];
  /** Default 200, at most MAX_BOOTSTRAP_SAMPLES. */
  bootstrapSamples?: number;
  /** PRNG seed for bootstrap and refuters; default 0. */
  seed?: number;
  /** Default 0.95. */
  confidenceLevel?: number;
  /** Run the refuters (default true). */
  refute?: boolean;
}

/** An arm's value, mean outcome under intervention and interval. */
export interface ArmMean {
  value: DiscreteValue;
  mean: number;
  ci: [number, number];
}

/** The /causal/estimate answer in domain form. */
export interface EffectEstimate {
  method: Exclude<EstimationMethod, 'backdoor'>;
  treatment: string;
  outcome: string;
  effect: number;
  ci: [number, number];
  standardError: number;
  confidenceLevel: number;
  armMeans: { treated: ArmMean; control: ArmMean };
  adjustmentSet: string[];
  mediators: string[];
  estimand: string | null;
  n: number;
  bootstrap: { samples: number; failed: number; seed: number };
  refutations: Refutation[];
}

/** Converts request rows to data rows, rejecting values that are neither string, number nor boolean. */
export function rowsOf(req: Pick<EstimateRequest, 'data' | 'csv'>): DataRow[] {
  if (typeof req.csv === 'string') return parseCsv(req.csv);
  if (!Array.isArray(req.data)) {
    throw new IslError('ISL_DATA_INVALID', 'give data as an array of rows or as csv text', { field: 'data' });
  }
  const data: readonly unknown[] = req.data;
  return data.map((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new IslError('ISL_DATA_INVALID', `row ${i} is not an object`, { field: `data[${i}]` });
    }
    const out: DataRow = {};
    for (const [k, v] of Object.entries(row as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))
        out[k] = v;
      else if (v !== null && v !== undefined) {
        throw new IslError('ISL_DATA_INVALID', `row ${i} column "${k}" is not a string, number or boolean`, {
          field: `data[${i}].${k}`,
        });
      }
    }
    return out;
  });
}

function arms(
  rows: readonly DataRow[],
  treatment: string,
  treatedValue?: DiscreteValue,
  controlValue?: DiscreteValue,
): { treated: DiscreteValue; control: DiscreteValue; binary: boolean } {
  if (treatedValue !== undefined && controlValue !== undefined) {
    const vals = distinctValues(rows, treatment);
    const binary = vals.length <= 2 || vals.some((v) => typeof v !== 'number') || !isContinuous(vals);
    return { treated: treatedValue, control: controlValue, binary };
  }
  const vals = distinctValues(rows, treatment);
  if (vals.length === 2) {
    const s = vals.map(String);
    if (s.includes('0') && s.includes('1')) return pick(vals, '1', '0');
    if (s.includes('true') && s.includes('false')) return pick(vals, 'true', 'false');
    const [c, t] = [...vals].sort((a, b) => (String(a) < String(b) ? -1 : 1));
    return { treated: t as DiscreteValue, control: c as DiscreteValue, binary: true };
  }
  if (vals.length > 2 && vals.every((v) => typeof v === 'number')) {
    return { treated: treatedValue ?? 1, control: controlValue ?? 0, binary: false };
  }
  throw new IslError(
    'ISL_DATA_INVALID',
    `treatment "${treatment}" has ${vals.length} values; give treatedValue and controlValue`,
    { field: 'treatedValue' },
  );
}

function isContinuous(vals: readonly DiscreteValue[]): boolean {
  return vals.length > 2 && vals.every((v) => typeof v === 'number');
}

function pick(
  vals: readonly DiscreteValue[],
  t: string,
  c: string,
): { treated: DiscreteValue; control: DiscreteValue; binary: boolean } {
  return {
    treated: vals.find((v) => String(v) === t) as DiscreteValue,
    control: vals.find((v) => String(v) === c) as DiscreteValue,
    binary: true,
  };
}

/** Estimator that evaluates the ID estimand on the empirical distribution: E[Y | do(t)] = Σ_y y P(y | do(t)). */
function idEstimator(graph: CausalGraph, id: Identification & { identifiable: true }): Estimator {
  return (all, ctx) => {
    const rows = armRows(all, ctx);
    const ys = numericColumn(rows, ctx.outcome);
    const dist = DiscreteDistribution.fromRows(rows, graph.nodes);
    const mean = (t: DiscreteValue): number => {
      let m = 0;
      for (const yv of dist.domain(ctx.outcome)) {
        m += Number(yv) * evaluateIdentified(id, dist, { [ctx.treatment]: t, [ctx.outcome]: yv });
      }
      return m;
    };
    if (ys.length === 0) throw new IslError('ISL_ESTIMATION_FAILED', 'no rows', { field: 'data' });
    const m1 = mean(ctx.treated);
    const m0 = mean(ctx.control);
    return { effect: m1 - m0, treatedMean: m1, controlMean: m0 } satisfies PointEstimate;
  };
}

/**
 * Estimates the average effect E[Y | do(treated)] − E[Y | do(control)] from data, with a seeded
 * percentile bootstrap interval, per-arm means and refuters. The method defaults to backdoor
 * adjustment when a set exists, then frontdoor, then the ID estimand on discrete data.
 *
 * @throws IslError ISL_NOT_IDENTIFIABLE (with the hedge), ISL_DATA_INVALID, ISL_ESTIMATION_FAILED.
 */
export function estimateEffect(req: EstimateRequest): EffectEstimate {
  const graph = graphOfQuery(req);
  const { treatment: x, outcome: y } = req;
  const rows = rowsOf(req);
  const samples = req.bootstrapSamples ?? 200;
  if (!Number.isInteger(samples) || samples < 0 || samples > MAX_BOOTSTRAP_SAMPLES) {
    throw new IslError(
      'ISL_INVALID_INPUT',
      `bootstrapSamples must be an integer in 0..${MAX_BOOTSTRAP_SAMPLES}`,
      {
        field: 'bootstrapSamples',
      },
    );
  }
  const level = req.confidenceLevel ?? 0.95;
  if (!(level > 0 && level < 1)) {
    throw new IslError('ISL_INVALID_INPUT', 'confidenceLevel must be in (0, 1)', {
      field: 'confidenceLevel',
    });
  }
  const seed = req.seed ?? 0;

  let adjustment: string[] | null = null;
  if (req.adjustmentSet) {
    if (!satisfiesBackdoor(graph, x, y, req.adjustmentSet)) {
      throw new IslError('ISL_INVALID_INPUT', 'adjustmentSet does not satisfy the backdoor criterion', {
        field: 'adjustmentSet',
      });
    }
    adjustment = [...req.adjustmentSet];
  }
  const needsAdjustment =
    req.method === undefined || req.method.startsWith('backdoor') || req.method === 'ipw';
  if (!adjustment && needsAdjustment) adjustment = minimalAdjustmentSets(graph, x, y).minimalSet;
  let method = req.method;
  let mediators: string[] = [];
  let identification: Identification | null = null;
  if (method === undefined || method === 'frontdoor') {
    if (method === undefined && adjustment) method = 'backdoor';
    else {
      mediators = minimalFrontdoorSets(graph, x, y)[0] ?? [];
      if (mediators.length > 0) method = 'frontdoor';
      else if (method === 'frontdoor') {
        throw new IslError('ISL_NOT_IDENTIFIABLE', 'no frontdoor set exists for this graph', {
          field: 'method',
        });
      }
    }
  }
  if (method === undefined || method === 'id') {
    identification = identifyEffect(graph, [y], [x]);
    if (!identification.identifiable) {
      throw new IslError('ISL_NOT_IDENTIFIABLE', identification.reason, {
        field: 'dag',
        details: { hedge: identification.hedge },
      });
    }
    method = 'id';
  }
  if ((method.startsWith('backdoor') || method === 'ipw') && !adjustment) {
    throw new IslError('ISL_NOT_IDENTIFIABLE', `no backdoor adjustment set exists for ${x} -> ${y}`, {
      field: 'method',
    });
  }
  const covariates = adjustment ?? [];
  const columns = method === 'id' ? [...graph.nodes] : [x, y, ...covariates, ...mediators];
  requireColumns(rows, columns);
  const arm = arms(rows, x, req.treatedValue, req.controlValue);
  if (method === 'backdoor') {
    method =
      arm.binary && covariates.every((c) => isDiscreteColumn(rows, c))
        ? 'backdoor.stratification'
        : 'backdoor.regression';
  }
  if (method === 'id' && identification?.identifiable !== true) {
    identification = identifyEffect(graph, [y], [x]);
  }
  const ctx: EffectContext = {
    treatment: x,
    outcome: y,
    treated: arm.treated,
    control: arm.control,
    binaryTreatment: arm.binary,
    covariates,
    mediators,
  };
  const estimator = pickEstimator(method, graph, identification);
  const point = estimator(rows, ctx);
  const boot: BootstrapResult | null =
    samples > 0 ? bootstrap(rows, ctx, estimator, samples, seed, level) : null;
  const ci: [number, number] = boot ? boot.ci : [Number.NaN, Number.NaN];
  const half = (ci[1] - ci[0]) / 2;
  return {
    method,
    treatment: x,
    outcome: y,
    effect: point.effect,
    ci,
    standardError: boot ? boot.standardError : Number.NaN,
    confidenceLevel: level,
    armMeans: {
      treated: {
        value: arm.treated,
        mean: point.treatedMean,
        ci: boot ? boot.treatedCi : [Number.NaN, Number.NaN],
      },
      control: {
        value: arm.control,
        mean: point.controlMean,
        ci: boot ? boot.controlCi : [Number.NaN, Number.NaN],
      },
    },
    adjustmentSet: method.startsWith('backdoor') || method === 'ipw' ? covariates : [],
    mediators,
    estimand: identification?.identifiable === true ? identification.formula : null,
    n: armRows(rows, ctx).length,
    bootstrap: { samples: boot?.samples ?? 0, failed: boot?.failed ?? 0, seed },
    refutations: req.refute === false ? [] : refute(rows, ctx, estimator, point.effect, half, seed),
  };
}

function pickEstimator(
  method: Exclude<EstimationMethod, 'backdoor'>,
  graph: CausalGraph,
  identification: Identification | null,
): Estimator {
  switch (method) {
    case 'backdoor.stratification':
      return stratificationEstimator;
    case 'backdoor.regression':
      return regressionEstimator;
    case 'ipw':
      return ipwEstimator;
    case 'frontdoor':
      return frontdoorEstimator;
    case 'id':
      if (identification?.identifiable !== true) {
        throw new IslError('ISL_NOT_IDENTIFIABLE', 'effect is not identifiable', { field: 'dag' });
      }
      return idEstimator(graph, identification);
  }
}
