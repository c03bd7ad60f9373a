/**
 * Heliocentric planets and Earth from VSOP87B, compiled at load into typed arrays.
 *
 * Two truncation tiers per body: `precise` (each dropped term moves the geocentric direction by < 0.002″;
 * measured total under 0.07″ over 1800–2400) for positions, `coarse` (< 0.2″ per term, Earth 0.02″) for the
 * velocities that light time, aberration and speeds need. The coarse tier is a subset of the precise one,
 * so heliocentricPlace gets both from one pass. The budgets are in series-truncation.ts; the terms come
 * from series-terms.data.ts (astronomia's VSOP87B files, pre-truncated to the precise tier).
 */
import { de431Correction } from './de431-correction.js';
import type { Vector3 } from './matrix3.js';
import { unpackSeries } from './packed-series.js';
import { VSOP_BODIES, vsop87Budgets, type VsopBody } from './series-truncation.js';
import { VSOP87B_TERMS } from './series-terms.data.js';
import { evaluateTiered } from './tiered-series.js';
import { compileVsop87Bodies, type CompiledVsop87 } from './vsop87-series.js';
import { J2000 } from '../time/julian-day.js';

export type { VsopBody } from './series-truncation.js';

/** Precision tier of a series evaluation. */
export type SeriesPrecision = 'precise' | 'coarse';

const TIER: Record<SeriesPrecision, number> = { precise: 0, coarse: 1 };

/**
 * Compiles every body from its stored terms (series-terms.data.ts: astronomia's, pre-truncated), with
 * one frequency set for all: a chart evaluates them all at one instant, Earth first (VSOP_BODIES order
 * puts the inner planets, then the outer ones), and a third of their frequencies are common.
 */
function compileAll(): Record<VsopBody, CompiledVsop87> {
  const byPower = (powers: number[][][]) => Object.fromEntries(powers.map((terms, power) => [String(power), terms]));
  const order: VsopBody[] = ['Earth', ...VSOP_BODIES.filter((body) => body !== 'Earth')];
  const compiled = compileVsop87Bodies(
    order.map((body) => {
      const [l = [], b = [], r = []] = unpackSeries(VSOP87B_TERMS[body].join(''), 3);
      return { name: body, data: { L: byPower(l), B: byPower(b), R: byPower(r) }, budgets: vsop87Budgets(body) };
    }),
  );
  return Object.fromEntries(order.map((body, i) => [body, compiled[i]!])) as Record<VsopBody, CompiledVsop87>;
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
  return toDe431(body, jdTt, SUMS[0]!, SUMS[3]!, SUMS[6]!);
}

// DE431 hook: VSOP87 drifts from DE431 (it was fitted to DE200); de431-correction.ts holds the fitted
// ΔL, ΔB, ΔR for 1800–2400 (zero elsewhere), added to every position this file returns.
function toDe431(body: VsopBody, jdTt: number, l: number, b: number, r: number): Vector3 {
  const correction = de431Correction(body, jdTt);
  return spherical(l + correction[0]!, b + correction[1]!, r + correction[2]!);
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
  return { position: toDe431(body, jdTt, SUMS[1]!, SUMS[4]!, SUMS[7]!), velocity: velocityFromSums() };
}

/**
 * The precise position with the coarse tier's velocity (what light time, aberration and speeds need),
 * from one pass over the series: the same numbers as heliocentricPosition(…, 'precise') and
 * heliocentricState(…, 'coarse').velocity, at the cost of the first.
 */
export function heliocentricPlace(body: VsopBody, jdTt: number): { position: Vector3; velocity: Vector3 } {
  evaluateTiered(COMPILED[body].series, tauOf(jdTt), TIER.precise, TIER.coarse, SUMS);
  return { position: toDe431(body, jdTt, SUMS[0]!, SUMS[3]!, SUMS[6]!), velocity: velocityFromSums() };
}
