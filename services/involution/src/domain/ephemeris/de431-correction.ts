/**
 * Corrections that take VSOP87B (as truncated in planetary-theory.ts, precise tier) to DE431 as
 * reproduced by Swiss Ephemeris 2.10's files, for the bodies whose theory drifts from DE431 by more than
 * the service's targets allow. VSOP87 was fitted to DE200; the residual (heliocentric ΔL, ΔB, ΔR in the
 * VSOP87 J2000 frame) is fitted with piecewise Chebyshev polynomials over 1800–2400 by
 * tools/fit-de431-corrections.ts. Outside that span, and for bodies without a table, the correction is
 * zero and the raw theory stands.
 */
import { DE431_CORRECTIONS } from './de431-corrections.data.js';
import { decodeChebyshevTable, evaluateChebyshevTable, type ChebyshevTable } from './piecewise-chebyshev.js';
import type { VsopBody } from './planetary-theory.js';

const TABLES: Partial<Record<VsopBody, ChebyshevTable>> = Object.fromEntries(
  Object.entries(DE431_CORRECTIONS).map(([body, encoded]) => [body, decodeChebyshevTable(encoded)]),
);

const CORRECTION = new Float64Array(3);

/**
 * ΔL, ΔB (radians) and ΔR (AU) to add to VSOP87B's heliocentric L, B, R at a Julian day (TT); zeros
 * outside the fitted span. The returned array is reused by the next call.
 */
export function de431Correction(body: VsopBody, jdTt: number): Float64Array {
  const table = TABLES[body];
  if (table) evaluateChebyshevTable(table, jdTt, CORRECTION);
  else CORRECTION.fill(0);
  return CORRECTION;
}

/** Julian days (TT) the corrections cover, or undefined for a body without one. */
export function de431CorrectionSpan(body: VsopBody): { start: number; end: number } | undefined {
  const table = TABLES[body];
  return table && { start: table.start, end: table.end };
}
