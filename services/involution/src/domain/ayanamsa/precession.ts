/**
 * Precession of equatorial vectors between J2000 and another epoch, in the models Swiss Ephemeris
 * uses: Vondrák 2011 (its default) and, to reproduce ayanamsas defined under older theories,
 * IAU 1976 (Lieske) and Newcomb (Kinoshita 1975 form) as ζ, z, θ rotations.
 */
import { precessionMatrix as vondrakPrecessionMatrix } from '../ephemeris/precession.js';

const J2000 = 2451545.0;
/** Besselian epoch 1850.0 as a Julian day (the origin of Newcomb's expressions). */
const B1850 = 2396758.203581;
const ARCSEC = Math.PI / 180 / 3600;

/** A precession theory. */
export type PrecessionModel = 'vondrak2011' | 'iau1976' | 'newcomb';

/** Equatorial rectangular vector. */
export type Vec3 = [number, number, number];

/** The three equatorial precession angles ζ, z, θ (radians) from J2000 to `jd`. */
function zetaZTheta(jd: number, model: 'iau1976' | 'newcomb'): [number, number, number] {
  if (model === 'iau1976') {
    const t = (jd - J2000) / 36525;
    return [
      ((0.017998 * t + 0.30188) * t + 2306.2181) * t * ARCSEC,
      ((0.018203 * t + 1.09468) * t + 2306.2181) * t * ARCSEC,
      ((-0.041833 * t - 0.42665) * t + 2004.3109) * t * ARCSEC,
    ];
  }
  // Newcomb in tropical millennia from B1850 (Kinoshita 1975).
  const millennia = 365242.198782;
  const t1 = (J2000 - B1850) / millennia;
  const t = (jd - B1850) / millennia - t1;
  const zeta1 = 23035.5548 + 139.72 * t1 + 0.069 * t1 * t1;
  return [
    (zeta1 * t + (30.242 - 0.269 * t1) * t * t + 17.996 * t * t * t) * ARCSEC,
    (zeta1 * t + (109.478 - 0.387 * t1) * t * t + 18.324 * t * t * t) * ARCSEC,
    ((20051.125 - 85.294 * t1 - 0.365 * t1 * t1) * t + (-42.647 - 0.365 * t1) * t * t - 41.802 * t * t * t) * ARCSEC,
  ];
}

/** Rotation matrix (rows) J2000 → epoch `jd` in the given model. */
function precessionMatrix(jd: number, model: PrecessionModel): [Vec3, Vec3, Vec3] {
  if (model === 'vondrak2011') {
    const m = vondrakPrecessionMatrix(jd);
    return [
      [m[0]!, m[1]!, m[2]!],
      [m[3]!, m[4]!, m[5]!],
      [m[6]!, m[7]!, m[8]!],
    ];
  }
  const [zeta, z, theta] = zetaZTheta(jd, model);
  const [sZ, cZ] = [Math.sin(zeta), Math.cos(zeta)];
  const [sz, cz] = [Math.sin(z), Math.cos(z)];
  const [st, ct] = [Math.sin(theta), Math.cos(theta)];
  const a = cZ * ct;
  const b = sZ * ct;
  return [
    [a * cz - sZ * sz, -(b * cz + cZ * sz), -st * cz],
    [a * sz + sZ * cz, -(b * sz - cZ * cz), -st * sz],
    [cZ * st, -sZ * st, ct],
  ];
}

/** Precesses an equatorial vector from the mean equator/equinox of J2000 to that of `jd`. */
export function precessFromJ2000(v: Vec3, jd: number, model: PrecessionModel = 'vondrak2011'): Vec3 {
  if (jd === J2000) return [...v];
  const m = precessionMatrix(jd, model);
  return m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]) as Vec3;
}

/** Precesses an equatorial vector from the mean equator/equinox of `jd` to that of J2000. */
export function precessToJ2000(v: Vec3, jd: number, model: PrecessionModel = 'vondrak2011'): Vec3 {
  if (jd === J2000) return [...v];
  const m = precessionMatrix(jd, model);
  const [r0, r1, r2] = m;
  return [
    r0[0] * v[0] + r1[0] * v[1] + r2[0] * v[2],
    r0[1] * v[0] + r1[1] * v[1] + r2[1] * v[2],
    r0[2] * v[0] + r1[2] * v[1] + r2[2] * v[2],
  ];
}

/** Rotates an equatorial vector to ecliptic coordinates of obliquity `eps` (radians). */
export function equatorialToEcliptic(v: Vec3, eps: number): Vec3 {
  const s = Math.sin(eps);
  const c = Math.cos(eps);
  return [v[0], c * v[1] + s * v[2], -s * v[1] + c * v[2]];
}

/** Rotates an ecliptic vector of obliquity `eps` (radians) to equatorial coordinates. */
export function eclipticToEquatorial(v: Vec3, eps: number): Vec3 {
  return equatorialToEcliptic(v, -eps);
}
