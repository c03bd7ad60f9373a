/** Degree-based trigonometry and normalisation shared by the house and ayanamsa code. */

export const DEG = Math.PI / 180;

/** Normalises an angle in degrees to [0, 360). */
export function normalizeDegrees(x: number): number {
  const r = x % 360;
  // `r + 360` can round to exactly 360 for tiny negative r; fold that back to 0.
  const n = r < 0 ? r + 360 : r;
  return n >= 360 ? 0 : n;
}

export const sind = (x: number): number => Math.sin(x * DEG);
export const cosd = (x: number): number => Math.cos(x * DEG);
export const tand = (x: number): number => Math.tan(x * DEG);
export const asind = (x: number): number => Math.asin(Math.max(-1, Math.min(1, x))) / DEG;
export const atand = (x: number): number => Math.atan(x) / DEG;
export const atan2d = (y: number, x: number): number => Math.atan2(y, x) / DEG;
