import { IssError } from '../errors.js';

/**
 * TAI−UTC steps since 1972-01-01 (IERS Bulletin C / leap-seconds.list): [UTC unix seconds the step
 * takes effect, TAI−UTC in seconds from then on]. Before 1972 UTC used rubber seconds, so it is
 * out of range here.
 */
const LEAP_STEPS: readonly (readonly [number, number])[] = [
  ['1972-01-01', 10], ['1972-07-01', 11], ['1973-01-01', 12], ['1974-01-01', 13], ['1975-01-01', 14],
  ['1976-01-01', 15], ['1977-01-01', 16], ['1978-01-01', 17], ['1979-01-01', 18], ['1980-01-01', 19],
  ['1981-07-01', 20], ['1982-07-01', 21], ['1983-07-01', 22], ['1985-07-01', 23], ['1988-01-01', 24],
  ['1990-01-01', 25], ['1991-01-01', 26], ['1992-07-01', 27], ['1993-07-01', 28], ['1994-07-01', 29],
  ['1996-01-01', 30], ['1997-07-01', 31], ['1999-01-01', 32], ['2006-01-01', 33], ['2009-01-01', 34],
  ['2012-07-01', 35], ['2015-07-01', 36], ['2017-01-01', 37],
].map(([day, offset]) => [Date.parse(`${day as string}T00:00:00Z`) / 1000, offset as number] as const);

/**
 * The table is known to be complete up to this UTC instant: the expiry of the IERS leap-seconds.list
 * in force when it was written (no leap second scheduled before it). Past it TAI−UTC is still 37 s
 * unless IERS announces otherwise, so results are flagged `leap_table_expired` and the table needs
 * updating from the next Bulletin C.
 */
export const LEAP_TABLE_VALID_UNTIL_UNIX = Date.parse('2026-12-28T00:00:00Z') / 1000;

/** TT − TAI, exactly, in milliseconds. */
const TT_MINUS_TAI_MS = 32_184;
/** Unix milliseconds of 2000-01-01T12:00:00 as a count on the TAI/TT axis (J2000.0 is 12:00 TT). */
const J2000_AXIS_MS = Date.parse('2000-01-01T12:00:00Z');
/** Julian date of the Unix epoch 1970-01-01T00:00:00 UTC. */
const JD_UNIX_EPOCH = 2440587.5;
/** Julian date of J2000.0 (TT). */
const JD_J2000 = 2451545.0;

/** TAI − UTC in whole seconds at the given UTC Unix time (seconds). Throws before 1972. */
export function taiMinusUtc(unixSeconds: number): number {
  const first = LEAP_STEPS[0];
  if (!first || unixSeconds < first[0]) {
    throw new IssError('ISS_OUT_OF_RANGE', 'UTC before 1972-01-01 has no integral TAI−UTC', { field: 'utc' });
  }
  let offset = first[1];
  for (const [at, value] of LEAP_STEPS) {
    if (unixSeconds >= at) offset = value;
    else break;
  }
  return offset;
}

/** Every time scale a pulse records, for one UTC instant. */
export interface TimeScales {
  utc_iso: string;
  /** Unix seconds, millisecond precision. */
  unix: number;
  tai_minus_utc: number;
  /** TAI seconds since J2000.0 expressed in TAI (2000-01-01T11:59:27.816 TAI). */
  tai_seconds_j2000: number;
  /** TT seconds since J2000.0 (2000-01-01T12:00:00 TT). */
  tt_seconds_j2000: number;
  julian_date_utc: number;
  julian_date_tt: number;
  leap_table_expired: boolean;
}

/**
 * Converts a UTC instant given in Unix milliseconds to every scale. Arithmetic is done in integer
 * milliseconds so the results are exact to the millisecond.
 * @example timeScales(Date.parse('2017-01-01T00:00:00Z')).tai_minus_utc // 37
 */
export function timeScales(unixMs: number): TimeScales {
  if (!Number.isInteger(unixMs)) {
    throw new IssError('ISS_OUT_OF_RANGE', 'unix milliseconds must be an integer', { field: 'unix' });
  }
  const dat = taiMinusUtc(unixMs / 1000);
  const taiMs = unixMs + dat * 1000 - J2000_AXIS_MS;
  const ttMs = taiMs + TT_MINUS_TAI_MS;
  return {
    utc_iso: new Date(unixMs).toISOString(),
    unix: unixMs / 1000,
    tai_minus_utc: dat,
    tai_seconds_j2000: taiMs / 1000,
    tt_seconds_j2000: ttMs / 1000,
    julian_date_utc: JD_UNIX_EPOCH + unixMs / 86_400_000,
    julian_date_tt: JD_J2000 + ttMs / 86_400_000,
    leap_table_expired: unixMs / 1000 >= LEAP_TABLE_VALID_UNTIL_UNIX,
  };
}
