/**
 * ΔT = TT − UT1, the model of Swiss Ephemeris 2.10 (its default, SEMOD_DELTAT_STEPHENSON_ETC_2016),
 * rebuilt from the published sources so that our UT instants match swetest's:
 *
 * - before 1955-01-01: the Stephenson–Morrison–Hohenkerk (2016) spline (before −720 and after 2016 its
 *   long-term parabola −320 + 32.5 ((y − 1825)/100)² s, shifted for continuity), corrected from the
 *   spline's lunar tidal acceleration (−25.85″/cy²) to DE431's (−25.80″/cy²), and blended linearly
 *   (0.661 s over the last 1000 days) into the table;
 * - 1955 to the end of the annual table (2028): Astronomical Almanac / IERS values, fourth-order Bessel
 *   interpolation;
 * - after the table, until 2500: the cubic ΔT ≈ 64 + 0.1737 B + B²/1250 + 121 B³/3·10⁷ s (B = year − 2000),
 *   joined to the table's last value by a linear correction that fades out over 100 years;
 *   from 2500 on: 42.5 + 32.5 ((year − 2000)/100)² s.
 *
 * The future branch is an extrapolation, not a prediction: by 2400 its uncertainty is many minutes.
 * Argument: Julian day in UT. Result in seconds.
 */
import { ANNUAL_DELTA_T, ANNUAL_DELTA_T_START_YEAR, SMH2016_SPLINE } from './delta-t-tables.js';
import { J2000 } from './julian-day.js';

/** Secular tidal acceleration of the Moon assumed by the ephemeris (DE431, ″/cy²). */
export const EPHEMERIS_TIDAL_ACCELERATION = -25.8;
const TABLE_TIDAL_ACCELERATION = -26.0;
const SMH2016_TIDAL_ACCELERATION = -25.85;
const JD_1955 = 2435108.5;
const SMH2016_BLEND_DAYS = 1000;
const SMH2016_BLEND_SECONDS = 0.6610218;
const TABLE_END_YEAR = ANNUAL_DELTA_T_START_YEAR + ANNUAL_DELTA_T.length - 1;

/** ΔT correction for an ephemeris whose lunar tidal acceleration differs from the data's (AA p. K8). */
function tidalCorrection(deltaT: number, year: number, dataTidalAcceleration: number): number {
  const b = year - 1955;
  return deltaT - 0.000091 * (EPHEMERIS_TIDAL_ACCELERATION - dataTidalAcceleration) * b * b;
}

function smh2016(jd: number): number {
  const year = 2000 + (jd - J2000) / 365.2425;
  let deltaT: number | undefined;
  for (const [start, end, a0, a1, a2, a3] of SMH2016_SPLINE) {
    if (jd < start) break;
    if (jd < end) {
      const t = (jd - start) / (end - start);
      deltaT = a0 + t * (a1 + t * (a2 + t * a3));
      break;
    }
  }
  if (deltaT === undefined) {
    const t = (year - 1825) / 100;
    deltaT = -320 + 32.5 * t * t + (year < -720 ? -179.7337208 : 269.4790417);
  }
  return tidalCorrection(deltaT, year, SMH2016_TIDAL_ACCELERATION);
}

function tableValue(index: number): number {
  return ANNUAL_DELTA_T[index] ?? 0;
}

/** Fourth-order Bessel interpolation in the annual table, guarded at its ends as Swiss Ephemeris does. */
function tabulated(year: number): number {
  const size = ANNUAL_DELTA_T.length;
  const whole = Math.floor(year);
  const iy = whole - ANNUAL_DELTA_T_START_YEAR;
  const p = year - whole;
  let answer = tableValue(iy);
  if (iy + 1 < size) {
    answer += p * (tableValue(iy + 1) - tableValue(iy));
    if (iy - 1 >= 0 && iy + 2 < size) {
      const d: number[] = [];
      for (let k = iy - 2; k <= iy + 2; k += 1) {
        d.push(k < 0 || k + 1 >= size ? 0 : tableValue(k + 1) - tableValue(k));
      }
      for (let i = 0; i < 4; i += 1) d[i] = (d[i + 1] ?? 0) - (d[i] ?? 0);
      let b = 0.25 * p * (p - 1);
      answer += b * ((d[1] ?? 0) + (d[2] ?? 0));
      for (let i = 0; i < 3; i += 1) d[i] = (d[i + 1] ?? 0) - (d[i] ?? 0);
      b = (2 / 3) * b;
      answer += (p - 0.5) * b * (d[1] ?? 0);
      if (iy - 2 >= 0 && iy + 3 <= size) {
        for (let i = 0; i < 2; i += 1) d[i] = (d[i + 1] ?? 0) - (d[i] ?? 0);
        b = 0.125 * b * (p + 1) * (p - 2);
        answer += b * ((d[0] ?? 0) + (d[1] ?? 0));
      }
    }
  }
  return year < 1955 ? tidalCorrection(answer, year, TABLE_TIDAL_ACCELERATION) : answer;
}

function futureCubic(year: number): number {
  const b = year - 2000;
  return ((121 / 30_000_000) * b + 1 / 1250) * b * b + (521 / 3000) * b + 64;
}

function extrapolated(year: number): number {
  if (year >= 2500) {
    const b = 0.01 * (year - 2000);
    return 32.5 * b * b + 42.5;
  }
  let answer = futureCubic(year);
  if (year <= TABLE_END_YEAR + 100) {
    const gap = futureCubic(TABLE_END_YEAR) - tableValue(ANNUAL_DELTA_T.length - 1);
    answer += gap * (year - (TABLE_END_YEAR + 100)) * 0.01;
  }
  return answer;
}

/**
 * ΔT = TT − UT in seconds at a Julian day in UT.
 *
 * @example deltaTSeconds(2451545) // 63.8289… (2000-01-01 12:00 UT)
 */
export function deltaTSeconds(jdUt: number): number {
  if (jdUt < JD_1955) {
    let deltaT = smh2016(jdUt);
    if (jdUt >= JD_1955 - SMH2016_BLEND_DAYS) {
      deltaT += (1 - (JD_1955 - jdUt) / SMH2016_BLEND_DAYS) * SMH2016_BLEND_SECONDS;
    }
    return deltaT;
  }
  const year = 2000 + (jdUt - (J2000 - 0.5)) / 365.25;
  return year <= TABLE_END_YEAR ? tabulated(year) : extrapolated(year);
}

/** Julian day in TT for a Julian day in UT. */
export function ttFromUt(jdUt: number): number {
  return jdUt + deltaTSeconds(jdUt) / 86400;
}

/** Julian day in UT for a Julian day in TT (inverts ttFromUt to well below a microsecond). */
export function utFromTt(jdTt: number): number {
  let jdUt = jdTt - deltaTSeconds(jdTt) / 86400;
  for (let i = 0; i < 3; i += 1) {
    jdUt = jdTt - deltaTSeconds(jdUt) / 86400;
  }
  return jdUt;
}
