/**
 * Greenwich and local sidereal time, as Swiss Ephemeris 2.10 computes it (SEMOD_SIDT_LONGTERM), so that
 * house cusps agree with swetest:
 *
 * - 1850-01-01 to 2050-01-01 (UT): IERS Conventions 2010 — Earth rotation angle plus the IAU 2006
 *   polynomial in TT, plus the complementary terms of the equation of the equinoxes, plus Δψ cos ε;
 * - outside it: the longitude of the mean Earth (Simon et al. 1994) referred to the J2000 ecliptic,
 *   precessed to date with Vondrák et al. (2011), plus the UT day fraction and Δψ cos ε, minus a constant
 *   that makes the two branches continuous at the joins (0.000378° at 1850, 0.001386° at 2050).
 *
 * All results in degrees in [0, 360). Inputs are Julian days in UT; TT comes from our ΔT model.
 */
import { DEG, normalizeDegrees, TWO_PI } from './angles.js';
import { sinCosInto } from './fast-trig.js';
import { apply, type Vector3 } from './matrix3.js';
import { nutation } from './nutation.js';
import { meanObliquity } from './obliquity.js';
import { precessionMatrix } from './precession.js';
import { deltaTSeconds } from '../time/delta-t.js';
import { J2000 } from '../time/julian-day.js';

const LONG_TERM_BEFORE = 2396758.5; // 1850-01-01
const LONG_TERM_AFTER = 2469807.5; // 2050-01-01
const LONG_TERM_OFFSET_BEFORE = 0.000378172; // degrees
const LONG_TERM_OFFSET_AFTER = 0.001385646; // degrees
const LIGHT_TIME_AU_DAYS = 149597870700 / 299792458 / 86400;

// Complementary terms of the equation of the equinoxes (IERS 2010, table 5.2e), µas:
// [sin, cos, multipliers of l, l′, F, D, Ω, L_Me, L_Ve, L_E, L_Ma, L_J, L_Sa, L_U, L_Ne, p_A].
// prettier-ignore
const COMPLEMENTARY: readonly (readonly number[])[] = [
  [2640.96, -0.39, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [63.52, -0.02, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [11.75, 0.01, 0, 0, 2, -2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [11.21, 0.01, 0, 0, 2, -2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-4.55, 0, 0, 0, 2, -2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [2.02, 0, 0, 0, 2, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [1.98, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-1.72, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-1.41, -0.01, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-1.26, -0.01, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-0.63, 0, 1, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-0.63, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.46, 0, 0, 1, 2, -2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.45, 0, 0, 1, 2, -2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.36, 0, 0, 0, 4, -4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-0.24, -0.12, 0, 0, 1, -1, 1, 0, -8, 12, 0, 0, 0, 0, 0, 0],
  [0.32, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.28, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.27, 0, 1, 0, 2, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.26, 0, 1, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-0.21, 0, 0, 0, 2, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.19, 0, 0, 1, -2, 2, -3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.18, 0, 0, 1, -2, 2, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-0.1, 0.05, 0, 0, 0, 0, 0, 0, 8, -13, 0, 0, 0, 0, 0, -1],
  [0.15, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-0.14, 0, 2, 0, -2, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.14, 0, 1, 0, 0, -2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-0.14, 0, 0, 1, 2, -2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.14, 0, 1, 0, 0, -2, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.13, 0, 0, 0, 4, -2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [-0.11, 0, 0, 0, 2, -2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.11, 0, 1, 0, -2, 0, -3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.11, 0, 1, 0, -2, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
];

// Sparse copy for the hot loop (most multipliers are 0): per row, its sin and cos coefficients, the
// number n of non-zero multipliers, then n pairs (argument index, multiplier).
const COMPLEMENTARY_SPARSE = Float64Array.from(
  COMPLEMENTARY.flatMap((row) => {
    const pairs = row.slice(2).flatMap((multiplier, index) => (multiplier === 0 ? [] : [index, multiplier]));
    return [row[0]!, row[1]!, pairs.length / 2, ...pairs];
  }),
);
const ARGUMENTS = new Float64Array(14);
const COS_SIN = new Float64Array(2);

function normalizeRad(x: number): number {
  const y = x % TWO_PI;
  return y < 0 ? y + TWO_PI : y;
}

/** Complementary terms of the equation of the equinoxes, degrees, t in Julian centuries TT. */
function complementaryTerms(t: number): number {
  const args = ARGUMENTS;
  args[0] = normalizeRad(2.35555598 + 8328.6914269554 * t);
  args[1] = normalizeRad(6.24006013 + 628.301955 * t);
  args[2] = normalizeRad(1.627905234 + 8433.466158131 * t);
  args[3] = normalizeRad(5.198466741 + 7771.3771468121 * t);
  args[4] = normalizeRad(2.1824392 - 33.757045 * t);
  args[5] = normalizeRad(4.402608842 + 2608.7903141574 * t);
  args[6] = normalizeRad(3.176146697 + 1021.3285546211 * t);
  args[7] = normalizeRad(1.753470314 + 628.3075849991 * t);
  args[8] = normalizeRad(6.203480913 + 334.06124267 * t);
  args[9] = normalizeRad(0.599546497 + 52.9690962641 * t);
  args[10] = normalizeRad(0.874016757 + 21.329910496 * t);
  args[11] = normalizeRad(5.481293871 + 7.4781598567 * t);
  args[12] = normalizeRad(5.321159 + 3.8127774 * t);
  args[13] = (0.02438175 + 0.00000538691 * t) * t;
  let sum = -0.87 * Math.sin(args[4]) * t;
  const rows = COMPLEMENTARY_SPARSE;
  for (let r = 0; r < rows.length;) {
    const sine = rows[r]!;
    const cosine = rows[r + 1]!;
    const end = r + 3 + 2 * rows[r + 2]!;
    let argument = 0;
    for (let j = r + 3; j < end; j += 2) argument += rows[j + 1]! * args[rows[j]!]!;
    sinCosInto(argument, COS_SIN, 0);
    sum += sine * COS_SIN[1]! + cosine * COS_SIN[0]!;
    r = end;
  }
  return sum / 3.6e9;
}

function iers2010(jdUt: number, jdTt: number): number {
  const t = (jdTt - J2000) / 36525;
  let gmst = normalizeDegrees((0.779057273264 + 1.0027378119113546 * (jdUt - J2000)) * 360);
  gmst +=
    (0.014506 +
      t * (4612.156534 + t * (1.3915817 + t * (-0.00000044 + t * (-0.000029956 + t * -0.0000000368))))) /
    3600;
  return normalizeDegrees(gmst + complementaryTerms(t));
}

let eps2000: number | undefined;

function longTerm(jdUt: number, jdTt: number): number {
  const t = (jdTt - J2000) / 365250;
  let meanEarth = 100.46645683 + (1295977422.83429 * t - 2.04411 * t * t - 0.00523 * t * t * t) / 3600;
  meanEarth = normalizeDegrees(meanEarth - (LIGHT_TIME_AU_DAYS * 360) / 365.2425) * DEG;
  // A constant, computed once: asking meanObliquity for J2000 on every call would evict its cache of jdTt.
  eps2000 ??= meanObliquity(J2000 + deltaTSeconds(J2000) / 86400);
  const equatorial: Vector3 = [
    Math.cos(meanEarth),
    Math.sin(meanEarth) * Math.cos(eps2000),
    Math.sin(meanEarth) * Math.sin(eps2000),
  ];
  const ofDate = apply(precessionMatrix(jdTt), equatorial);
  const eps = meanObliquity(jdTt);
  const y = ofDate[1] * Math.cos(eps) + ofDate[2] * Math.sin(eps);
  const longitude = Math.atan2(y, ofDate[0]) / DEG;
  const dayFraction = (((jdUt - 0.5) % 1) + 1) % 1;
  const offset = jdUt <= LONG_TERM_BEFORE ? LONG_TERM_OFFSET_BEFORE : LONG_TERM_OFFSET_AFTER;
  return normalizeDegrees(longitude + dayFraction * 360 - offset);
}

/** Equation of the equinoxes Δψ cos ε (degrees) at a Julian day in TT. */
export function equationOfEquinoxes(jdTt: number): number {
  const n = nutation(jdTt);
  return (n.longitude * Math.cos(meanObliquity(jdTt) + n.obliquity)) / DEG;
}

function meanSiderealTime(jdUt: number, jdTt: number): number {
  return jdUt <= LONG_TERM_BEFORE || jdUt >= LONG_TERM_AFTER ? longTerm(jdUt, jdTt) : iers2010(jdUt, jdTt);
}

/**
 * Greenwich mean sidereal time in degrees at a Julian day in UT (apparent minus the equation of the
 * equinoxes).
 */
export function greenwichMeanSiderealTime(jdUt: number): number {
  return meanSiderealTime(jdUt, jdUt + deltaTSeconds(jdUt) / 86400);
}

/**
 * Greenwich apparent sidereal time in degrees at a Julian day in UT (Swiss Ephemeris' swe_sidtime × 15).
 * `jdTt` saves recomputing ΔT when the caller has it (it must be jdUt + ΔT(jdUt)).
 *
 * @example greenwichApparentSiderealTime(2451545.3) // 38.7527675… (swetest ARMC at longitude 0)
 */
export function greenwichApparentSiderealTime(
  jdUt: number,
  jdTt = jdUt + deltaTSeconds(jdUt) / 86400,
): number {
  return normalizeDegrees(meanSiderealTime(jdUt, jdTt) + equationOfEquinoxes(jdTt));
}

/**
 * Local apparent sidereal time in degrees — the ARMC of house systems — at a Julian day in UT and an east
 * longitude in degrees.
 */
export function localApparentSiderealTime(jdUt: number, eastLongitudeDegrees: number, jdTt?: number): number {
  return normalizeDegrees(greenwichApparentSiderealTime(jdUt, jdTt) + eastLongitudeDegrees);
}
