/**
 * Reference-frame rotations from the frames the analytic theories use to the true ecliptic and equinox
 * of date.
 *
 * VSOP87 (and ELP/MPP02, whose J2000 ecliptic differs from it by under a milliarcsecond) is referred to
 * the dynamical ecliptic and equinox J2000; Bretagnon's rotation takes it to the FK5 J2000 equator, which
 * we treat as the J2000 mean equator (the residual frame bias is ~0.02″).
 */
import { multiply, rotationX, rotationZ, type Matrix3 } from './matrix3.js';
import { nutation, nutationRate } from './nutation.js';
import { meanObliquity, meanObliquityRate } from './obliquity.js';
import { precessionMatrix, precessionMatrixRate } from './precession.js';

/** VSOP87 ecliptic J2000 → FK5 J2000 equator (Bretagnon & Francou 1988). */
export const VSOP87_TO_EQUATORIAL_J2000: Matrix3 = Float64Array.from([
  1, 0.00000044036, -0.000000190919, -0.000000479966, 0.917482137087, -0.397776982902, 0, 0.397776982902,
  0.917482137087,
]);

/**
 * Rotation J2000 mean equator → true ecliptic and equinox of date:
 * Rz(−Δψ) · Rx(ε_A) · P(t), with P Vondrák's precession and Δψ IAU 2000B nutation.
 */
export function equatorialJ2000ToTrueEclipticOfDate(jdTt: number): Matrix3 {
  const meanEcliptic = multiply(rotationX(meanObliquity(jdTt)), precessionMatrix(jdTt));
  return multiply(rotationZ(-nutation(jdTt).longitude), meanEcliptic);
}

/**
 * Rotation VSOP87 ecliptic J2000 → true ecliptic and equinox of date: the product of
 * equatorialJ2000ToTrueEclipticOfDate and VSOP87_TO_EQUATORIAL_J2000, formed without intermediate
 * matrices (the provider builds three per instant) and with the same operations, so the same numbers.
 */
export function vsop87ToTrueEclipticOfDate(jdTt: number): Matrix3 {
  const p = precessionMatrix(jdTt);
  const eps = meanObliquity(jdTt);
  const ce = Math.cos(eps);
  const se = Math.sin(eps);
  const dpsi = -nutation(jdTt).longitude;
  const cp = Math.cos(dpsi);
  const sp = Math.sin(dpsi);
  const out = new Float64Array(9);
  const v = VSOP87_TO_EQUATORIAL_J2000;
  for (let j = 0; j < 3; j += 1) {
    // Column j of Rx(ε)·P, then of Rz(−Δψ)·(Rx(ε)·P).
    const e0 = p[j]!;
    const e1 = ce * p[3 + j]! + se * p[6 + j]!;
    const e2 = -se * p[3 + j]! + ce * p[6 + j]!;
    scratch[j] = cp * e0 + sp * e1;
    scratch[3 + j] = -sp * e0 + cp * e1;
    scratch[6 + j] = e2;
  }
  for (let i = 0; i < 3; i += 1) {
    for (let j = 0; j < 3; j += 1) {
      out[3 * i + j] =
        scratch[3 * i]! * v[j]! + scratch[3 * i + 1]! * v[3 + j]! + scratch[3 * i + 2]! * v[6 + j]!;
    }
  }
  return out;
}

const scratch = new Float64Array(9);
const scratchRate = new Float64Array(9);

/**
 * The rate (per day) of vsop87ToTrueEclipticOfDate: the analytic derivative of Rz(−Δψ)·Rx(ε_A)·P(t)
 * by the product rule, from the nutation, obliquity and precession series' own derivatives.
 */
export function vsop87ToTrueEclipticOfDateRate(jdTt: number): Matrix3 {
  const p = precessionMatrix(jdTt);
  const pRate = precessionMatrixRate(jdTt);
  const eps = meanObliquity(jdTt);
  const epsRate = meanObliquityRate(jdTt);
  const ce = Math.cos(eps);
  const se = Math.sin(eps);
  const dpsi = -nutation(jdTt).longitude;
  const dpsiRate = -nutationRate(jdTt).longitude;
  const cp = Math.cos(dpsi);
  const sp = Math.sin(dpsi);
  for (let j = 0; j < 3; j += 1) {
    const e0 = p[j]!;
    const e1 = ce * p[3 + j]! + se * p[6 + j]!;
    const e2 = -se * p[3 + j]! + ce * p[6 + j]!;
    const e0Rate = pRate[j]!;
    const e1Rate = ce * pRate[3 + j]! + se * pRate[6 + j]! + epsRate * e2;
    const e2Rate = -se * pRate[3 + j]! + ce * pRate[6 + j]! - epsRate * e1;
    const row0 = cp * e0 + sp * e1;
    const row1 = -sp * e0 + cp * e1;
    scratchRate[j] = cp * e0Rate + sp * e1Rate + dpsiRate * row1;
    scratchRate[3 + j] = -sp * e0Rate + cp * e1Rate - dpsiRate * row0;
    scratchRate[6 + j] = e2Rate;
  }
  const out = new Float64Array(9);
  const v = VSOP87_TO_EQUATORIAL_J2000;
  for (let i = 0; i < 3; i += 1) {
    for (let j = 0; j < 3; j += 1) {
      out[3 * i + j] =
        scratchRate[3 * i]! * v[j]! +
        scratchRate[3 * i + 1]! * v[3 + j]! +
        scratchRate[3 * i + 2]! * v[6 + j]!;
    }
  }
  return out;
}

/** Transpose (= inverse) of a rotation matrix. */
export function transpose(m: Matrix3): Matrix3 {
  return Float64Array.from([m[0]!, m[3]!, m[6]!, m[1]!, m[4]!, m[7]!, m[2]!, m[5]!, m[8]!]);
}
