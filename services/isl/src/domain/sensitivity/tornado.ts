/**
 * Tornado data: one-at-a-time swings of an outcome over each assumption's range, with each swing's
 * share of the total. Shares are percentages with two decimals that sum to exactly 100 (largest
 * remainder rounding), so a chart's bars add up.
 */

/** One assumption's swing. */
export interface TornadoBar {
  name: string;
  low_value: number;
  high_value: number;
  low_outcome: number;
  high_outcome: number;
  swing: number;
  /** Percentage of the summed swings, two decimals. */
  share: number;
}

/** Shares (percent, two decimals) proportional to the weights, summing to exactly 100 in hundredths. */
export function percentShares(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return weights.map(() => 0);
  const raw = weights.map((w) => (w / total) * 10000);
  const floors = raw.map((r) => Math.floor(r));
  let missing = 10000 - floors.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, rest: r - Math.floor(r) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    missing--;
  }
  return floors.map((f) => f / 100);
}

/**
 * Builds tornado bars sorted by swing (largest first).
 *
 * @param outcomeAt evaluates the outcome with one assumption set to a value and the rest at baseline.
 */
export function tornado(
  assumptions: readonly { name: string; min: number; max: number }[],
  outcomeAt: (index: number, value: number) => number,
): TornadoBar[] {
  const bars = assumptions.map((a, i) => {
    const lowOutcome = outcomeAt(i, a.min);
    const highOutcome = outcomeAt(i, a.max);
    return {
      name: a.name,
      low_value: a.min,
      high_value: a.max,
      low_outcome: lowOutcome,
      high_outcome: highOutcome,
      swing: Math.abs(highOutcome - lowOutcome),
      share: 0,
    };
  });
  const shares = percentShares(bars.map((b) => b.swing));
  bars.forEach((b, i) => {
    b.share = shares[i] ?? 0;
  });
  return bars.sort((a, b) => b.swing - a.swing || a.name.localeCompare(b.name));
}
