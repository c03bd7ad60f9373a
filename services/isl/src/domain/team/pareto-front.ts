/**
 * Pareto fronts over objectives that are all maximised.
 */

/** True when a is at least as good as b everywhere and strictly better somewhere. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? -Infinity;
    const y = b[i] ?? -Infinity;
    if (x < y) return false;
    if (x > y) strictly = true;
  }
  return strictly;
}

/**
 * Indices of the non-dominated points, in input order.
 *
 * @example paretoFront([[1, 0], [0, 1], [0, 0]]) // [0, 1]
 */
export function paretoFront(points: readonly (readonly number[])[]): number[] {
  return points.flatMap((p, i) => (points.some((q, j) => j !== i && dominates(q, p)) ? [] : [i]));
}
