/**
 * Geocentric Moon from ELP/MPP02 (Chapront & Francou 2003) in its DE405-fitted form (astronomia's data,
 * stored pre-truncated in series-terms.data.ts).
 *
 * The series give the longitude (with the mean longitude W1), latitude and distance in the mean ecliptic
 * of date; Laskar's P, Q polynomials (as in the ELP/MPP02 reference code) rotate the rectangular position
 * to the inertial ecliptic and equinox of J2000. Terms whose amplitude over the supported span stays
 * below the tier's limit (series-truncation.ts) are dropped: `precise` (0.005″ per term, ~1 550 terms; 0.26″ from DE431
 * at worst over 1800–2400) for positions, `coarse` (0.05″, ~570 terms) for velocities, `fine` (0.001″)
 * for the osculating node. The tiers nest, and compile into one tiered-series.ts table.
 */
import type { Vector3 } from './matrix3.js';
import { unpackSeries } from './packed-series.js';
import type { SeriesPrecision } from './planetary-theory.js';
import { ARCSEC } from './angles.js';
import { ELP_MPP02_TERMS, ELP_MPP02_W1 } from './series-terms.data.js';
import { elpTruncation } from './series-truncation.js';
import { compileTieredSeries, evaluateTiered } from './tiered-series.js';
import { J2000 } from '../time/julian-day.js';

/** Kilometres per astronomical unit (IAU 2012). */
export const KM_PER_AU = 149597870.7;

/** `fine` serves the osculating node, which magnifies velocity errors about tenfold. */
export type LunarPrecision = SeriesPrecision | 'fine';

const TIER: Record<LunarPrecision, number> = { fine: 0, precise: 1, coarse: 2 };

/** Compiles the stored terms (series-terms.data.ts: astronomia's, pre-truncated); limits in series-truncation.ts. */
function compile(): ReturnType<typeof compileTieredSeries> {
  const [l = [], b = [], r = []] = unpackSeries(ELP_MPP02_TERMS.join(''), 6);
  const byPower = (powers: number[][][]) =>
    Object.fromEntries(powers.map((terms, power) => [String(power), terms]));
  const { coordinates, timeScale } = elpTruncation({ L: byPower(l), B: byPower(b), R: byPower(r) });
  return compileTieredSeries(coordinates, 'sin', timeScale);
}

const SERIES = compile();
const W1 = ELP_MPP02_W1;
/** Per coordinate (L, B, R): value at the value tier, value and rate at the rate tier. */
const SUMS = new Float64Array(9);

/** Number of ELP/MPP02 terms evaluated per tier. */
export function elpTermCount(precision: LunarPrecision): number {
  return SERIES.termCount[TIER[precision]] ?? 0;
}

function toJ2000(t: number, x: number, y: number, z: number): Vector3 {
  // Laskar's P, Q: mean ecliptic of date → inertial ecliptic J2000.
  const p =
    t * (0.10180391e-4 + t * (0.47020439e-6 + t * (-0.5417367e-9 + t * (-0.2507948e-11 + t * 0.463486e-14))));
  const q =
    t *
    (-0.113469002e-3 + t * (0.12372674e-6 + t * (0.1265417e-8 + t * (-0.1371808e-11 + t * -0.320334e-14))));
  const s = Math.sqrt(1 - p * p - q * q);
  return [
    (1 - 2 * p * p) * x + 2 * p * q * y + 2 * p * s * z,
    2 * p * q * x + (1 - 2 * q * q) * y - 2 * q * s * z,
    -2 * p * s * x + 2 * q * s * y + (1 - 2 * p * p - 2 * q * q) * z,
  ];
}

function meanLongitude(w: readonly number[], t: number): [number, number] {
  const value = (w[0] ?? 0) + t * ((w[1] ?? 0) + t * ((w[2] ?? 0) + t * ((w[3] ?? 0) + t * (w[4] ?? 0))));
  const rate = (w[1] ?? 0) + t * (2 * (w[2] ?? 0) + t * (3 * (w[3] ?? 0) + t * 4 * (w[4] ?? 0)));
  return [value, rate];
}

function centuriesOf(jdTt: number): number {
  return (jdTt - J2000) / 36525;
}

function positionFromSums(t: number, offset: number): Vector3 {
  const longitude = meanLongitude(W1, t)[0] + SUMS[offset]! * ARCSEC;
  const latitude = SUMS[offset + 3]! * ARCSEC;
  const distance = SUMS[offset + 6]! / KM_PER_AU;
  const cb = Math.cos(latitude);
  return toJ2000(
    t,
    distance * cb * Math.cos(longitude),
    distance * cb * Math.sin(longitude),
    distance * Math.sin(latitude),
  );
}

/** Velocity (AU/day) from the rate tier's sums in SUMS (the frame rotation's own rate, ~1e-9/day, is neglected). */
function velocityFromSums(t: number): Vector3 {
  const [w, dw] = meanLongitude(W1, t);
  const perDay = 1 / 36525;
  const l = w + SUMS[1]! * ARCSEC;
  const vl = (dw + SUMS[2]! * ARCSEC) * perDay;
  const b = SUMS[4]! * ARCSEC;
  const vb = SUMS[5]! * ARCSEC * perDay;
  const r = SUMS[7]! / KM_PER_AU;
  const vr = (SUMS[8]! / KM_PER_AU) * perDay;
  const cl = Math.cos(l);
  const sinL = Math.sin(l);
  const cb = Math.cos(b);
  const sinB = Math.sin(b);
  return toJ2000(
    t,
    vr * cb * cl - r * sinB * vb * cl - r * cb * sinL * vl,
    vr * cb * sinL - r * sinB * vb * sinL + r * cb * cl * vl,
    vr * sinB + r * cb * vb,
  );
}

/**
 * Geometric geocentric Moon (AU) in the ecliptic and equinox J2000 at a Julian day in TT.
 */
export function geocentricMoon(jdTt: number, precision: LunarPrecision = 'precise'): Vector3 {
  const t = centuriesOf(jdTt);
  evaluateTiered(SERIES, t, TIER[precision], -1, SUMS);
  return positionFromSums(t, 0);
}

/**
 * Geometric geocentric Moon position (AU) and velocity (AU/day) in the ecliptic and equinox J2000,
 * from the analytic derivative of the series (the frame rotation's own rate, ~1e-9/day, is neglected).
 */
export function geocentricMoonState(
  jdTt: number,
  precision: LunarPrecision = 'precise',
): { position: Vector3; velocity: Vector3 } {
  const t = centuriesOf(jdTt);
  const tier = TIER[precision];
  evaluateTiered(SERIES, t, tier, tier, SUMS);
  return { position: positionFromSums(t, 1), velocity: velocityFromSums(t) };
}

/**
 * The precise position with the coarse tier's velocity, from one pass: the same numbers as
 * geocentricMoon(…, 'precise') and geocentricMoonState(…, 'coarse').velocity.
 */
export function geocentricMoonPlace(jdTt: number): { position: Vector3; velocity: Vector3 } {
  const t = centuriesOf(jdTt);
  evaluateTiered(SERIES, t, TIER.precise, TIER.coarse, SUMS);
  return { position: positionFromSums(t, 0), velocity: velocityFromSums(t) };
}
