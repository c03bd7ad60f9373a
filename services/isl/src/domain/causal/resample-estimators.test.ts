import { describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.js';
import type { DataRow } from './data-table.js';
import type { EffectContext, Estimator, PointEstimate } from './effect-estimators.js';
import { ipwEstimator, regressionEstimator, stratificationEstimator } from './effect-estimators.js';
import { resampleEstimatorFor } from './resample-estimators.js';
import { SeededRandom } from './seeded-random.js';

/** Mixed data: three treatment levels (one outside both arms), two covariates, a continuous outcome. */
function mixedRows(n: number, seed: number): DataRow[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: n }, () => {
    const z = rng.int(4);
    const w = rng.next() < 0.5 ? 'x' : 'y';
    const t = rng.next() < 0.2 + 0.15 * z ? 'on' : rng.next() < 0.15 ? 'other' : 'off';
    return { z, w, t, y: (t === 'on' ? 0.3 : 0) + 0.7 * z + rng.next() };
  });
}

const ctx: EffectContext = {
  treatment: 't',
  outcome: 'y',
  treated: 'on',
  control: 'off',
  binaryTreatment: true,
  covariates: ['z', 'w'],
  mediators: [],
};

/** Result or thrown error code of an estimate, so throwing and returning compare alike. */
function outcome(f: () => PointEstimate): PointEstimate | string {
  try {
    return f();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** Checks the index form against the row form on `draws` random resamples of `rows`. */
function expectSameAsRows(estimator: Estimator, rows: DataRow[], context: EffectContext, draws: number): void {
  const indexed = resampleEstimatorFor(estimator, rows, context);
  expect(indexed).not.toBeNull();
  const rng = new SeededRandom(99);
  const n = rows.length;
  for (let b = 0; b < draws; b++) {
    const indices = Uint32Array.from({ length: n }, () => rng.int(n));
    const resample = Array.from(indices, (i) => rows[i] as DataRow);
    // Bit-for-bit: toEqual on floats is exact.
    expect(outcome(() => indexed!(indices))).toEqual(outcome(() => estimator(resample, context)));
  }
}

describe('resampleEstimatorFor', () => {
  it('reproduces stratification bit for bit on resamples, rows outside both arms included', () => {
    expectSameAsRows(stratificationEstimator, mixedRows(300, 1), ctx, 50);
  });

  it('reproduces stratification with a non-binary treatment (every other level is control)', () => {
    expectSameAsRows(stratificationEstimator, mixedRows(200, 2), { ...ctx, binaryTreatment: false }, 30);
  });

  it('reproduces IPW with stratum-frequency propensities bit for bit', () => {
    expectSameAsRows(ipwEstimator, mixedRows(300, 3), ctx, 50);
  });

  it('fails exactly where the row form fails (small samples with one-arm strata)', () => {
    const rows = mixedRows(10, 4);
    expectSameAsRows(stratificationEstimator, rows, ctx, 40);
    expectSameAsRows(ipwEstimator, rows, ctx, 40);
  });

  it('has no index form for regression, non-numeric outcomes or IPW over a continuous covariate', () => {
    const rows = mixedRows(50, 5);
    expect(resampleEstimatorFor(regressionEstimator, rows, ctx)).toBeNull();
    const inArm = rows.findIndex((r) => r['t'] !== 'other');
    const textOutcome = rows.map((r, i) => (i === inArm ? { ...r, y: 'high' } : r));
    expect(resampleEstimatorFor(stratificationEstimator, textOutcome, ctx)).toBeNull();
    // A resample of a column with 11 integer levels may keep only 10 and turn discrete: rows path.
    const manyLevels = rows.map((r, i) => ({ ...r, z: i % 11 }));
    expect(resampleEstimatorFor(ipwEstimator, manyLevels, ctx)).toBeNull();
    expect(resampleEstimatorFor(stratificationEstimator, manyLevels, ctx)).not.toBeNull();
  });
});

describe('bootstrap on encoded rows', () => {
  it('gives the same interval as resampling rows with the same seed', () => {
    const rows = mixedRows(120, 6);
    // A wrapper is not recognised, so it takes the row-resampling path with the same draws.
    const rowPath: Estimator = (r, c) => stratificationEstimator(r, c);
    expect(bootstrap(rows, ctx, stratificationEstimator, 80, 17)).toEqual(bootstrap(rows, ctx, rowPath, 80, 17));
    const ipwRowPath: Estimator = (r, c) => ipwEstimator(r, c);
    expect(bootstrap(rows, ctx, ipwEstimator, 80, 17, 0.9)).toEqual(bootstrap(rows, ctx, ipwRowPath, 80, 17, 0.9));
  });

  it('counts failed resamples the same way on tiny data', () => {
    const rows = mixedRows(8, 7);
    const rowPath: Estimator = (r, c) => stratificationEstimator(r, c);
    const fast = bootstrap(rows, ctx, stratificationEstimator, 60, 3);
    expect(fast.failed).toBeGreaterThan(0);
    expect(fast).toEqual(bootstrap(rows, ctx, rowPath, 60, 3));
  });
});
