/**
 * Chebyshev fits of a vector function over consecutive intervals, in the layout SPK type 2 and 3
 * records use (coefficients per component, c₀ first, c₀ not halved). Used to build kernels from other
 * ephemerides (the closed-loop tests fit the analytic theories).
 */
import type { ChebyshevRecord } from '../spk/spk-writer.js';

/**
 * Coefficients of the degree-`degree` Chebyshev interpolant of each component of `f` on [−1, 1], at
 * the Chebyshev–Gauss nodes (near-minimax; exact for polynomials up to `degree`).
 */
export function chebyshevInterpolant(f: (x: number) => readonly number[], degree: number): number[][] {
  const n = degree + 1;
  const nodes = Array.from({ length: n }, (_, k) => Math.cos((Math.PI * (k + 0.5)) / n));
  const values = nodes.map((x) => f(x));
  const components = values[0]?.length ?? 0;
  return Array.from({ length: components }, (_, c) =>
    Array.from({ length: n }, (_, j) => {
      let sum = 0;
      for (let k = 0; k < n; k += 1) sum += values[k]![c]! * Math.cos((Math.PI * j * (k + 0.5)) / n);
      return ((j === 0 ? 1 : 2) / n) * sum;
    }),
  );
}

/**
 * SPK records fitting `f(t)` (t in the caller's seconds, e.g. TDB seconds past J2000) over `count`
 * intervals of `intervalLength` seconds from `init`.
 */
export function fitChebyshevRecords(
  f: (t: number) => readonly number[],
  init: number,
  intervalLength: number,
  count: number,
  degree: number,
): ChebyshevRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const mid = init + (i + 0.5) * intervalLength;
    const radius = intervalLength / 2;
    return chebyshevInterpolant((x) => f(mid + x * radius), degree);
  });
}
