/**
 * Nutation in longitude and obliquity, IAU 2000B (77 luni-solar terms plus the fixed offsets that stand
 * in for the planetary terms): within 1 mas of IAU 2000A over 1995–2050, and the model Swiss Ephemeris
 * uses by default.
 */
import { ARCSEC, TWO_PI } from './angles.js';
import { sinCosInto } from './fast-trig.js';
import { IAU2000B_TERMS } from './nutation-iau2000b-terms.js';
import { J2000 } from '../time/julian-day.js';

/** Nutation angles in radians. */
export interface Nutation {
  /** Δψ, nutation in longitude. */
  longitude: number;
  /** Δε, nutation in obliquity. */
  obliquity: number;
}

const UNIT = ARCSEC * 1e-7;
const TURN_ARCSEC = 1296000;
// Constant offsets approximating the planetary nutation terms (McCarthy & Luzum 2003).
const PLANETARY_DPSI = -0.135e-3 * ARCSEC;
const PLANETARY_DEPS = 0.388e-3 * ARCSEC;

const TERMS = Float64Array.from(IAU2000B_TERMS.flat());
const TERM_WIDTH = 11;
const COS_SIN = new Float64Array(2);

/** Rates of the Delaunay arguments l, l′, F, D, Ω in radians per Julian century (their linear terms). */
const ARGUMENT_RATES = [1717915923.2178, 129596581.0481, 1739527262.8478, 1602961601.209, -6962890.5431].map(
  (rate) => rate * ARCSEC,
);

let cachedJd = Number.NaN;
let cached: Nutation = { longitude: 0, obliquity: 0 };
let cachedRate: Nutation = { longitude: 0, obliquity: 0 };

function fundamentalArgument(constant: number, rate: number, t: number): number {
  return (((constant + rate * t) % TURN_ARCSEC) * ARCSEC) % TWO_PI;
}

/** Evaluates the series and its time derivative at one instant into the cache. */
function evaluate(jdTt: number): void {
  const t = (jdTt - J2000) / 36525;
  // Delaunay arguments (Simon et al. 1994), linear as IAU 2000B prescribes.
  const l = fundamentalArgument(485868.249036, 1717915923.2178, t);
  const lp = fundamentalArgument(1287104.79305, 129596581.0481, t);
  const f = fundamentalArgument(335779.526232, 1739527262.8478, t);
  const d = fundamentalArgument(1072260.70369, 1602961601.209, t);
  const om = fundamentalArgument(450160.398036, -6962890.5431, t);
  const [rl, rlp, rf, rd, rom] = ARGUMENT_RATES as [number, number, number, number, number];
  let dpsi = 0;
  let deps = 0;
  let dpsiRate = 0;
  let depsRate = 0;
  // Smallest terms first, for a better-rounded sum.
  for (let i = TERMS.length - TERM_WIDTH; i >= 0; i -= TERM_WIDTH) {
    const arg =
      TERMS[i]! * l + TERMS[i + 1]! * lp + TERMS[i + 2]! * f + TERMS[i + 3]! * d + TERMS[i + 4]! * om;
    const argRate =
      TERMS[i]! * rl + TERMS[i + 1]! * rlp + TERMS[i + 2]! * rf + TERMS[i + 3]! * rd + TERMS[i + 4]! * rom;
    sinCosInto(arg, COS_SIN, 0);
    const c = COS_SIN[0]!;
    const s = COS_SIN[1]!;
    const psiSin = TERMS[i + 5]! + TERMS[i + 6]! * t;
    const epsCos = TERMS[i + 8]! + TERMS[i + 9]! * t;
    dpsi += psiSin * s + TERMS[i + 7]! * c;
    deps += epsCos * c + TERMS[i + 10]! * s;
    dpsiRate += TERMS[i + 6]! * s + (psiSin * c - TERMS[i + 7]! * s) * argRate;
    depsRate += TERMS[i + 9]! * c + (TERMS[i + 10]! * c - epsCos * s) * argRate;
  }
  cached = { longitude: dpsi * UNIT + PLANETARY_DPSI, obliquity: deps * UNIT + PLANETARY_DEPS };
  cachedRate = { longitude: (dpsiRate * UNIT) / 36525, obliquity: (depsRate * UNIT) / 36525 };
  cachedJd = jdTt;
}

/**
 * IAU 2000B nutation at a Julian day in TT. The last instant is cached, because a chart asks for it once
 * per body: treat the result as read-only.
 *
 * @example nutation(2451545).longitude / (Math.PI / 648000) // −13.93″
 */
export function nutation(jdTt: number): Nutation {
  if (jdTt !== cachedJd) evaluate(jdTt);
  return cached;
}

/**
 * Rates of the IAU 2000B nutation angles (radians per day) at a Julian day in TT: the series' analytic
 * derivative, from the same pass as nutation() (shares its cache; treat the result as read-only).
 */
export function nutationRate(jdTt: number): Nutation {
  if (jdTt !== cachedJd) evaluate(jdTt);
  return cachedRate;
}
