/**
 * Heliocentric planets and Earth from VSOP87B, compiled at load into typed arrays.
 *
 * Two compilations per body: `precise` (each dropped term moves the geocentric direction by < 0.002″;
 * measured total under 0.07″ over 1800–2400) for positions, `coarse` (< 0.2″ per term, Earth 0.02″) for the
 * velocities that light time, aberration and speeds need.
 */
import earth from 'astronomia/data/vsop87Bearth';
import jupiter from 'astronomia/data/vsop87Bjupiter';
import mars from 'astronomia/data/vsop87Bmars';
import mercury from 'astronomia/data/vsop87Bmercury';
import neptune from 'astronomia/data/vsop87Bneptune';
import saturn from 'astronomia/data/vsop87Bsaturn';
import uranus from 'astronomia/data/vsop87Buranus';
import venus from 'astronomia/data/vsop87Bvenus';
import type { Vector3 } from './matrix3.js';
import { compileVsop87, evaluateCoordinate, evaluateCoordinateWithRate, type CompiledVsop87, type Vsop87Data } from './vsop87-series.js';
import { J2000 } from '../time/julian-day.js';

/** Bodies VSOP87 describes (Earth is the observer's planet). */
export type VsopBody = 'Mercury' | 'Venus' | 'Earth' | 'Mars' | 'Jupiter' | 'Saturn' | 'Uranus' | 'Neptune';

/** Precision tier of a series evaluation. */
export type SeriesPrecision = 'precise' | 'coarse';

// [data, mean heliocentric distance, smallest geocentric distance] (AU).
const SOURCES: Record<VsopBody, [Vsop87Data, number, number]> = {
  Mercury: [mercury, 0.387, 0.55],
  Venus: [venus, 0.723, 0.26],
  Earth: [earth, 1, 1],
  Mars: [mars, 1.524, 0.37],
  Jupiter: [jupiter, 5.2, 3.9],
  Saturn: [saturn, 9.55, 7.9],
  Uranus: [uranus, 19.2, 17.2],
  Neptune: [neptune, 30.1, 28.7],
};

/** |τ| (millennia) the truncation is tuned for: ±600 years covers 1400–2600. */
const TAU_MAX = 0.6;
const PRECISE_ANGLE = 1e-8;
const COARSE_ANGLE = 1e-6;
// The Earth's velocity drives every body's aberration and the Sun's speed: keep it finer.
const COARSE_EARTH_ANGLE = 1e-7;

function compileAll(angle: number, earthAngle: number): Record<VsopBody, CompiledVsop87> {
  const out = {} as Record<VsopBody, CompiledVsop87>;
  for (const [name, [data, meanDistance, minGeocentricDistance]] of Object.entries(SOURCES) as [VsopBody, [Vsop87Data, number, number]][]) {
    const budget = { angle: name === 'Earth' ? earthAngle : angle, tauMax: TAU_MAX, meanDistance, minGeocentricDistance };
    out[name] = compileVsop87(name, data, budget);
  }
  return out;
}

const COMPILED: Record<SeriesPrecision, Record<VsopBody, CompiledVsop87>> = {
  precise: compileAll(PRECISE_ANGLE, PRECISE_ANGLE),
  coarse: compileAll(COARSE_ANGLE, COARSE_EARTH_ANGLE),
};

/** Number of series terms evaluated per body and tier (for diagnostics and docs). */
export function vsop87TermCount(body: VsopBody, precision: SeriesPrecision): number {
  return COMPILED[precision][body].terms;
}

/** Heliocentric rectangular position (AU), VSOP87 ecliptic and equinox J2000, at a Julian day in TT. */
export function heliocentricPosition(body: VsopBody, jdTt: number, precision: SeriesPrecision = 'precise'): Vector3 {
  const series = COMPILED[precision][body];
  const tau = (jdTt - J2000) / 365250;
  const l = evaluateCoordinate(series.l, tau);
  const b = evaluateCoordinate(series.b, tau);
  const r = evaluateCoordinate(series.r, tau);
  const cb = Math.cos(b);
  return [r * cb * Math.cos(l), r * cb * Math.sin(l), r * Math.sin(b)];
}

/** Heliocentric position (AU) and velocity (AU/day) in the VSOP87 J2000 ecliptic frame. */
export function heliocentricState(
  body: VsopBody,
  jdTt: number,
  precision: SeriesPrecision = 'precise',
): { position: Vector3; velocity: Vector3 } {
  const series = COMPILED[precision][body];
  const tau = (jdTt - J2000) / 365250;
  const [l, dl] = evaluateCoordinateWithRate(series.l, tau);
  const [b, db] = evaluateCoordinateWithRate(series.b, tau);
  const [r, dr] = evaluateCoordinateWithRate(series.r, tau);
  const cl = Math.cos(l);
  const sl = Math.sin(l);
  const cb = Math.cos(b);
  const sb = Math.sin(b);
  const perDay = 1 / 365250;
  const vl = dl * perDay;
  const vb = db * perDay;
  const vr = dr * perDay;
  return {
    position: [r * cb * cl, r * cb * sl, r * sb],
    velocity: [
      vr * cb * cl - r * sb * vb * cl - r * cb * sl * vl,
      vr * cb * sl - r * sb * vb * sl + r * cb * cl * vl,
      vr * sb + r * cb * vb,
    ],
  };
}
