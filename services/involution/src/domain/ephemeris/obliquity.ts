/**
 * Obliquity of the ecliptic.
 *
 * The mean obliquity is Vondrák, Capitaine & Wallace (2011, A&A 534, A22; erratum 2012 A&A 541, C1),
 * the long-term model Swiss Ephemeris uses by default: it agrees with IAU 2006 (84381.406″ − 46.836769″ T …)
 * to a few milliarcseconds over 1800–2400 and stays sensible for ±200 millennia.
 * The true obliquity adds the IAU 2000B nutation in obliquity.
 */
import { ARCSEC, TWO_PI } from './angles.js';
import { sinCosInto } from './fast-trig.js';
import { nutation } from './nutation.js';
import { J2000 } from '../time/julian-day.js';

// [period (Julian centuries), cos coefficient (″), sin coefficient (″)] for ε_A, Vondrák et al. (2011) table 2.
// prettier-ignore
const PERIODIC: readonly (readonly [number, number, number])[] = [
  [409.9, 753.87278, -1704.720302],
  [396.15, -247.805823, -862.308358],
  [537.22, 379.471484, 447.832178],
  [402.9, -53.880558, -889.571909],
  [417.15, -90.109153, 190.402846],
  [288.92, -353.60019, -56.564991],
  [4043.0, -63.115353, -296.222622],
  [306.0, -28.248187, -75.859952],
  [277.0, 17.703387, 67.473503],
  [203.0, 38.911307, 3.014055],
];
const POLYNOMIAL = [84028.206305, 0.3624445, -0.00004039, -0.00000011] as const;
const COS_SIN = new Float64Array(2);
let cachedJd = Number.NaN;
let cachedValue = 0;
let cachedRate = 0;

function evaluate(jdTt: number): void {
  const t = (jdTt - J2000) / 36525;
  let eps = 0;
  let rate = 0;
  for (const [period, c, s] of PERIODIC) {
    sinCosInto((TWO_PI * t) / period, COS_SIN, 0);
    eps += c * COS_SIN[0]! + s * COS_SIN[1]!;
    rate += ((s * COS_SIN[0]! - c * COS_SIN[1]!) * TWO_PI) / period;
  }
  eps += POLYNOMIAL[0] + t * (POLYNOMIAL[1] + t * (POLYNOMIAL[2] + t * POLYNOMIAL[3]));
  rate += POLYNOMIAL[1] + t * (2 * POLYNOMIAL[2] + t * 3 * POLYNOMIAL[3]);
  cachedValue = eps * ARCSEC;
  cachedRate = (rate * ARCSEC) / 36525;
  cachedJd = jdTt;
}

/**
 * Mean obliquity of the ecliptic (radians) at a Julian day in TT. The last instant is cached (a chart
 * asks for it several times).
 *
 * @example meanObliquity(2451545) * 180 / Math.PI // 23.4392794… (84381.406″)
 */
export function meanObliquity(jdTt: number): number {
  if (jdTt !== cachedJd) evaluate(jdTt);
  return cachedValue;
}

/** Rate of the mean obliquity (radians per day) at a Julian day in TT: the model's analytic derivative. */
export function meanObliquityRate(jdTt: number): number {
  if (jdTt !== cachedJd) evaluate(jdTt);
  return cachedRate;
}

/** True obliquity (mean obliquity + nutation in obliquity), radians, at a Julian day in TT. */
export function trueObliquity(jdTt: number): number {
  return meanObliquity(jdTt) + nutation(jdTt).obliquity;
}
