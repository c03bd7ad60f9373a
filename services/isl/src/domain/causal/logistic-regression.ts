import { IslError } from '../../errors.js';
import { leastSquares } from './least-squares.js';

/** IRLS stops after this many Newton steps. */
export const MAX_IRLS_ITERATIONS = 50;

/**
 * Logistic regression P(y = 1 | x) = σ(x·β) fitted by iteratively reweighted least squares
 * (Newton's method). `x` rows should include an intercept column.
 */
export function logisticRegression(x: readonly (readonly number[])[], y: readonly number[]): number[] {
  const p = x[0]?.length ?? 0;
  let beta = new Array<number>(p).fill(0);
  for (let iter = 0; iter < MAX_IRLS_ITERATIONS; iter++) {
    const w: number[] = [];
    const z: number[] = [];
    x.forEach((row, i) => {
      const eta = dot(row, beta);
      const mu = sigmoid(eta);
      // Floor the weight so separable data cannot make the weighted system singular.
      const wi = Math.max(mu * (1 - mu), 1e-9);
      w.push(wi);
      z.push(eta + ((y[i] as number) - mu) / wi);
    });
    const next = leastSquares(x, z, w);
    const change = Math.max(...next.map((b, j) => Math.abs(b - (beta[j] as number))));
    beta = next;
    if (!beta.every(Number.isFinite)) {
      throw new IslError('ISL_ESTIMATION_FAILED', 'propensity model diverged', { field: 'data' });
    }
    if (change < 1e-8) break;
  }
  return beta;
}

/** The logistic function. */
export function sigmoid(t: number): number {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}

/** Dot product of equal-length vectors. */
export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
