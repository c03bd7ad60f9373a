/**
 * Breakpoints: values of one assumption at which a conclusion flips, i.e. where the outcome crosses a
 * threshold. A grid scan finds every sign change of outcome − threshold inside the range and bisection
 * pins each one down.
 */

/** Grid resolution of the scan; crossings closer together than range/GRID may be missed. */
export const BREAKPOINT_GRID = 128;

/** Where the conclusion flips. */
export interface Breakpoint {
  /** Value of the assumption at the crossing. */
  value: number;
  /** Whether the outcome goes above or below the threshold as the assumption increases through value. */
  direction: 'rises_above' | 'falls_below';
}

/**
 * Finds the values in [min, max] where f(value) crosses threshold.
 *
 * @example findBreakpoints((x) => 2 * x - 1, 0, 0, 1) // [{ value: 0.5, direction: 'rises_above' }]
 */
export function findBreakpoints(
  f: (value: number) => number,
  threshold: number,
  min: number,
  max: number,
): Breakpoint[] {
  if (!(max > min)) return [];
  const g = (x: number): number => f(x) - threshold;
  const found: Breakpoint[] = [];
  let lastX = min;
  let lastG = g(min);
  // The first grid point where g is exactly zero since the last non-zero one.
  let zeroAt: number | undefined;
  for (let k = 1; k <= BREAKPOINT_GRID; k++) {
    const x = k === BREAKPOINT_GRID ? max : min + ((max - min) * k) / BREAKPOINT_GRID;
    const gx = g(x);
    if (!Number.isFinite(gx)) continue;
    if (gx === 0) {
      zeroAt ??= x;
      continue;
    }
    if (Number.isFinite(lastG) && lastG !== 0 && lastG * gx < 0) {
      found.push({
        value: zeroAt ?? bisect(g, lastX, x, lastG),
        direction: gx > 0 ? 'rises_above' : 'falls_below',
      });
    }
    lastX = x;
    lastG = gx;
    zeroAt = undefined;
  }
  return found;
}

function bisect(g: (x: number) => number, a0: number, b0: number, ga0: number): number {
  let a = a0;
  let b = b0;
  let ga = ga0;
  for (let i = 0; i < 200 && b - a > 1e-14 * Math.max(1, Math.abs(a), Math.abs(b)); i++) {
    const m = (a + b) / 2;
    const gm = g(m);
    if (gm === 0) return m;
    if (ga * gm < 0) b = m;
    else {
      a = m;
      ga = gm;
    }
  }
  return (a + b) / 2;
}
