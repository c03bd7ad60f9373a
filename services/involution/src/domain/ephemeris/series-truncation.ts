/**
 * How much of VSOP87B and ELP/MPP02 the ephemeris keeps: the truncation budgets of every tier. Shared by
 * the series' compilation (planetary-theory.ts, lunar-theory.ts) and by the generator of
 * series-terms.data.ts (tools/generate-series-terms.ts), which stores the finest tier's terms.
 *
 * VSOP87 tiers: `precise` (each dropped term moves the geocentric direction by < 0.002″) for positions,
 * `coarse` (< 0.2″ per term, Earth 0.02″) for velocities. ELP/MPP02 tiers: `fine` (0.001″ per term) for
 * the osculating node, `precise` (0.005″) for positions, `coarse` (0.05″) for velocities.
 */
import type { RawCoordinate } from './tiered-series.js';
import { vsop87Coordinates, type TruncationBudget, type Vsop87Data } from './vsop87-series.js';

/** Bodies VSOP87 describes (Earth is the observer's planet). */
export type VsopBody = 'Mercury' | 'Venus' | 'Earth' | 'Mars' | 'Jupiter' | 'Saturn' | 'Uranus' | 'Neptune';

export const VSOP_BODIES: readonly VsopBody[] = [
  'Mercury',
  'Venus',
  'Earth',
  'Mars',
  'Jupiter',
  'Saturn',
  'Uranus',
  'Neptune',
];

// [mean heliocentric distance, smallest geocentric distance] (AU).
const DISTANCES: Record<VsopBody, [number, number]> = {
  Mercury: [0.387, 0.55],
  Venus: [0.723, 0.26],
  Earth: [1, 1],
  Mars: [1.524, 0.37],
  Jupiter: [5.2, 3.9],
  Saturn: [9.55, 7.9],
  Uranus: [19.2, 17.2],
  Neptune: [30.1, 28.7],
};

/** |τ| (millennia) the truncation is tuned for: ±600 years covers 1400–2600. */
const TAU_MAX = 0.6;
const PRECISE_ANGLE = 1e-8;
const COARSE_ANGLE = 1e-6;
// The Earth's velocity drives every body's aberration and the Sun's speed: keep it finer.
const COARSE_EARTH_ANGLE = 1e-7;

/** A body's budgets, finest first: [precise, coarse]. */
export function vsop87Budgets(body: VsopBody): TruncationBudget[] {
  const [meanDistance, minGeocentricDistance] = DISTANCES[body];
  const budget = { tauMax: TAU_MAX, meanDistance, minGeocentricDistance };
  return [
    { ...budget, angle: PRECISE_ANGLE },
    { ...budget, angle: body === 'Earth' ? COARSE_EARTH_ANGLE : COARSE_ANGLE },
  ];
}

/** A body's raw coordinates (with the budgets' limits) and time scale. */
export function vsop87Truncation(
  body: VsopBody,
  data: Vsop87Data,
): { coordinates: RawCoordinate[]; timeScale: number } {
  return vsop87Coordinates(data, vsop87Budgets(body));
}

/** ELP/MPP02 data as astronomia's file holds it (power of T → terms), or as packed-series.ts unpacks it. */
export interface ElpData {
  L: Record<string, readonly (readonly number[])[]>;
  B: Record<string, readonly (readonly number[])[]>;
  R: Record<string, readonly (readonly number[])[]>;
}

/** |T| (centuries) the truncation is tuned for: 1400–2600. */
const T_MAX = 6;
/** Per tier (finest first), ″: dropped terms move the Moon by less than this each. */
const LIMITS_ARCSEC = [0.001, 0.005, 0.05];
/** Distance terms are in km: 1.9 km moves the Moon's direction by about 1″ at its distance. */
const KM_PER_ARCSEC = 1.9;

function powersOf(raw: Record<string, readonly (readonly number[])[]>): (readonly (readonly number[])[])[] {
  return Array.from({ length: Object.keys(raw).length }, (_, power) => raw[String(power)] ?? []);
}

/** The Moon's raw coordinates (L, B, R with each tier's limit) and time scale. */
export function elpTruncation(data: ElpData): { coordinates: RawCoordinate[]; timeScale: number } {
  return {
    coordinates: [
      { powers: powersOf(data.L), limits: LIMITS_ARCSEC },
      { powers: powersOf(data.B), limits: LIMITS_ARCSEC },
      { powers: powersOf(data.R), limits: LIMITS_ARCSEC.map((limit) => limit * KM_PER_ARCSEC) },
    ],
    timeScale: T_MAX,
  };
}
