/**
 * Index-based forms of the stratified estimators for the bootstrap. The rows are encoded once
 * (treatment arm, stratum number, outcome as numbers); a resample is then only an array of row
 * indices, and each replicate accumulates into per-stratum count arrays instead of building string
 * keys and maps for every drawn row.
 *
 * Each form reproduces its estimator bit for bit on the resample those indices denote: sums are
 * accumulated in the same row order and strata are visited in first-appearance order, as the Map of
 * the row-based estimator does, so floating-point results are identical.
 */
import { IslError } from '../../errors.js';
import type { DataRow } from './data-table.js';
import { MAX_DISCRETE_LEVELS } from './data-table.js';
import type { EffectContext, Estimator, PointEstimate } from './effect-estimators.js';
import { ipwEstimator, stratificationEstimator } from './effect-estimators.js';

/** An estimator over a resample given as indices into the encoded rows (repetition allowed). */
export type ResampleEstimator = (indices: Uint32Array) => PointEstimate;

const SEP = '\u0001';
const EXCLUDED = -1;

/** Rows encoded once: arm (1 treated, 0 control, −1 in neither arm), stratum number and outcome. */
interface EncodedRows {
  arm: Int8Array;
  stratum: Int32Array;
  outcome: Float64Array;
  strata: number;
}

function fail(message: string): never {
  throw new IslError('ISL_ESTIMATION_FAILED', message, { field: 'data' });
}

/**
 * Encodes rows as the estimators read them; null when an in-arm outcome is not numeric (the
 * row-based estimator then reports the error itself).
 */
function encodeRows(rows: readonly DataRow[], ctx: EffectContext): EncodedRows | null {
  const n = rows.length;
  const arm = new Int8Array(n);
  const stratum = new Int32Array(n);
  const outcome = new Float64Array(n);
  const codes = new Map<string, number>();
  const treated = String(ctx.treated);
  const control = String(ctx.control);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as DataRow;
    const t = String(row[ctx.treatment]);
    const a = t === treated ? 1 : !ctx.binaryTreatment || t === control ? 0 : EXCLUDED;
    arm[i] = a;
    if (a === EXCLUDED) continue;
    const y = row[ctx.outcome];
    if (typeof y === 'number') outcome[i] = y;
    else if (typeof y === 'boolean') outcome[i] = y ? 1 : 0;
    else return null;
    const key = ctx.covariates.map((c) => String(row[c])).join(SEP);
    let code = codes.get(key);
    if (code === undefined) {
      code = codes.size;
      codes.set(key, code);
    }
    stratum[i] = code;
  }
  return { arm, stratum, outcome, strata: codes.size };
}

/** Index form of `stratificationEstimator`. */
function stratificationResampler(enc: EncodedRows): ResampleEstimator {
  const { arm, stratum, outcome } = enc;
  // One cell per stratum and arm (2k control, 2k + 1 treated) so a drawn row costs two lookups.
  const cellOf = new Int32Array(arm.length);
  for (let i = 0; i < arm.length; i++) {
    cellOf[i] = arm[i] === EXCLUDED ? EXCLUDED : 2 * (stratum[i] as number) + (arm[i] as number);
  }
  const cellCount = new Float64Array(2 * enc.strata);
  const cellSum = new Float64Array(2 * enc.strata);
  const order = new Int32Array(enc.strata);
  return (indices) => {
    cellCount.fill(0);
    cellSum.fill(0);
    let seen = 0;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j] as number;
      const c = cellOf[i] as number;
      if (c === EXCLUDED) continue;
      // Strata are summed in first-appearance order, as the row-based estimator's Map iterates.
      if (cellCount[c] === 0 && cellCount[c ^ 1] === 0) order[seen++] = c >> 1;
      cellCount[c] = (cellCount[c] as number) + 1;
      cellSum[c] = (cellSum[c] as number) + (outcome[i] as number);
    }
    let mass = 0;
    let m1 = 0;
    let m0 = 0;
    for (let o = 0; o < seen; o++) {
      const k = order[o] as number;
      const nk0 = cellCount[2 * k] as number;
      const nk1 = cellCount[2 * k + 1] as number;
      if (nk1 === 0 || nk0 === 0) continue;
      const nk = nk0 + nk1;
      mass += nk;
      m1 += nk * ((cellSum[2 * k + 1] as number) / nk1);
      m0 += nk * ((cellSum[2 * k] as number) / nk0);
    }
    if (mass === 0) fail('no stratum contains both treatment arms');
    return { effect: (m1 - m0) / mass, treatedMean: m1 / mass, controlMean: m0 / mass };
  };
}

/** Index form of `ipwEstimator` with propensities from stratum frequencies. */
function ipwResampler(enc: EncodedRows): ResampleEstimator {
  const { arm, stratum, outcome } = enc;
  const count = new Float64Array(enc.strata);
  const treatedCount = new Float64Array(enc.strata);
  return (indices) => {
    count.fill(0);
    treatedCount.fill(0);
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j] as number;
      const a = arm[i] as number;
      if (a === EXCLUDED) continue;
      const k = stratum[i] as number;
      count[k] = (count[k] as number) + 1;
      treatedCount[k] = (treatedCount[k] as number) + a;
    }
    let w1 = 0;
    let s1 = 0;
    let w0 = 0;
    let s0 = 0;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j] as number;
      const a = arm[i] as number;
      if (a === EXCLUDED) continue;
      const k = stratum[i] as number;
      const p = (treatedCount[k] as number) / (count[k] as number);
      // A stratum with only one arm has propensity 0 or 1: it cannot inform the contrast.
      if (p <= 0 || p >= 1) continue;
      if (a === 1) {
        w1 += 1 / p;
        s1 += (outcome[i] as number) / p;
      } else {
        w0 += 1 / (1 - p);
        s0 += (outcome[i] as number) / (1 - p);
      }
    }
    if (w1 === 0 || w0 === 0) fail('no unit has a propensity strictly between 0 and 1');
    return { effect: s1 / w1 - s0 / w0, treatedMean: s1 / w1, controlMean: s0 / w0 };
  };
}

/**
 * Whether every subset of the in-arm rows keeps `column` discrete, so the IPW estimator takes its
 * stratum-frequency branch on every resample: numeric values are integers with few levels.
 */
function discreteInEveryResample(rows: readonly DataRow[], enc: EncodedRows, column: string): boolean {
  const levels = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    if (enc.arm[i] === EXCLUDED) continue;
    const v = (rows[i] as DataRow)[column];
    if (typeof v !== 'number') continue;
    if (!Number.isInteger(v)) return false;
    levels.add(String(v));
    if (levels.size > MAX_DISCRETE_LEVELS) return false;
  }
  return true;
}

/**
 * The index form of `estimator` over `rows`, or null when it has none (regression, frontdoor and
 * ID estimators resample rows). Encoding happens here, once per bootstrap.
 */
export function resampleEstimatorFor(
  estimator: Estimator,
  rows: readonly DataRow[],
  ctx: EffectContext,
): ResampleEstimator | null {
  if (estimator !== stratificationEstimator && estimator !== ipwEstimator) return null;
  const enc = encodeRows(rows, ctx);
  if (!enc) return null;
  if (estimator === stratificationEstimator) return stratificationResampler(enc);
  if (!ctx.binaryTreatment) return null;
  if (!ctx.covariates.every((c) => discreteInEveryResample(rows, enc, c))) return null;
  return ipwResampler(enc);
}
