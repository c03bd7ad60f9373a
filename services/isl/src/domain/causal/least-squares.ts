import { IslError } from '../../errors.js';

/**
 * Ordinary least squares by Householder QR (stabler than the normal equations).
 * `x` is the design matrix, one row per observation (include a column of ones for an intercept).
 * Optional non-negative `weights` give weighted least squares.
 *
 * @throws IslError ISL_ESTIMATION_FAILED when the design is rank-deficient.
 */
export function leastSquares(
  x: readonly (readonly number[])[],
  y: readonly number[],
  weights?: readonly number[],
): number[] {
  const n = x.length;
  const p = x[0]?.length ?? 0;
  if (n < p || p === 0) {
    throw new IslError('ISL_ESTIMATION_FAILED', `regression needs at least ${p} rows; got ${n}`, {
      field: 'data',
    });
  }
  // Column-major copy, rows scaled by sqrt(weight).
  const a: number[][] = Array.from({ length: p }, (_, j) =>
    x.map((row, i) => (row[j] ?? 0) * Math.sqrt(weights?.[i] ?? 1)),
  );
  const b = y.map((v, i) => v * Math.sqrt(weights?.[i] ?? 1));
  const r: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let scale = 0;
  for (const col of a) for (const v of col) scale = Math.max(scale, Math.abs(v));
  for (let k = 0; k < p; k++) {
    const col = a[k] as number[];
    let norm = 0;
    for (let i = k; i < n; i++) norm += (col[i] as number) ** 2;
    norm = Math.sqrt(norm);
    if (norm <= 1e-10 * Math.max(scale, 1)) {
      throw new IslError(
        'ISL_ESTIMATION_FAILED',
        'regression design is rank-deficient (collinear or constant columns)',
        {
          field: 'data',
          details: { column: k },
        },
      );
    }
    const alpha = (col[k] as number) > 0 ? -norm : norm;
    const v = col.slice();
    for (let i = 0; i < k; i++) v[i] = 0;
    v[k] = (v[k] as number) - alpha;
    let vv = 0;
    for (let i = k; i < n; i++) vv += (v[i] as number) ** 2;
    const reflect = (c: number[]): void => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += (v[i] as number) * (c[i] as number);
      const f = (2 * dot) / vv;
      for (let i = k; i < n; i++) c[i] = (c[i] as number) - f * (v[i] as number);
    };
    for (let j = k; j < p; j++) reflect(a[j] as number[]);
    reflect(b);
    for (let j = k; j < p; j++) (r[k] as number[])[j] = (a[j] as number[])[k] as number;
  }
  const beta = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    let s = b[k] as number;
    for (let j = k + 1; j < p; j++) s -= ((r[k] as number[])[j] as number) * (beta[j] as number);
    beta[k] = s / ((r[k] as number[])[k] as number);
  }
  return beta;
}
