/**
 * Least-squares Chebyshev fit of samples on [−1, 1]: the normal equations of the Chebyshev basis are
 * well conditioned for the degrees used here (≤ 16) with evenly spaced samples, so a Cholesky solve does.
 */

/** Coefficients c₀ … c_degree minimising Σ (Σ c_k T_k(x_i) − y_i)². */
export function fitChebyshev(x: readonly number[], y: readonly number[], degree: number): number[] {
  const n = degree + 1;
  if (x.length < n) throw new Error(`need at least ${n} samples for degree ${degree}, got ${x.length}`);
  const normal = Array.from({ length: n }, () => new Float64Array(n));
  const rhs = new Float64Array(n);
  const basis = new Float64Array(n);
  for (let i = 0; i < x.length; i += 1) {
    const xi = x[i]!;
    basis[0] = 1;
    if (n > 1) basis[1] = xi;
    for (let k = 2; k < n; k += 1) basis[k] = 2 * xi * basis[k - 1]! - basis[k - 2]!;
    for (let j = 0; j < n; j += 1) {
      rhs[j]! += basis[j]! * y[i]!;
      for (let k = 0; k <= j; k += 1) normal[j]![k]! += basis[j]! * basis[k]!;
    }
  }
  return solveCholesky(normal, rhs);
}

/** Solves L·Lᵀ·c = rhs for a symmetric positive definite matrix given by its lower triangle. */
function solveCholesky(matrix: Float64Array[], rhs: Float64Array): number[] {
  const n = rhs.length;
  const lower = Array.from({ length: n }, () => new Float64Array(n));
  for (let j = 0; j < n; j += 1) {
    let diagonal = matrix[j]![j]!;
    for (let k = 0; k < j; k += 1) diagonal -= lower[j]![k]! ** 2;
    if (!(diagonal > 0)) throw new Error('normal equations are not positive definite');
    lower[j]![j] = Math.sqrt(diagonal);
    for (let i = j + 1; i < n; i += 1) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k += 1) sum -= lower[i]![k]! * lower[j]![k]!;
      lower[i]![j] = sum / lower[j]![j]!;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k += 1) sum -= lower[i]![k]! * z[k]!;
    z[i] = sum / lower[i]![i]!;
  }
  const c = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = z[i]!;
    for (let k = i + 1; k < n; k += 1) sum -= lower[k]![i]! * c[k]!;
    c[i] = sum / lower[i]![i]!;
  }
  return c;
}
