/**
 * Reference-frame rotations from the frames the analytic theories use to the true ecliptic and equinox
 * of date.
 *
 * VSOP87 (and ELP/MPP02, whose J2000 ecliptic differs from it by under a milliarcsecond) is referred to
 * the dynamical ecliptic and equinox J2000; Bretagnon's rotation takes it to the FK5 J2000 equator, which
 * we treat as the J2000 mean equator (the residual frame bias is ~0.02″).
 */
import { ARCSEC } from './angles.js';
import { multiply, rotationX, rotationZ, type Matrix3 } from './matrix3.js';
import { nutation } from './nutation.js';
import { meanObliquity } from './obliquity.js';
import { precessionMatrix } from './precession.js';

/** VSOP87 ecliptic J2000 → FK5 J2000 equator (Bretagnon & Francou 1988). */
export const VSOP87_TO_EQUATORIAL_J2000: Matrix3 = Float64Array.from([
  1, 0.00000044036, -0.000000190919, -0.000000479966, 0.917482137087, -0.397776982902, 0, 0.397776982902,
  0.917482137087,
]);

/** Obliquity of the FK5 J2000 ecliptic (23°26′21.448″), used by theories referred to it (Meeus' Pluto). */
export const FK5_J2000_OBLIQUITY = 84381.448 * ARCSEC;

/** FK5 ecliptic J2000 → FK5 J2000 equator. */
export const FK5_ECLIPTIC_TO_EQUATORIAL_J2000: Matrix3 = rotationX(-FK5_J2000_OBLIQUITY);

/**
 * Rotation J2000 mean equator → true ecliptic and equinox of date:
 * Rz(−Δψ) · Rx(ε_A) · P(t), with P Vondrák's precession and Δψ IAU 2000B nutation.
 */
export function equatorialJ2000ToTrueEclipticOfDate(jdTt: number): Matrix3 {
  const meanEcliptic = multiply(rotationX(meanObliquity(jdTt)), precessionMatrix(jdTt));
  return multiply(rotationZ(-nutation(jdTt).longitude), meanEcliptic);
}

/** Transpose (= inverse) of a rotation matrix. */
export function transpose(m: Matrix3): Matrix3 {
  return Float64Array.from([m[0]!, m[3]!, m[6]!, m[1]!, m[4]!, m[7]!, m[2]!, m[5]!, m[8]!]);
}
