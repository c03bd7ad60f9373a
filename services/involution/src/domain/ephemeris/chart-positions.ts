/**
 * Positions of several bodies at one UT instant, keyed by body name as the `/calculate` answer is.
 */
import type { Body } from './bodies.js';
import { CHART_BODIES } from './bodies.js';
import type { BodyPosition, EphemerisProvider, PositionOptions } from './provider.js';
import { ttFromUt } from '../time/delta-t.js';

/** Positions keyed by body name, plus the time scales used. */
export interface ChartPositions {
  jdUt: number;
  jdTt: number;
  /** ΔT = TT − UT in seconds. */
  deltaT: number;
  bodies: Partial<Record<Body, BodyPosition>>;
}

/**
 * Apparent positions of `bodies` (default: Sun … Pluto) at a Julian day in UT.
 *
 * @example chartPositions(new AnalyticEphemerisProvider(), 2451545).bodies.Sun?.longitude // 280.3689…
 */
export function chartPositions(
  provider: EphemerisProvider,
  jdUt: number,
  bodies: readonly Body[] = CHART_BODIES,
  options: PositionOptions = {},
): ChartPositions {
  const jdTt = ttFromUt(jdUt);
  const result: Partial<Record<Body, BodyPosition>> = {};
  for (const body of bodies) result[body] = provider.position(body, jdTt, options);
  return { jdUt, jdTt, deltaT: (jdTt - jdUt) * 86400, bodies: result };
}
