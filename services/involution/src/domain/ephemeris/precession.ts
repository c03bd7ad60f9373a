/**
 * Long-term precession of Vondrák, Capitaine & Wallace (2011, A&A 534, A22; erratum 2012, A&A 541, C1):
 * the model Swiss Ephemeris uses by default. Within 100 µas of IAU 2006 over the 20th and 21st centuries
 * and a few arcseconds over ±200 millennia.
 */
import { ARCSEC, TWO_PI } from './angles.js';
import { sinCosInto } from './fast-trig.js';
import { add, cross, type Matrix3, type Vector3 } from './matrix3.js';
import { J2000 } from '../time/julian-day.js';

const EPS0 = 84381.406 * ARCSEC;
const COS_EPS0 = Math.cos(EPS0);
const SIN_EPS0 = Math.sin(EPS0);
const COS_SIN = new Float64Array(2);

// Ecliptic pole P_A, Q_A: [period (cy), P cos, Q cos, P sin, Q sin] in arcseconds.
// prettier-ignore
const ECLIPTIC_PERIODIC: readonly (readonly [number, number, number, number, number])[] = [
  [708.15, -5486.751211, -684.66156, 667.66673, -5523.863691],
  [2309.0, -17.127623, 2446.28388, -2354.886252, -549.74745],
  [1620.0, -617.517403, 399.671049, -428.152441, -310.998056],
  [492.2, 413.44294, -356.652376, 376.202861, 421.535876],
  [1183.0, 78.614193, -186.387003, 184.778874, -36.776172],
  [622.0, -180.732815, -316.80007, 335.321713, -145.278396],
  [882.0, -87.676083, 198.296701, -185.138669, -34.74445],
  [547.0, 46.140315, 101.135679, -120.97283, 22.885731],
];
const ECLIPTIC_P = [5851.607687, -0.1189, -0.00028913, 0.000000101] as const;
const ECLIPTIC_Q = [-1600.8863, 1.1689818, -0.0000002, -0.000000437] as const;

// Equator pole X_A, Y_A: [period (cy), X cos, Y cos, X sin, Y sin] in arcseconds.
// prettier-ignore
const EQUATOR_PERIODIC: readonly (readonly [number, number, number, number, number])[] = [
  [256.75, -819.940624, 75004.344875, 81491.287984, 1558.515853],
  [708.15, -8444.676815, 624.033993, 787.163481, 7774.939698],
  [274.2, 2600.009459, 1251.136893, 1251.296102, -2219.534038],
  [241.45, 2755.17563, -1102.212834, -1257.950837, -2523.969396],
  [2309.0, -167.659835, -2660.66498, -2966.79973, 247.850422],
  [492.2, 871.855056, 699.291817, 639.744522, -846.485643],
  [396.1, 44.769698, 153.16722, 131.600209, -1393.124055],
  [288.9, -512.313065, -950.865637, -445.040117, 368.526116],
  [231.1, -819.415595, 499.754645, 584.522874, 749.045012],
  [1610.0, -538.071099, -145.18821, -89.756563, 444.704518],
  [620.0, -189.793622, 558.116553, 524.42963, 235.934465],
  [157.87, -402.922932, -23.923029, -13.549067, 374.049623],
  [220.3, 179.516345, -165.405086, -210.157124, -171.33018],
  [1200.0, -9.814756, 9.344131, -44.919798, -22.899655],
];
const EQUATOR_X = [5453.282155, 0.4252841, -0.00037173, -0.000000152] as const;
const EQUATOR_Y = [-73750.93035, -0.7675452, -0.00018725, 0.000000231] as const;

/** The two angles of a pole series (radians) and their rates (radians per Julian century), at t centuries. */
function series(
  t: number,
  periodic: readonly (readonly [number, number, number, number, number])[],
  polyA: readonly [number, number, number, number],
  polyB: readonly [number, number, number, number],
): [number, number, number, number] {
  let a = 0;
  let b = 0;
  let aRate = 0;
  let bRate = 0;
  for (const [period, aCos, bCos, aSin, bSin] of periodic) {
    sinCosInto((TWO_PI * t) / period, COS_SIN, 0);
    const c = COS_SIN[0]!;
    const s = COS_SIN[1]!;
    a += aCos * c + aSin * s;
    b += bCos * c + bSin * s;
    aRate += ((aSin * c - aCos * s) * TWO_PI) / period;
    bRate += ((bSin * c - bCos * s) * TWO_PI) / period;
  }
  a += polyA[0] + t * (polyA[1] + t * (polyA[2] + t * polyA[3]));
  b += polyB[0] + t * (polyB[1] + t * (polyB[2] + t * polyB[3]));
  aRate += polyA[1] + t * (2 * polyA[2] + t * 3 * polyA[3]);
  bRate += polyB[1] + t * (2 * polyB[2] + t * 3 * polyB[3]);
  return [a * ARCSEC, b * ARCSEC, aRate * ARCSEC, bRate * ARCSEC];
}

type PoleState = { pole: Vector3; rate: Vector3 };

/** Mean ecliptic pole of date in J2000 mean equatorial coordinates, and its rate per century. */
function eclipticPoleState(t: number): PoleState {
  const [p, q, pRate, qRate] = series(t, ECLIPTIC_PERIODIC, ECLIPTIC_P, ECLIPTIC_Q);
  const z = Math.sqrt(Math.max(0, 1 - p * p - q * q));
  const zRate = z > 0 ? -(p * pRate + q * qRate) / z : 0;
  return {
    pole: [p, -q * COS_EPS0 - z * SIN_EPS0, -q * SIN_EPS0 + z * COS_EPS0],
    rate: [pRate, -qRate * COS_EPS0 - zRate * SIN_EPS0, -qRate * SIN_EPS0 + zRate * COS_EPS0],
  };
}

/** Mean equator pole (CIP without nutation) of date in J2000 mean equatorial coordinates, and its rate per century. */
function equatorPoleState(t: number): PoleState {
  const [x, y, xRate, yRate] = series(t, EQUATOR_PERIODIC, EQUATOR_X, EQUATOR_Y);
  const w = x * x + y * y;
  const z = w < 1 ? Math.sqrt(1 - w) : 0;
  return { pole: [x, y, z], rate: [xRate, yRate, z > 0 ? -(x * xRate + y * yRate) / z : 0] };
}

/** Unit vector of the mean ecliptic pole of date in J2000 mean equatorial coordinates. */
export function eclipticPole(jdTt: number): Vector3 {
  return eclipticPoleState((jdTt - J2000) / 36525).pole;
}

/** Unit vector of the mean equator pole (CIP without nutation) of date in J2000 mean equatorial coordinates. */
export function equatorPole(jdTt: number): Vector3 {
  return equatorPoleState((jdTt - J2000) / 36525).pole;
}

let cachedJd = Number.NaN;
let cachedMatrix: Matrix3 = new Float64Array(9);
let cachedRate: Matrix3 = new Float64Array(9);

function evaluate(jdTt: number): void {
  const t = (jdTt - J2000) / 36525;
  const equator = equatorPoleState(t);
  const ecliptic = eclipticPoleState(t);
  const pole = equator.pole;
  const poleRate = equator.rate;
  // x: the mean equinox, along pole × ecliptic pole; y = pole × x. Rates by the product rule.
  const equinoxDirection = cross(pole, ecliptic.pole);
  const equinoxRate = add(cross(poleRate, ecliptic.pole), cross(pole, ecliptic.rate));
  const [ex, ey, ez] = equinoxDirection;
  const length = Math.sqrt(ex * ex + ey * ey + ez * ez);
  const x: Vector3 = [ex / length, ey / length, ez / length];
  const along = (x[0] * equinoxRate[0] + x[1] * equinoxRate[1] + x[2] * equinoxRate[2]) / length;
  const xRate: Vector3 = [
    equinoxRate[0] / length - along * x[0],
    equinoxRate[1] / length - along * x[1],
    equinoxRate[2] / length - along * x[2],
  ];
  const y = cross(pole, x);
  const yRate = add(cross(poleRate, x), cross(pole, xRate));
  cachedMatrix = Float64Array.of(x[0], x[1], x[2], y[0], y[1], y[2], pole[0], pole[1], pole[2]);
  const perDay = 1 / 36525;
  cachedRate = Float64Array.of(
    xRate[0],
    xRate[1],
    xRate[2],
    yRate[0],
    yRate[1],
    yRate[2],
    poleRate[0],
    poleRate[1],
    poleRate[2],
  ).map((value) => value * perDay);
  cachedJd = jdTt;
}

/**
 * Precession matrix from the J2000 mean equator and equinox to the mean equator and equinox of date
 * (x_date = P · x_J2000), for a Julian day in TT. The last instant is cached: treat the result as read-only.
 */
export function precessionMatrix(jdTt: number): Matrix3 {
  if (jdTt !== cachedJd) evaluate(jdTt);
  return cachedMatrix;
}

/** dP/dt per day (the analytic derivative of precessionMatrix), cached with it: treat as read-only. */
export function precessionMatrixRate(jdTt: number): Matrix3 {
  if (jdTt !== cachedJd) evaluate(jdTt);
  return cachedRate;
}
