import type { DataRow } from './data-table.js';
import type { EffectContext, Estimator, PointEstimate } from './effect-estimators.js';
import { resampleEstimatorFor } from './resample-estimators.js';
import { SeededRandom } from './seeded-random.js';

/** Upper bound on bootstrap resamples per request (cost is samples × rows). */
export const MAX_BOOTSTRAP_SAMPLES = 2000;

/** A percentile bootstrap interval for the effect and both arm means. */
export interface BootstrapResult {
  ci: [number, number];
  standardError: number;
  treatedCi: [number, number];
  controlCi: [number, number];
  /** Resamples that were used (a resample can fail, e.g. an empty arm). */
  samples: number;
  failed: number;
}

/** The q-quantile of sorted values by linear interpolation (type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/**
 * Nonparametric bootstrap with a seeded PRNG: the same rows, seed and sample count always give
 * the same interval. Intervals are percentile intervals at the given level (default 95 %).
 *
 * Stratified estimators run on rows encoded once and resample row indices only (see
 * resample-estimators.ts); the draws and the arithmetic are the same as resampling rows, so the
 * interval does not depend on which path ran.
 */
export function bootstrap(
  rows: readonly DataRow[],
  ctx: EffectContext,
  estimator: Estimator,
  samples: number,
  seed: number,
  level = 0.95,
): BootstrapResult {
  const rng = new SeededRandom(seed);
  const effects: number[] = [];
  const treated: number[] = [];
  const control: number[] = [];
  let failed = 0;
  const n = rows.length;
  const indexed = resampleEstimatorFor(estimator, rows, ctx);
  const indices = new Uint32Array(indexed ? n : 0);
  // One replicate: n draws with replacement, then the estimate (which may throw, e.g. an empty arm).
  const replicate: () => PointEstimate = indexed
    ? () => {
        for (let i = 0; i < n; i++) indices[i] = rng.int(n);
        return indexed(indices);
      }
    : () => {
        const resample: DataRow[] = new Array<DataRow>(n);
        for (let i = 0; i < n; i++) resample[i] = rows[rng.int(n)] as DataRow;
        return estimator(resample, ctx);
      };
  for (let b = 0; b < samples; b++) {
    try {
      const est = replicate();
      effects.push(est.effect);
      treated.push(est.treatedMean);
      control.push(est.controlMean);
    } catch {
      failed++;
    }
  }
  const a = (1 - level) / 2;
  const interval = (xs: number[]): [number, number] => {
    const s = [...xs].sort((p, q) => p - q);
    return [quantile(s, a), quantile(s, 1 - a)];
  };
  const mean = effects.reduce((s, v) => s + v, 0) / Math.max(effects.length, 1);
  const variance = effects.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(effects.length - 1, 1);
  return {
    ci: interval(effects),
    standardError: Math.sqrt(variance),
    treatedCi: interval(treated),
    controlCi: interval(control),
    samples: effects.length,
    failed,
  };
}
