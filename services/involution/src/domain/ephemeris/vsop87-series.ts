/**
 * VSOP87 series (Bretagnon & Francou 1988) compiled for fast evaluation.
 *
 * The astronomia data files hold, per coordinate (L, B, R of VSOP87B: heliocentric spherical, ecliptic and
 * dynamical equinox J2000) and per power α of τ (Julian millennia TDB from J2000), terms [A, B, C] meaning
 * τ^α · A cos(B + C τ). We drop the terms that cannot move the geocentric direction by more than a set
 * angle within the supported span, which keeps the sums a few times shorter at a cost of milliarcseconds.
 * Several truncation tiers compile into one tiered-series.ts table, evaluated together.
 */
import { compileTieredSeries, type TieredSeries } from './tiered-series.js';

/** A compiled VSOP87B body: longitude, latitude (radians) and radius (AU), per truncation tier. */
export interface CompiledVsop87 {
  readonly name: string;
  readonly series: TieredSeries;
  /** Terms summed per tier. */
  readonly terms: readonly number[];
}

/** Raw astronomia VSOP87 data. */
export interface Vsop87Data {
  L: Record<string, number[][]>;
  B: Record<string, number[][]>;
  R: Record<string, number[][]>;
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

function powersOf(raw: Record<string, number[][]>): number[][][] {
  return Array.from({ length: Object.keys(raw).length }, (_, power) => raw[String(power)] ?? []);
}

/**
 * Compiles astronomia's VSOP87B data for one body under truncation budgets, finest first (every budget
 * must share tauMax, meanDistance and minGeocentricDistance and have a non-decreasing angle).
 */
export function compileVsop87(name: string, data: Vsop87Data, budgets: readonly TruncationBudget[]): CompiledVsop87 {
  const angular = budgets.map((budget) => (budget.angle * budget.minGeocentricDistance) / budget.meanDistance);
  const radial = budgets.map((budget) => budget.angle * budget.minGeocentricDistance);
  const series = compileTieredSeries(
    [
      { powers: powersOf(data.L), limits: angular },
      { powers: powersOf(data.B), limits: angular },
      { powers: powersOf(data.R), limits: radial },
    ],
    'cos',
    Math.max(budgets[0]?.tauMax ?? 0, 1e-3),
  );
  return { name, series, terms: series.termCount };
}
