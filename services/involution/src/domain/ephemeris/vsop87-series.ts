/**
 * VSOP87 series (Bretagnon & Francou 1988) compiled for fast evaluation.
 *
 * The astronomia data files hold, per coordinate (L, B, R of VSOP87B: heliocentric spherical, ecliptic and
 * dynamical equinox J2000) and per power α of τ (Julian millennia TDB from J2000), terms [A, B, C] meaning
 * τ^α · A cos(B + C τ). We drop the terms that cannot move the geocentric direction by more than a set
 * angle within the supported span, which keeps the sums a few times shorter at a cost of milliarcseconds.
 * Several truncation tiers compile into one tiered-series.ts table, evaluated together.
 */
import {
  compileTieredSeries,
  compileTieredSeriesGroup,
  type RawCoordinate,
  type TieredSeries,
} from './tiered-series.js';

/** A compiled VSOP87B body: longitude, latitude (radians) and radius (AU), per truncation tier. */
export interface CompiledVsop87 {
  readonly name: string;
  readonly series: TieredSeries;
  /** Terms summed per tier. */
  readonly terms: readonly number[];
}

/** VSOP87 data as astronomia's files hold it (power of τ → terms), or as packed-series.ts unpacks it. */
export interface Vsop87Data {
  L: Record<string, readonly (readonly number[])[]>;
  B: Record<string, readonly (readonly number[])[]>;
  R: Record<string, readonly (readonly number[])[]>;
}

/** How much truncation a compiled series may introduce. */
export interface TruncationBudget {
  /** Largest geocentric angle (radians) one dropped term may cause. 0 keeps every term. */
  angle: number;
  /** Largest |τ| (millennia) the series will be used at. */
  tauMax: number;
  /** Mean heliocentric distance of the body (AU). */
  meanDistance: number;
  /** Smallest geocentric distance of the body (AU); angles scale with 1/this. */
  minGeocentricDistance: number;
}

function powersOf(raw: Record<string, readonly (readonly number[])[]>): (readonly (readonly number[])[])[] {
  return Array.from({ length: Object.keys(raw).length }, (_, power) => raw[String(power)] ?? []);
}

/** The raw coordinates (L, B, R) with per-tier limits, and the time scale, for budgets finest first. */
export function vsop87Coordinates(
  data: Vsop87Data,
  budgets: readonly TruncationBudget[],
): { coordinates: RawCoordinate[]; timeScale: number } {
  const angular = budgets.map(
    (budget) => (budget.angle * budget.minGeocentricDistance) / budget.meanDistance,
  );
  const radial = budgets.map((budget) => budget.angle * budget.minGeocentricDistance);
  return {
    coordinates: [
      { powers: powersOf(data.L), limits: angular },
      { powers: powersOf(data.B), limits: angular },
      { powers: powersOf(data.R), limits: radial },
    ],
    timeScale: Math.max(budgets[0]?.tauMax ?? 0, 1e-3),
  };
}

/**
 * Compiles several bodies with one shared frequency set (tiered-series.ts), for bodies evaluated at the
 * same instants: list them in the order a chart evaluates them.
 */
export function compileVsop87Bodies(
  bodies: readonly { name: string; data: Vsop87Data; budgets: readonly TruncationBudget[] }[],
): CompiledVsop87[] {
  const prepared = bodies.map(({ data, budgets }) => vsop87Coordinates(data, budgets));
  const timeScale = prepared[0]?.timeScale ?? 1;
  if (prepared.some((body) => body.timeScale !== timeScale))
    throw new Error('bodies compiled together must share tauMax');
  const series = compileTieredSeriesGroup(
    prepared.map((body) => body.coordinates),
    'cos',
    timeScale,
  );
  return series.map((compiled, i) => ({
    name: bodies[i]!.name,
    series: compiled,
    terms: compiled.termCount,
  }));
}

/**
 * Compiles VSOP87B data for one body under truncation budgets, finest first (every budget must share
 * tauMax, meanDistance and minGeocentricDistance and have a non-decreasing angle).
 */
export function compileVsop87(
  name: string,
  data: Vsop87Data,
  budgets: readonly TruncationBudget[],
): CompiledVsop87 {
  const { coordinates, timeScale } = vsop87Coordinates(data, budgets);
  const series = compileTieredSeries(coordinates, 'cos', timeScale);
  return { name, series, terms: series.termCount };
}
