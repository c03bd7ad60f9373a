/**
 * Documented accuracy of the analytic provider: the largest difference in apparent geocentric ecliptic
 * longitude from Swiss Ephemeris 2.10 with its DE431-based files, per body and century, as measured by
 * test/oracle (900 instants, 1800–2400) plus a safety margin. The oracle test asserts these bounds.
 *
 * Where the bound exceeds the service's target (1″ for Sun–Neptune, Pluto and the mean node, 2″ for the
 * Moon, 5″ for the true node) the cause is the theory, not the pipeline: VSOP87 was fitted to DE200, and
 * its Mars (after 2100), Uranus and Neptune drift from DE431 by arcseconds; Meeus' Pluto series was fitted
 * to DE200 for 1885–2099. Use a JPL SPK provider where that matters.
 */
import type { Body } from './bodies.js';

/** Accuracy bound over a span of years [fromYear, toYear). */
export interface AccuracyBound {
  fromYear: number;
  toYear: number;
  /** Largest longitude difference from DE431, arcseconds. */
  arcsec: number;
}

const CENTURIES = [1800, 1900, 2000, 2100, 2200, 2300] as const;

function perCentury(values: readonly [number, number, number, number, number, number]): AccuracyBound[] {
  return CENTURIES.map((fromYear, i) => ({ fromYear, toYear: fromYear + 100, arcsec: values[i] ?? 0 }));
}

/** Targets the service promises for the embedded provider (arcseconds). */
export const ACCURACY_TARGETS: Readonly<Record<Body, number>> = {
  Sun: 1,
  Moon: 2,
  Mercury: 1,
  Venus: 1,
  Mars: 1,
  Jupiter: 1,
  Saturn: 1,
  Uranus: 1,
  Neptune: 1,
  Pluto: 1,
  MeanNode: 1,
  TrueNode: 5,
  MeanApogee: 2,
};

/** Measured accuracy bounds of the analytic provider, 1800–2400 (Pluto 1885–2100). */
export const ANALYTIC_ACCURACY: Readonly<Record<Body, readonly AccuracyBound[]>> = {
  Sun: perCentury([0.2, 0.2, 0.2, 0.2, 0.2, 0.2]),
  Moon: perCentury([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]),
  Mercury: perCentury([0.3, 0.3, 0.3, 0.3, 0.3, 0.3]),
  Venus: perCentury([0.3, 0.3, 0.3, 0.3, 0.3, 0.3]),
  Mars: perCentury([0.5, 0.5, 0.5, 1.6, 3, 5.5]),
  Jupiter: perCentury([0.6, 0.5, 0.7, 1, 1.2, 1.2]),
  Saturn: perCentury([0.6, 0.4, 0.6, 0.7, 0.8, 1]),
  Uranus: perCentury([1.2, 0.7, 2.2, 3, 4.5, 6]),
  Neptune: perCentury([2.5, 1, 3, 4.5, 5.5, 7.5]),
  MeanNode: perCentury([0.3, 0.3, 0.3, 0.4, 0.7, 1]),
  TrueNode: perCentury([3, 3, 3, 3, 3, 3]),
  MeanApogee: perCentury([2, 1, 1, 1.5, 2, 2.5]),
  Pluto: [
    { fromYear: 1885, toYear: 1900, arcsec: 1.6 },
    { fromYear: 1900, toYear: 2000, arcsec: 1 },
    { fromYear: 2000, toYear: 2100, arcsec: 5 },
  ],
};

/** The documented bound for a body in a (fractional) year, or undefined outside the measured span. */
export function accuracyBound(body: Body, year: number): number | undefined {
  return ANALYTIC_ACCURACY[body].find((bound) => year >= bound.fromYear && year < bound.toYear)?.arcsec;
}
