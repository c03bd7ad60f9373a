/** Angle units and normalisation shared by the ephemeris code. */

/** Radians per degree. */
export const DEG = Math.PI / 180;
/** Radians per arcsecond. */
export const ARCSEC = Math.PI / 648000;
/** 2π. */
export const TWO_PI = 2 * Math.PI;

/** Normalises an angle in degrees into [0, 360). */
export function normalizeDegrees(degrees: number): number {
  const wrapped = degrees % 360;
  return wrapped < 0 ? wrapped + 360 : wrapped;
}

/** Normalises an angle in radians into [0, 2π). */
export function normalizeRadians(radians: number): number {
  const wrapped = radians % TWO_PI;
  return wrapped < 0 ? wrapped + TWO_PI : wrapped;
}

/** Signed difference a − b in degrees, in (−180, 180]. */
export function degreesDifference(a: number, b: number): number {
  const d = normalizeDegrees(a - b);
  return d > 180 ? d - 360 : d;
}
