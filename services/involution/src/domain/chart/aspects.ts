/**
 * Aspects between chart points: angular separations within an orb of the classic angles.
 */
import { InvolutionError } from '../../errors.js';

/** Exact angle of each aspect, degrees. */
export const ASPECT_ANGLES = {
  conjunction: 0,
  semisextile: 30,
  sextile: 60,
  square: 90,
  trine: 120,
  quincunx: 150,
  opposition: 180,
} as const;

/** An aspect name. */
export type AspectName = keyof typeof ASPECT_ANGLES;

/** Every aspect name. */
export const ASPECT_NAMES = Object.keys(ASPECT_ANGLES) as AspectName[];

/** Default orbs (degrees): the widely used Lilly-style values; minor aspects tight. */
export const DEFAULT_ORBS: Readonly<Record<AspectName, number>> = {
  conjunction: 8,
  opposition: 8,
  trine: 8,
  square: 7,
  sextile: 6,
  quincunx: 3,
  semisextile: 2,
};

/** A point that can form aspects. `speed` (degrees/day) decides applying or separating. */
export interface AspectPoint {
  name: string;
  longitude: number;
  speed?: number;
}

/** One aspect found. */
export interface Aspect {
  point1: string;
  point2: string;
  aspect: AspectName;
  /** Exact angle of the aspect, degrees. */
  exactAngle: number;
  /** Actual separation, degrees in [0, 180]. */
  separation: number;
  /** |separation − exact angle|, degrees. */
  orb: number;
  /** True when the orb is shrinking (both speeds known), undefined when a speed is missing. */
  applying: boolean | undefined;
}

/** Angular separation in [0, 180]. */
export function separation(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}

/**
 * Resolves orbs: the defaults overridden by `overrides`; aspects given orb 0 or absent from
 * `include` are not looked for.
 * @throws InvolutionError INVOLUTION_INVALID_INPUT naming an unknown aspect or a bad orb.
 */
export function resolveOrbs(overrides: Readonly<Record<string, number>> = {}, include?: readonly string[], field = 'aspects'): Partial<Record<AspectName, number>> {
  const orbs: Partial<Record<AspectName, number>> = {};
  const wanted = include ?? ['conjunction', 'opposition', 'trine', 'square', 'sextile'];
  for (const name of [...wanted, ...Object.keys(overrides)]) {
    if (!(name in ASPECT_ANGLES)) {
      throw new InvolutionError('INVOLUTION_INVALID_INPUT', `Unknown aspect "${name}"; valid aspects: ${ASPECT_NAMES.join(', ')}`, {
        field,
        details: { aspect: name, valid: ASPECT_NAMES },
      });
    }
  }
  for (const name of wanted as AspectName[]) orbs[name] = DEFAULT_ORBS[name];
  for (const [name, orb] of Object.entries(overrides)) {
    if (!Number.isFinite(orb) || orb < 0 || orb > 15) {
      throw new InvolutionError('INVOLUTION_INVALID_INPUT', `Orb of ${name} must be within [0, 15] degrees`, { field: `${field}.orbs.${name}`, details: { orb } });
    }
    orbs[name as AspectName] = orb;
  }
  for (const name of ASPECT_NAMES) if (orbs[name] === 0) delete orbs[name];
  return orbs;
}

/**
 * Every pair of points in aspect, tightest first within each pair order. A pair forms at most one
 * aspect (the closest exact angle within its orb).
 *
 * @example findAspects([{ name: 'Sun', longitude: 10 }, { name: 'Moon', longitude: 128 }], { trine: 8 })[0].orb // 2
 */
export function findAspects(points: readonly AspectPoint[], orbs: Partial<Record<AspectName, number>>): Aspect[] {
  const aspects: Aspect[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      const sep = separation(a.longitude, b.longitude);
      let best: Aspect | undefined;
      for (const [name, orbLimit] of Object.entries(orbs) as [AspectName, number][]) {
        const exact = ASPECT_ANGLES[name];
        const orb = Math.abs(sep - exact);
        if (orb <= orbLimit && (!best || orb < best.orb)) {
          best = { point1: a.name, point2: b.name, aspect: name, exactAngle: exact, separation: sep, orb, applying: applying(a, b, exact) };
        }
      }
      if (best) aspects.push(best);
    }
  }
  return aspects.sort((x, y) => x.orb - y.orb);
}

/** Whether the orb shrinks over the next moment, from the two daily motions. */
function applying(a: AspectPoint, b: AspectPoint, exact: number): boolean | undefined {
  if (a.speed === undefined || b.speed === undefined) return undefined;
  const step = 1e-3; // days: small enough that no aspect is passed through within it
  const now = Math.abs(separation(a.longitude, b.longitude) - exact);
  const later = Math.abs(separation(a.longitude + a.speed * step, b.longitude + b.speed * step) - exact);
  return later < now;
}
