/**
 * From the frame of JPL kernels (ICRF, km, TDB seconds) to the frame positions are reported in (true
 * ecliptic and equinox of date), and from TT to TDB.
 *
 * DE kernels are referred to the ICRF, whose axes differ from the J2000 mean equator and dynamical equinox
 * that precession starts from by the frame bias (~0.02″). The analytic theories are already referred to
 * the J2000 equator, so only this provider needs the bias; Swiss Ephemeris applies the same IAU 2006 bias
 * to JPL data.
 */
import { ARCSEC } from '../ephemeris/angles.js';
import { equatorialJ2000ToTrueEclipticOfDate } from '../ephemeris/frames.js';
import { multiply, rotationX, rotationZ, type Matrix3 } from '../ephemeris/matrix3.js';

/** IAU 2000/2006 frame-bias angles (IERS Conventions 2010, 5.4.4): ICRS pole and equinox offsets. */
const BIAS_DPSI = -0.041775 * ARCSEC;
const BIAS_DEPS = -0.0068192 * ARCSEC;
const BIAS_DRA = -0.0146 * ARCSEC;
const EPS0_1980 = 84381.448 * ARCSEC;

/** Frame rotation about the y axis (SOFA's Ry), which matrix3.ts does not need elsewhere. */
function rotationY(angle: number): Matrix3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return Float64Array.from([c, 0, -s, 0, 1, 0, s, 0, c]);
}

/** Frame bias B: ICRF → J2000 mean equator and dynamical equinox (x_J2000 = B · x_ICRF), as SOFA's iauBi00/iauBp00. */
export const FRAME_BIAS: Matrix3 = multiply(
  rotationX(-BIAS_DEPS),
  multiply(rotationY(BIAS_DPSI * Math.sin(EPS0_1980)), rotationZ(BIAS_DRA)),
);

/** Rotation ICRF → true ecliptic and equinox of date: Rz(−Δψ) · Rx(ε_A) · P(t) · B. */
export function icrfToTrueEclipticOfDate(jdTt: number): Matrix3 {
  return multiply(equatorialJ2000ToTrueEclipticOfDate(jdTt), FRAME_BIAS);
}

/**
 * TDB − TT in seconds, the two leading periodic terms (Fairhead & Bretagnon 1990; 1.66 ms amplitude, the
 * rest below 30 µs, which moves the Moon by under 0.00002″).
 */
export function tdbMinusTt(jdTt: number): number {
  const g = (357.53 + 0.98560028 * (jdTt - 2451545)) * (Math.PI / 180);
  return 0.001657 * Math.sin(g) + 0.000014 * Math.sin(2 * g);
}
