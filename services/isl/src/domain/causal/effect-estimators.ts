import { IslError } from '../../errors.js';
import type { DataRow } from './data-table.js';
import { distinctValues, isDiscreteColumn, numericColumn } from './data-table.js';
import type { DiscreteValue } from './discrete-distribution.js';
import { leastSquares } from './least-squares.js';
import { dot, logisticRegression, sigmoid } from './logistic-regression.js';

/** What an estimator needs to know about the query. */
export interface EffectContext {
  treatment: string;
  outcome: string;
  /** Treatment value of the treated arm (for a continuous treatment: the higher dose compared). */
  treated: DiscreteValue;
  /** Treatment value of the control arm. */
  control: DiscreteValue;
  /** False when the treatment is continuous (regression only). */
  binaryTreatment: boolean;
  /** Backdoor adjustment set. */
  covariates: readonly string[];
  /** Frontdoor mediators. */
  mediators: readonly string[];
}

/** A point estimate: E[Y | do(treated)] − E[Y | do(control)] and the two arm means. */
export interface PointEstimate {
  effect: number;
  treatedMean: number;
  controlMean: number;
}

/** A point estimator over data rows. */
export type Estimator = (rows: readonly DataRow[], ctx: EffectContext) => PointEstimate;

/** Propensities are clipped to [ε, 1 − ε] so a few extreme units cannot dominate the weights. */
export const PROPENSITY_CLIP = 1e-3;

const SEP = '\u0001';

function isTreated(row: DataRow, ctx: EffectContext): boolean {
  return String(row[ctx.treatment]) === String(ctx.treated);
}

/** Rows in either arm of a binary treatment. */
export function armRows(rows: readonly DataRow[], ctx: EffectContext): DataRow[] {
  if (!ctx.binaryTreatment) return [...rows];
  const t = String(ctx.treated);
  const c = String(ctx.control);
  return rows.filter((r) => String(r[ctx.treatment]) === t || String(r[ctx.treatment]) === c);
}

function stratumKey(row: DataRow, cols: readonly string[]): string {
  return cols.map((c) => String(row[c])).join(SEP);
}

function fail(message: string): never {
  throw new IslError('ISL_ESTIMATION_FAILED', message, { field: 'data' });
}

/**
 * Backdoor adjustment by stratification: Σ_z P(z) E[Y | t, z]. Strata where one arm is empty
 * (positivity violated in the sample) are left out and the remaining weights renormalised.
 */
export const stratificationEstimator: Estimator = (all, ctx) => {
  const rows = armRows(all, ctx);
  const y = numericColumn(rows, ctx.outcome);
  const strata = new Map<string, { n: number; n1: number; s1: number; n0: number; s0: number }>();
  rows.forEach((r, i) => {
    const k = stratumKey(r, ctx.covariates);
    const s = strata.get(k) ?? { n: 0, n1: 0, s1: 0, n0: 0, s0: 0 };
    s.n++;
    if (isTreated(r, ctx)) {
      s.n1++;
      s.s1 += y[i] as number;
    } else {
      s.n0++;
      s.s0 += y[i] as number;
    }
    strata.set(k, s);
  });
  let mass = 0;
  let m1 = 0;
  let m0 = 0;
  for (const s of strata.values()) {
    if (s.n1 === 0 || s.n0 === 0) continue;
    mass += s.n;
    m1 += s.n * (s.s1 / s.n1);
    m0 += s.n * (s.s0 / s.n0);
  }
  if (mass === 0) fail('no stratum contains both treatment arms');
  return { effect: (m1 - m0) / mass, treatedMean: m1 / mass, controlMean: m0 / mass };
};

/** Design-matrix columns for covariates: numeric as is, categorical as indicators (first level dropped). */
export function covariateEncoder(
  rows: readonly DataRow[],
  covariates: readonly string[],
): (row: DataRow) => number[] {
  const parts = covariates.map((c) => {
    const vals = distinctValues(rows, c);
    if (vals.every((v) => typeof v === 'number')) return (r: DataRow): number[] => [r[c] as number];
    const levels = vals.map(String).sort().slice(1);
    return (r: DataRow): number[] => levels.map((l) => (String(r[c]) === l ? 1 : 0));
  });
  return (r) => parts.flatMap((p) => p(r));
}

function treatmentValue(row: DataRow, ctx: EffectContext): number {
  if (ctx.binaryTreatment) return isTreated(row, ctx) ? 1 : 0;
  const v = row[ctx.treatment];
  if (typeof v !== 'number') fail(`continuous treatment "${ctx.treatment}" has a non-numeric value`);
  return v;
}

/**
 * Backdoor adjustment by linear regression Y ~ 1 + T + Z: the effect is T's coefficient times the
 * contrast (1 for a binary treatment); arm means are the average predictions under each arm.
 */
export const regressionEstimator: Estimator = (all, ctx) => {
  const rows = armRows(all, ctx);
  const encode = covariateEncoder(rows, ctx.covariates);
  const y = numericColumn(rows, ctx.outcome);
  const x = rows.map((r) => [1, treatmentValue(r, ctx), ...encode(r)]);
  const beta = leastSquares(x, y);
  const t1 = ctx.binaryTreatment ? 1 : Number(ctx.treated);
  const t0 = ctx.binaryTreatment ? 0 : Number(ctx.control);
  let base = 0;
  for (const row of x) base += dot(row, beta) - (row[1] as number) * (beta[1] as number);
  base /= x.length;
  const b = beta[1] as number;
  return { effect: b * (t1 - t0), treatedMean: base + b * t1, controlMean: base + b * t0 };
};

/**
 * Inverse propensity weighting (Hajek, normalised weights). Propensities come from stratum
 * frequencies when every covariate is discrete, else from a logistic regression fitted by IRLS.
 */
export const ipwEstimator: Estimator = (all, ctx) => {
  if (!ctx.binaryTreatment) fail('inverse propensity weighting needs a binary treatment');
  const rows = armRows(all, ctx);
  const y = numericColumn(rows, ctx.outcome);
  const t = rows.map((r) => (isTreated(r, ctx) ? 1 : 0));
  let e: number[];
  if (ctx.covariates.every((c) => isDiscreteColumn(rows, c))) {
    const counts = new Map<string, [number, number]>();
    rows.forEach((r, i) => {
      const k = stratumKey(r, ctx.covariates);
      const c = counts.get(k) ?? [0, 0];
      c[0] += t[i] as number;
      c[1] += 1;
      counts.set(k, c);
    });
    e = rows.map((r) => {
      const [n1, n] = counts.get(stratumKey(r, ctx.covariates)) ?? [0, 1];
      return n1 / n;
    });
  } else {
    const encode = covariateEncoder(rows, ctx.covariates);
    const x = rows.map((r) => [1, ...encode(r)]);
    const beta = logisticRegression(x, t);
    e = x.map((row) => Math.min(1 - PROPENSITY_CLIP, Math.max(PROPENSITY_CLIP, sigmoid(dot(row, beta)))));
  }
  let w1 = 0;
  let s1 = 0;
  let w0 = 0;
  let s0 = 0;
  rows.forEach((_, i) => {
    const p = e[i] as number;
    // A stratum with only one arm has propensity 0 or 1: it cannot inform the contrast.
    if (p <= 0 || p >= 1) return;
    if (t[i] === 1) {
      w1 += 1 / p;
      s1 += (y[i] as number) / p;
    } else {
      w0 += 1 / (1 - p);
      s0 += (y[i] as number) / (1 - p);
    }
  });
  if (w1 === 0 || w0 === 0) fail('no unit has a propensity strictly between 0 and 1');
  return { effect: s1 / w1 - s0 / w0, treatedMean: s1 / w1, controlMean: s0 / w0 };
};

/**
 * Frontdoor estimator. Discrete mediators: E[Y | do(t)] = Σ_m P(m | t) Σ_t′ P(t′) E[Y | t′, m].
 * A single continuous mediator: the linear product of coefficients (M ~ T) × (Y ~ M + T).
 */
export const frontdoorEstimator: Estimator = (all, ctx) => {
  if (ctx.mediators.length === 0) fail('the frontdoor estimator needs a mediator set');
  const rows = armRows(all, ctx);
  const y = numericColumn(rows, ctx.outcome);
  if (ctx.mediators.every((m) => isDiscreteColumn(rows, m))) {
    if (!ctx.binaryTreatment) fail('the discrete frontdoor estimator needs a binary treatment');
    const n = rows.length;
    const t = rows.map((r) => (isTreated(r, ctx) ? 1 : 0));
    const n1 = t.reduce((s: number, v) => s + v, 0);
    const pT = [(n - n1) / n, n1 / n];
    const cell = new Map<string, { n: number; s: number }>();
    const mByT = [new Map<string, number>(), new Map<string, number>()];
    rows.forEach((r, i) => {
      const m = stratumKey(r, ctx.mediators);
      const ti = t[i] as number;
      const mt = mByT[ti] as Map<string, number>;
      mt.set(m, (mt.get(m) ?? 0) + 1);
      const k = `${ti}${SEP}${m}`;
      const c = cell.get(k) ?? { n: 0, s: 0 };
      c.n++;
      c.s += y[i] as number;
      cell.set(k, c);
    });
    const armMean = (arm: 0 | 1): number => {
      const nArm = arm === 1 ? n1 : n - n1;
      if (nArm === 0) fail('one treatment arm is empty');
      let total = 0;
      for (const [m, count] of mByT[arm] as Map<string, number>) {
        let inner = 0;
        let mass = 0;
        for (const tp of [0, 1] as const) {
          const c = cell.get(`${tp}${SEP}${m}`);
          if (!c) continue;
          inner += (pT[tp] as number) * (c.s / c.n);
          mass += pT[tp] as number;
        }
        total += (count / nArm) * (inner / mass);
      }
      return total;
    };
    const m1 = armMean(1);
    const m0 = armMean(0);
    return { effect: m1 - m0, treatedMean: m1, controlMean: m0 };
  }
  if (ctx.mediators.length !== 1) fail('continuous frontdoor estimation supports one mediator');
  const med = numericColumn(rows, ctx.mediators[0] as string);
  const tv = rows.map((r) => treatmentValue(r, ctx));
  const a = leastSquares(
    tv.map((v) => [1, v]),
    med,
  )[1] as number;
  const b = leastSquares(
    rows.map((_, i) => [1, med[i] as number, tv[i] as number]),
    y,
  )[1] as number;
  const t1 = ctx.binaryTreatment ? 1 : Number(ctx.treated);
  const t0 = ctx.binaryTreatment ? 0 : Number(ctx.control);
  const meanY = y.reduce((s, v) => s + v, 0) / y.length;
  const meanT = tv.reduce((s, v) => s + v, 0) / tv.length;
  return {
    effect: a * b * (t1 - t0),
    treatedMean: meanY + a * b * (t1 - meanT),
    controlMean: meanY + a * b * (t0 - meanT),
  };
};
