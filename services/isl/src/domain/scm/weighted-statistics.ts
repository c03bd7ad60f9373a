/** Weighted summaries of simulated samples (weights sum to 1). */

/** Weighted mean. */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] ?? 0;
    if (w > 0) sum += w * (values[i] ?? 0);
  }
  return sum;
}

/** Weighted quantile: the smallest value whose cumulative weight reaches q. */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, q: number): number {
  const order = Array.from({ length: values.length }, (_, i) => i)
    .filter((i) => (weights[i] ?? 0) > 0)
    .sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i] ?? 0;
    if (cumulative >= q - 1e-12) return values[i] ?? Number.NaN;
  }
  const last = order[order.length - 1];
  return last === undefined ? Number.NaN : (values[last] ?? Number.NaN);
}

/** Weighted covariance of two series. */
export function weightedCovariance(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
): number {
  const mx = weightedMean(x, weights);
  const my = weightedMean(y, weights);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights[i] ?? 0;
    if (w > 0) sum += w * ((x[i] ?? 0) - mx) * ((y[i] ?? 0) - my);
  }
  return sum;
}

/** Rounds to 12 significant digits so floating-point dust (0.8000000000000002) does not reach clients. */
export function tidy(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  return Number(x.toPrecision(12));
}
