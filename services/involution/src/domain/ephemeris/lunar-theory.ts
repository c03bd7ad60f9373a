/**
 * Geocentric Moon from ELP/MPP02 (Chapront & Francou 2003) in its DE405-fitted form, from astronomia's data.
 *
 * The series give the longitude (with the mean longitude W1), latitude and distance in the mean ecliptic
 * of date; Laskar's P, Q polynomials (as in the ELP/MPP02 reference code) rotate the rectangular position
 * to the inertial ecliptic and equinox of J2000. Terms whose amplitude over the supported span stays
 * below the tier's limit are dropped at load: `precise` (0.005″ per term, ~1 550 terms; 0.26″ from DE431
 * at worst over 1800–2400) for positions, `coarse` (0.05″, ~570 terms) for velocities, `fine` (0.001″)
 * for the osculating node.
 */
import elpFull from 'astronomia/data/elpMppDeFull';
import type { Vector3 } from './matrix3.js';
import type { SeriesPrecision } from './planetary-theory.js';
import { ARCSEC } from './angles.js';
import { J2000 } from '../time/julian-day.js';

/** Kilometres per astronomical unit (IAU 2012). */
export const KM_PER_AU = 149597870.7;

interface CompiledLunarSeries {
  /** Per power of T: flat [A, φ0, φ1, φ2, φ3, φ4, …]. */
  l: Float64Array[];
  b: Float64Array[];
  r: Float64Array[];
  w1: readonly number[];
  terms: number;
}

const T_MAX = 6; // centuries: 1400–2600

function compileCoordinate(raw: Record<string, number[][]>, limit: number): Float64Array[] {
  const out: Float64Array[] = [];
  const powers = Object.keys(raw).length;
  for (let power = 0; power < powers; power += 1) {
    const kept = (raw[String(power)] ?? []).filter((term) => Math.abs(term[0] ?? 0) * T_MAX ** power >= limit);
    kept.sort((a, b) => Math.abs(a[0] ?? 0) - Math.abs(b[0] ?? 0));
    out.push(Float64Array.from(kept.flatMap((term) => [0, 1, 2, 3, 4, 5].map((k) => term[k] ?? 0))));
  }
  return out;
}

/** `limitArcsec`: dropped terms move the Moon by less than this each (distance terms scaled by 1.9 km/″). */
function compile(limitArcsec: number): CompiledLunarSeries {
  const l = compileCoordinate(elpFull.L, limitArcsec);
  const b = compileCoordinate(elpFull.B, limitArcsec);
  const r = compileCoordinate(elpFull.R, limitArcsec * 1.9);
  const terms = [...l, ...b, ...r].reduce((sum, a) => sum + a.length / 6, 0);
  return { l, b, r, w1: elpFull.W1 ?? [], terms };
}

/** `fine` serves the osculating node, which magnifies velocity errors about tenfold. */
export type LunarPrecision = SeriesPrecision | 'fine';

const COMPILED: Record<LunarPrecision, CompiledLunarSeries> = {
  fine: compile(0.001),
  precise: compile(0.005),
  coarse: compile(0.05),
};

/** Number of ELP/MPP02 terms evaluated per tier. */
export function elpTermCount(precision: LunarPrecision): number {
  return COMPILED[precision].terms;
}

function sumSeries(series: Float64Array[], t: number): number {
  let result = 0;
  let tPower = 1;
  for (const terms of series) {
    let sum = 0;
    for (let i = 0; i < terms.length; i += 6) {
      const phase = terms[i + 1]! + t * (terms[i + 2]! + t * (terms[i + 3]! + t * (terms[i + 4]! + t * terms[i + 5]!)));
      sum += terms[i]! * Math.sin(phase);
    }
    result += sum * tPower;
    tPower *= t;
  }
  return result;
}

/** Series value and its rate per Julian century. */
function sumSeriesWithRate(series: Float64Array[], t: number): [number, number] {
  let value = 0;
  let rate = 0;
  let tPower = 1;
  let previousPower = 0;
  for (let power = 0; power < series.length; power += 1) {
    const terms = series[power]!;
    let sum = 0;
    let derivative = 0;
    for (let i = 0; i < terms.length; i += 6) {
      const phase = terms[i + 1]! + t * (terms[i + 2]! + t * (terms[i + 3]! + t * (terms[i + 4]! + t * terms[i + 5]!)));
      const phaseRate = terms[i + 2]! + t * (2 * terms[i + 3]! + t * (3 * terms[i + 4]! + t * 4 * terms[i + 5]!));
      sum += terms[i]! * Math.sin(phase);
      derivative += terms[i]! * Math.cos(phase) * phaseRate;
    }
    value += sum * tPower;
    rate += derivative * tPower + power * sum * previousPower;
    previousPower = tPower;
    tPower *= t;
  }
  return [value, rate];
}

function toJ2000(t: number, x: number, y: number, z: number): Vector3 {
  // Laskar's P, Q: mean ecliptic of date → inertial ecliptic J2000.
  const p = t * (0.10180391e-4 + t * (0.47020439e-6 + t * (-0.5417367e-9 + t * (-0.2507948e-11 + t * 0.463486e-14))));
  const q = t * (-0.113469002e-3 + t * (0.12372674e-6 + t * (0.1265417e-8 + t * (-0.1371808e-11 + t * -0.320334e-14))));
  const s = Math.sqrt(1 - p * p - q * q);
  return [
    (1 - 2 * p * p) * x + 2 * p * q * y + 2 * p * s * z,
    2 * p * q * x + (1 - 2 * q * q) * y - 2 * q * s * z,
    -2 * p * s * x + 2 * q * s * y + (1 - 2 * p * p - 2 * q * q) * z,
  ];
}

function meanLongitude(w: readonly number[], t: number): [number, number] {
  const value = (w[0] ?? 0) + t * ((w[1] ?? 0) + t * ((w[2] ?? 0) + t * ((w[3] ?? 0) + t * (w[4] ?? 0))));
  const rate = (w[1] ?? 0) + t * (2 * (w[2] ?? 0) + t * (3 * (w[3] ?? 0) + t * 4 * (w[4] ?? 0)));
  return [value, rate];
}

/**
 * Geometric geocentric Moon (AU) in the ecliptic and equinox J2000 at a Julian day in TT.
 */
export function geocentricMoon(jdTt: number, precision: LunarPrecision = 'precise'): Vector3 {
  const series = COMPILED[precision];
  const t = (jdTt - J2000) / 36525;
  const longitude = meanLongitude(series.w1, t)[0] + sumSeries(series.l, t) * ARCSEC;
  const latitude = sumSeries(series.b, t) * ARCSEC;
  const distance = sumSeries(series.r, t) / KM_PER_AU;
  const cb = Math.cos(latitude);
  return toJ2000(t, distance * cb * Math.cos(longitude), distance * cb * Math.sin(longitude), distance * Math.sin(latitude));
}

/**
 * Geometric geocentric Moon position (AU) and velocity (AU/day) in the ecliptic and equinox J2000,
 * from the analytic derivative of the series (the frame rotation's own rate, ~1e-9/day, is neglected).
 */
export function geocentricMoonState(jdTt: number, precision: LunarPrecision = 'precise'): { position: Vector3; velocity: Vector3 } {
  const series = COMPILED[precision];
  const t = (jdTt - J2000) / 36525;
  const [w, dw] = meanLongitude(series.w1, t);
  const [sl, dsl] = sumSeriesWithRate(series.l, t);
  const [sb, dsb] = sumSeriesWithRate(series.b, t);
  const [sr, dsr] = sumSeriesWithRate(series.r, t);
  const perDay = 1 / 36525;
  const l = w + sl * ARCSEC;
  const vl = (dw + dsl * ARCSEC) * perDay;
  const b = sb * ARCSEC;
  const vb = dsb * ARCSEC * perDay;
  const r = sr / KM_PER_AU;
  const vr = (dsr / KM_PER_AU) * perDay;
  const cl = Math.cos(l);
  const sinL = Math.sin(l);
  const cb = Math.cos(b);
  const sinB = Math.sin(b);
  const position = toJ2000(t, r * cb * cl, r * cb * sinL, r * sinB);
  const velocity = toJ2000(
    t,
    vr * cb * cl - r * sinB * vb * cl - r * cb * sinL * vl,
    vr * cb * sinL - r * sinB * vb * sinL + r * cb * cl * vl,
    vr * sinB + r * cb * vb,
  );
  return { position, velocity };
}
