import { InvolutionError } from '../../errors.js';

/** A wall-clock date and time in the proleptic Gregorian calendar (no zone). */
export interface LocalDateTime {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  hour: number;
  minute: number;
  /** May carry a fraction. */
  second?: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days from 1970-01-01 to a proleptic Gregorian date, valid for any integer year (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of `daysFromCivil`. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Checks a wall-clock date-time field by field.
 * @throws InvolutionError INVOLUTION_DATE_INVALID naming the first bad field.
 */
export function assertLocalDateTime(t: LocalDateTime, field = 'local_time'): void {
  const bad = (name: string, message: string): never => {
    throw new InvolutionError('INVOLUTION_DATE_INVALID', message, { field: `${field}.${name}`, details: { ...t } });
  };
  if (!Number.isInteger(t.year)) bad('year', 'year must be an integer');
  if (!Number.isInteger(t.month) || t.month < 1 || t.month > 12) bad('month', 'month must be 1–12');
  const dim = t.month === 2 && isLeapYear(t.year) ? 29 : (DAYS_IN_MONTH[t.month - 1] ?? 31);
  if (!Number.isInteger(t.day) || t.day < 1 || t.day > dim) bad('day', `day must be 1–${dim} in ${t.year}-${t.month}`);
  if (!Number.isInteger(t.hour) || t.hour < 0 || t.hour > 23) bad('hour', 'hour must be 0–23');
  if (!Number.isInteger(t.minute) || t.minute < 0 || t.minute > 59) bad('minute', 'minute must be 0–59');
  const s = t.second ?? 0;
  if (!Number.isFinite(s) || s < 0 || s >= 60) bad('second', 'second must be in [0, 60)');
}

/** Seconds since 1970-01-01T00:00 of the wall-clock reading, as if it were UTC. */
export function wallClockSeconds(t: LocalDateTime): number {
  return daysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + (t.second ?? 0);
}

/** ISO 8601 text for seconds since the epoch, UTC, with milliseconds; years outside 0–9999 get a sign. */
export function isoFromEpochSeconds(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const days = Math.floor(ms / 86400000);
  let rest = ms - days * 86400000;
  const { year, month, day } = civilFromDays(days);
  const hh = Math.floor(rest / 3600000);
  rest -= hh * 3600000;
  const mm = Math.floor(rest / 60000);
  rest -= mm * 60000;
  const ss = rest / 1000;
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const y = year >= 0 && year <= 9999 ? pad(year, 4) : (year < 0 ? '-' : '+') + pad(Math.abs(year), 6);
  return `${y}-${pad(month)}-${pad(day)}T${pad(hh)}:${pad(mm)}:${ss.toFixed(3).padStart(6, '0')}Z`;
}

const LOCAL_PATTERN = /^([+-]?\d{4,6})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/**
 * Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` (a space may replace `T`; years may be signed/expanded) as a
 * wall-clock reading. A zone designator (`Z`, `+02:00`) is refused: the point is to resolve it.
 * @throws InvolutionError INVOLUTION_INVALID_INPUT / INVOLUTION_DATE_INVALID naming `field`.
 */
export function parseLocalDateTime(text: string, field = 'local_time'): LocalDateTime {
  const m = LOCAL_PATTERN.exec(text.trim());
  if (!m) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text.trim());
    throw new InvolutionError(
      'INVOLUTION_INVALID_INPUT',
      hasZone ? `${field} must be a local wall-clock time without a zone or offset` : `${field} must look like 1962-07-02T23:33[:00]`,
      { field, details: { value: text } },
    );
  }
  const t: LocalDateTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
  };
  assertLocalDateTime(t, field);
  return t;
}
