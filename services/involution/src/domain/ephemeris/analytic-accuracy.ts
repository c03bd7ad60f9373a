/**
 * Documented accuracy of the analytic provider: the largest difference in apparent geocentric ecliptic
 * longitude from Swiss Ephemeris 2.10 with its DE431-based files, per body and century, as measured by
 * test/oracle's sweep (1500 seeded instants, 1800–2400, none on a fit sample) plus a margin. The oracle
 * sweep asserts these bounds on its own 250 instants, and every body within ACCURACY_TARGETS.
 *
 * Mars, Jupiter, Saturn, Uranus and Neptune carry the DE431 corrections of de431-correction.ts (VSOP87 was
 * fitted to DE200 and drifts from DE431 by up to ~5″ by 2400 without them); Pluto comes from a table
 * fitted to DE431 (pluto-theory.ts). Both are fitted to DE431 as reproduced by Swiss Ephemeris' files.
 * What is left is the truncated series (Mercury, Venus, the Earth: < 0.2″) and the Moon's and the lunar
 * points' theories. Outside 1800–2400 the corrections stop and these bounds do not apply.
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

/** Measured accuracy bounds of the analytic provider, 1800–2400 (Pluto too). */
export const ANALYTIC_ACCURACY: Readonly<Record<Body, readonly AccuracyBound[]>> = {
  Sun: perCentury([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]),
  Moon: perCentury([0.3, 0.3, 0.35, 0.35, 0.35, 0.45]),
  Mercury: perCentury([0.2, 0.15, 0.15, 0.15, 0.2, 0.2]),
  Venus: perCentury([0.2, 0.15, 0.2, 0.2, 0.15, 0.2]),
  Mars: perCentury([0.2, 0.15, 0.2, 0.2, 0.2, 0.25]),
  Jupiter: perCentury([0.05, 0.05, 0.05, 0.05, 0.05, 0.05]),
  Saturn: perCentury([0.05, 0.05, 0.05, 0.05, 0.05, 0.05]),
  Uranus: perCentury([0.05, 0.05, 0.05, 0.05, 0.05, 0.05]),
  Neptune: perCentury([0.05, 0.05, 0.05, 0.05, 0.05, 0.05]),
  MeanNode: perCentury([0.3, 0.3, 0.3, 0.4, 0.7, 1]),
  TrueNode: perCentury([3, 3, 3, 3, 3, 3]),
  MeanApogee: perCentury([2, 1, 1, 1.5, 2, 2]),
  Pluto: perCentury([0.06, 0.06, 0.06, 0.06, 0.06, 0.06]),
};

/** The documented bound for a body in a (fractional) year, or undefined outside the measured span. */
export function accuracyBound(body: Body, year: number): number | undefined {
  return ANALYTIC_ACCURACY[body].find((bound) => year >= bound.fromYear && year < bound.toYear)?.arcsec;
}
