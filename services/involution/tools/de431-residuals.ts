/**
 * What separates the analytic theories from DE431 (as Swiss Ephemeris reproduces it), heliocentric, in
 * the VSOP87 J2000 ecliptic frame.
 */
import { de431Correction } from '../src/domain/ephemeris/de431-correction.js';
import type { Vector3 } from '../src/domain/ephemeris/matrix3.js';
import { heliocentricPosition, type VsopBody } from '../src/domain/ephemeris/planetary-theory.js';

/** Spherical [L, B, R] (radians, AU) of a rectangular position. */
export function toSpherical(position: Vector3): [number, number, number] {
  const [x, y, z] = position;
  const r = Math.hypot(x, y, z);
  return [Math.atan2(y, x), Math.asin(z / r), r];
}

/** a − b wrapped to (−π, π]. */
export function angleDifference(a: number, b: number): number {
  const d = (a - b) % (2 * Math.PI);
  return d > Math.PI ? d - 2 * Math.PI : d <= -Math.PI ? d + 2 * Math.PI : d;
}

/**
 * VSOP87B's own L, B, R (precise tier, without the DE431 correction): the provider's position minus the
 * committed correction, so the generator needs no second code path through planetary-theory.ts.
 */
export function rawVsop87(body: VsopBody, jdTt: number): [number, number, number] {
  const [l, b, r] = toSpherical(heliocentricPosition(body, jdTt, 'precise'));
  const correction = de431Correction(body, jdTt);
  return [l - correction[0]!, b - correction[1]!, r - correction[2]!];
}

/** DE431 minus VSOP87B: [ΔL, ΔB (radians), ΔR (AU)] given DE431's heliocentric position. */
export function vsop87Residual(body: VsopBody, jdTt: number, de431: Vector3): [number, number, number] {
  const [l, b, r] = toSpherical(de431);
  const [l0, b0, r0] = rawVsop87(body, jdTt);
  return [angleDifference(l, l0), b - b0, r - r0];
}

/** Length (AU) of the heliocentric displacement that a [ΔL, ΔB, ΔR] error amounts to at [L, B, R]. */
export function displacement(error: readonly number[], at: readonly number[]): number {
  return Math.hypot(at[2]! * Math.cos(at[1]!) * error[0]!, at[2]! * error[1]!, error[2]!);
}
