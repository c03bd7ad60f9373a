/** Chebyshev series value and derivative by Clenshaw's recurrence. */

/**
 * Evaluates Σ cₖ Tₖ(s) and its derivative with respect to s, for s in [−1, 1].
 * `coefficients` holds c₀…cₙ starting at `offset`.
 */
export function chebyshevWithDerivative(coefficients: ArrayLike<number>, offset: number, count: number, s: number): [number, number] {
  // Value: b_k = c_k + 2 s b_{k+1} − b_{k+2}; f = c_0 + s b_1 − b_2.
  // Derivative: d_k = 2 b_{k+1} + 2 s d_{k+1} − d_{k+2}; f' = b_1 + s d_1 − d_2.
  let b1 = 0;
  let b2 = 0;
  let d1 = 0;
  let d2 = 0;
  for (let k = count - 1; k >= 1; k--) {
    const b = coefficients[offset + k]! + 2 * s * b1 - b2;
    const d = 2 * b1 + 2 * s * d1 - d2;
    b2 = b1;
    b1 = b;
    d2 = d1;
    d1 = d;
  }
  const value = coefficients[offset]! + s * b1 - b2;
  const derivative = b1 + s * d1 - d2;
  return [value, derivative];
}
