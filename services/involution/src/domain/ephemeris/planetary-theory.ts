/**
 * Heliocentric planets and Earth from VSOP87B, compiled at load into typed arrays.
 *
 * Two truncation tiers per body: `precise` (each dropped term moves the geocentric direction by < 0.002″;
 * measured total under 0.07″ over 1800–2400) for positions, `coarse` (< 0.2″ per term, Earth 0.02″) for the
 * velocities that light time, aberration and speeds need. The coarse tier is a subset of the precise one,
 * so heliocentricPlace gets both from one pass.
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
import { evaluateTiered } from './tiered-series.js';
import { compileVsop87, type CompiledVsop87, type Vsop87Data } from './vsop87-series.js';
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

const TIER: Record<SeriesPrecision, number> = { precise: 0, coarse: 1 };

function compileAll(): Record<VsopBody, CompiledVsop87> {
  const out = {} as Record<VsopBody, CompiledVsop87>;
  for (const [name, [data, meanDistance, minGeocentricDistance]] of Object.entries(SOURCES) as [VsopBody, [Vsop87Data, number, number]][]) {
    const budget = { tauMax: TAU_MAX, meanDistance, minGeocentricDistance };
    const coarse = name === 'Earth' ? COARSE_EARTH_ANGLE : COARSE_ANGLE;
    out[name] = compileVsop87(name, data, [
      { ...budget, angle: PRECISE_ANGLE },
      { ...budget, angle: coarse },
    ]);
  }
  return out;
}

const COMPILED = compileAll();
/** Per coordinate (L, B, R): value at the value tier, value and rate at the rate tier. */
const SUMS = new Float64Array(9);

/** Number of series terms evaluated per body and tier (for diagnostics and docs). */
export function vsop87TermCount(body: VsopBody, precision: SeriesPrecision): number {
  return COMPILED[body].terms[TIER[precision]] ?? 0;
}

function tauOf(jdTt: number): number {
  return (jdTt - J2000) / 365250;
}

/** Heliocentric rectangular position (AU), VSOP87 ecliptic and equinox J2000, at a Julian day in TT. */
export function heliocentricPosition(body: VsopBody, jdTt: number, precision: SeriesPrecision = 'precise'): Vector3 {
  evaluateTiered(COMPILED[body].series, tauOf(jdTt), TIER[precision], -1, SUMS);
  return spherical(SUMS[0]!, SUMS[3]!, SUMS[6]!);
}

function spherical(l: number, b: number, r: number): Vector3 {
  const cb = Math.cos(b);
  return [r * cb * Math.cos(l), r * cb * Math.sin(l), r * Math.sin(b)];
}

/** Velocity (AU/day) from the rate tier's sums in SUMS. */
function velocityFromSums(): Vector3 {
  const l = SUMS[1]!;
  const b = SUMS[4]!;
  const r = SUMS[7]!;
  const cl = Math.cos(l);
  const sl = Math.sin(l);
  const cb = Math.cos(b);
  const sb = Math.sin(b);
  const perDay = 1 / 365250;
  const vl = SUMS[2]! * perDay;
  const vb = SUMS[5]! * perDay;
  const vr = SUMS[8]! * perDay;
  return [
    vr * cb * cl - r * sb * vb * cl - r * cb * sl * vl,
    vr * cb * sl - r * sb * vb * sl + r * cb * cl * vl,
    vr * sb + r * cb * vb,
  ];
}

/** Heliocentric position (AU) and velocity (AU/day) in the VSOP87 J2000 ecliptic frame, both from one tier. */
export function heliocentricState(
  body: VsopBody,
  jdTt: number,
  precision: SeriesPrecision = 'precise',
): { position: Vector3; velocity: Vector3 } {
  const tier = TIER[precision];
  evaluateTiered(COMPILED[body].series, tauOf(jdTt), tier, tier, SUMS);
  return { position: spherical(SUMS[1]!, SUMS[4]!, SUMS[7]!), velocity: velocityFromSums() };
}

/**
 * The precise position with the coarse tier's velocity (what light time, aberration and speeds need),
 * from one pass over the series: the same numbers as heliocentricPosition(…, 'precise') and
 * heliocentricState(…, 'coarse').velocity, at the cost of the first.
 */
export function heliocentricPlace(body: VsopBody, jdTt: number): { position: Vector3; velocity: Vector3 } {
  evaluateTiered(COMPILED[body].series, tauOf(jdTt), TIER.precise, TIER.coarse, SUMS);
  return { position: spherical(SUMS[0]!, SUMS[3]!, SUMS[6]!), velocity: velocityFromSums() };
}
