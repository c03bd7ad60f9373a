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

let cachedJd = Number.NaN;
let cached: Nutation = { longitude: 0, obliquity: 0 };

function fundamentalArgument(constant: number, rate: number, t: number): number {
  return (((constant + rate * t) % TURN_ARCSEC) * ARCSEC) % TWO_PI;
}

/**
 * IAU 2000B nutation at a Julian day in TT. The last instant is cached, because a chart asks for it once
 * per body: treat the result as read-only.
 *
 * @example nutation(2451545).longitude / (Math.PI / 648000) // −13.93″
 */
export function nutation(jdTt: number): Nutation {
  if (jdTt === cachedJd) return cached;
  const t = (jdTt - J2000) / 36525;
  // Delaunay arguments (Simon et al. 1994), linear as IAU 2000B prescribes.
  const l = fundamentalArgument(485868.249036, 1717915923.2178, t);
  const lp = fundamentalArgument(1287104.79305, 129596581.0481, t);
  const f = fundamentalArgument(335779.526232, 1739527262.8478, t);
  const d = fundamentalArgument(1072260.70369, 1602961601.209, t);
  const om = fundamentalArgument(450160.398036, -6962890.5431, t);
  let dpsi = 0;
  let deps = 0;
  // Smallest terms first, for a better-rounded sum.
  for (let i = TERMS.length - TERM_WIDTH; i >= 0; i -= TERM_WIDTH) {
    const arg =
      TERMS[i]! * l + TERMS[i + 1]! * lp + TERMS[i + 2]! * f + TERMS[i + 3]! * d + TERMS[i + 4]! * om;
    sinCosInto(arg, COS_SIN, 0);
    const c = COS_SIN[0]!;
    const s = COS_SIN[1]!;
    dpsi += (TERMS[i + 5]! + TERMS[i + 6]! * t) * s + TERMS[i + 7]! * c;
    deps += (TERMS[i + 8]! + TERMS[i + 9]! * t) * c + TERMS[i + 10]! * s;
  }
  cached = { longitude: dpsi * UNIT + PLANETARY_DPSI, obliquity: deps * UNIT + PLANETARY_DEPS };
  cachedJd = jdTt;
  return cached;
}
