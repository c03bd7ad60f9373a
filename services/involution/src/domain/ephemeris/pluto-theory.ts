/**
 * Heliocentric Pluto (the Pluto–Charon barycentre) from a piecewise Chebyshev table fitted to DE431 as
 * reproduced by Swiss Ephemeris 2.10's files over 1800–2400 (pluto-de431.data.ts, written by
 * tools/fit-de431-corrections.ts; within 0.05″ of it seen from the Earth). Pluto has no analytic theory
 * good to an arcsecond over centuries (Meeus' series, fitted to DE200, covers only 1885–2099), so outside
 * PLUTO_COVERAGE the provider leaves Pluto out.
 */
import type { Vector3 } from './matrix3.js';
import { decodeChebyshevTable, evaluateChebyshevTable } from './piecewise-chebyshev.js';
import { PLUTO_DE431 } from './pluto-de431.data.js';

const TABLE = decodeChebyshevTable(PLUTO_DE431);

/** Julian days (TT) Pluto is available: 1800-01-01 to 2400-01-01. */
export const PLUTO_COVERAGE = { start: TABLE.start, end: TABLE.end } as const;

function assertCovered(jdTt: number): void {
  if (!(jdTt >= PLUTO_COVERAGE.start && jdTt <= PLUTO_COVERAGE.end)) {
    throw new RangeError(
      `Pluto is tabulated for JD ${PLUTO_COVERAGE.start}–${PLUTO_COVERAGE.end} TT only, not ${jdTt}`,
    );
  }
}

/** Heliocentric Pluto (AU) in the VSOP87 J2000 ecliptic frame like the planets; throws outside coverage. */
export function plutoHeliocentric(jdTt: number): Vector3 {
  assertCovered(jdTt);
  const position = new Float64Array(3);
  evaluateChebyshevTable(TABLE, jdTt, position);
  return [position[0]!, position[1]!, position[2]!];
}

/** Heliocentric Pluto position (AU) and velocity (AU/day, the table's derivative); throws outside coverage. */
export function plutoHeliocentricState(jdTt: number): { position: Vector3; velocity: Vector3 } {
  assertCovered(jdTt);
  const position = new Float64Array(3);
  const velocity = new Float64Array(3);
  evaluateChebyshevTable(TABLE, jdTt, position, velocity);
  return {
    position: [position[0]!, position[1]!, position[2]!],
    velocity: [velocity[0]!, velocity[1]!, velocity[2]!],
  };
}
