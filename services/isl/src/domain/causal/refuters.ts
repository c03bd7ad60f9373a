import type { DataRow } from './data-table.js';
import type { EffectContext, Estimator } from './effect-estimators.js';
import { SeededRandom } from './seeded-random.js';

/** The outcome of one refutation test. */
export interface Refutation {
  refuter: 'placebo_treatment' | 'random_common_cause' | 'data_subset';
  originalEffect: number;
  newEffect: number;
  /** Whether the estimate survived: placebo ≈ 0, the others ≈ the original (within the CI half-width). */
  passed: boolean;
  detail: string;
}

/** Fraction of rows kept by the data-subset refuter. */
export const SUBSET_FRACTION = 0.8;
const RANDOM_CAUSE = '__random_common_cause';

/**
 * Runs the three refuters (after DoWhy): a permuted placebo treatment should have no effect; an
 * added random common cause and an 80 % random subset should leave the estimate where it was.
 * `tolerance` is the original interval's half-width.
 */
export function refute(
  rows: readonly DataRow[],
  ctx: EffectContext,
  estimator: Estimator,
  originalEffect: number,
  tolerance: number,
  seed: number,
): Refutation[] {
  const out: Refutation[] = [];
  const rng = new SeededRandom(seed ^ 0x5eed);
  const tol = Number.isFinite(tolerance) && tolerance > 0 ? tolerance : Math.abs(originalEffect) * 0.1;

  const permuted = rng.shuffle(rows.map((r) => r[ctx.treatment]));
  const placeboRows = rows.map((r, i) => ({ ...r, [ctx.treatment]: permuted[i] as DataRow[string] }));
  const placebo = safe(() => estimator(placeboRows, ctx).effect);
  out.push({
    refuter: 'placebo_treatment',
    originalEffect,
    newEffect: placebo,
    passed: Math.abs(placebo) <= tol,
    detail: 'treatment replaced by a random permutation of itself; the effect should vanish',
  });

  // A binary random cause keeps stratified estimators usable; regression treats it as numeric.
  const withCause = rows.map((r) => ({ ...r, [RANDOM_CAUSE]: rng.next() < 0.5 ? 1 : 0 }));
  const rcc = safe(
    () => estimator(withCause, { ...ctx, covariates: [...ctx.covariates, RANDOM_CAUSE] }).effect,
  );
  out.push({
    refuter: 'random_common_cause',
    originalEffect,
    newEffect: rcc,
    passed: Math.abs(rcc - originalEffect) <= tol,
    detail: 'an independent random covariate added to the adjustment set; the effect should not move',
  });

  const subset = rng.shuffle(rows).slice(0, Math.max(1, Math.floor(rows.length * SUBSET_FRACTION)));
  const sub = safe(() => estimator(subset, ctx).effect);
  out.push({
    refuter: 'data_subset',
    originalEffect,
    newEffect: sub,
    passed: Math.abs(sub - originalEffect) <= tol,
    detail: `re-estimated on a random ${SUBSET_FRACTION * 100}% subset; the effect should be stable`,
  });
  return out;
}

function safe(f: () => number): number {
  try {
    return f();
  } catch {
    return Number.NaN;
  }
}
