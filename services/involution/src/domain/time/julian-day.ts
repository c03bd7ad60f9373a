import { InvolutionError } from '../../errors.js';

/** Julian day of the J2000.0 epoch (2000-01-01 12:00 TT). */
export const J2000 = 2451545.0;

/** Days in a Julian century. */
export const DAYS_PER_CENTURY = 36525;

/** First day of the Gregorian calendar, 1582-10-15, as a Julian day number (at 0h). */
export const GREGORIAN_REFORM_JD = 2299160.5;

/**
 * A calendar date with optional time of day. Years use astronomical numbering:
 * 1 BC is year 0, 2 BC is year -1.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/**
 * Which calendar a date is written in. `auto` is the usual historical convention:
 * Julian calendar before 1582-10-15, Gregorian from then on.
 */
export type CalendarSystem = 'gregorian' | 'julian' | 'auto';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number, gregorian: boolean): boolean {
  if (!gregorian) return ((year % 4) + 4) % 4 === 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function usesGregorian(date: CalendarDate, calendar: CalendarSystem): boolean {
  if (calendar !== 'auto') return calendar === 'gregorian';
  const { year, month, day } = date;
  if (year !== 1582) return year > 1582;
  if (month !== 10) return month > 10;
  if (day >= 15) return true;
  if (day <= 4) return false;
  throw new InvolutionError(
    'INVOLUTION_DATE_INVALID',
    `1582-10-${String(day).padStart(2, '0')} does not exist: the Gregorian reform skipped 1582-10-05 to 1582-10-14`,
    { field: 'day', details: { year, month, day } },
  );
}

function assertInteger(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvolutionError('INVOLUTION_DATE_INVALID', `${field} must be an integer in [${min}, ${max}], got ${value}`, {
      field,
      details: { value, min, max },
    });
  }
}

function assertFinite(value: number, field: string, min: number, maxExclusive: number): void {
  if (!Number.isFinite(value) || value < min || value >= maxExclusive) {
    throw new InvolutionError('INVOLUTION_DATE_INVALID', `${field} must be in [${min}, ${maxExclusive}), got ${value}`, {
      field,
      details: { value, min, max: maxExclusive },
    });
  }
}

/**
 * Julian day of a calendar date and time (the time scale is the caller's: UT in gives JD(UT)).
 * Accepts any year, including years <= 0 (astronomical numbering).
 *
 * @example julianDay({ year: 2000, month: 1, day: 1, hour: 12 }) // 2451545
 * @example julianDay({ year: -4712, month: 1, day: 1, hour: 12 }, 'julian') // 0
 */
export function julianDay(date: CalendarDate, calendar: CalendarSystem = 'auto'): number {
  assertInteger(date.year, 'year', -1_000_000, 1_000_000);
  assertInteger(date.month, 'month', 1, 12);
  const gregorian = usesGregorian(date, calendar);
  const monthLength =
    date.month === 2 && isLeapYear(date.year, gregorian) ? 29 : (DAYS_IN_MONTH[date.month - 1] ?? 31);
  assertInteger(date.day, 'day', 1, monthLength);
  const hour = date.hour ?? 0;
  const minute = date.minute ?? 0;
  const second = date.second ?? 0;
  assertFinite(hour, 'hour', 0, 24);
  assertFinite(minute, 'minute', 0, 60);
  assertFinite(second, 'second', 0, 61);

  // Shift far-past years by whole calendar cycles so every floor below works on positive numbers.
  const cycleYears = gregorian ? 400 : 4;
  const cycleDays = gregorian ? 146097 : 1461;
  const cycles = date.year < -4700 ? Math.ceil((-4700 - date.year) / cycleYears) : 0;
  let y = date.year + cycles * cycleYears;
  let m = date.month;
  if (m <= 2) {
    y -= 1;
    m += 12;
  }
  const century = Math.floor(y / 100);
  const b = gregorian ? 2 - century + Math.floor(century / 4) : 0;
  const dayNumber = Math.floor(365.25 * (y + 4716)) + Math.floor(30.6001 * (m + 1)) + date.day + b - 1524.5;
  return dayNumber - cycles * cycleDays + (hour + minute / 60 + second / 3600) / 24;
}

/**
 * Calendar date and time of a Julian day. `auto` answers in the Julian calendar before
 * JD 2299160.5 (1582-10-15) and in the Gregorian calendar from then on.
 *
 * @example calendarDate(2451545) // { year: 2000, month: 1, day: 1, hour: 12, minute: 0, second: 0 }
 */
export function calendarDate(jd: number, calendar: CalendarSystem = 'auto'): Required<CalendarDate> {
  if (!Number.isFinite(jd)) {
    throw new InvolutionError('INVOLUTION_INVALID_INPUT', 'Julian day must be finite', { field: 'jd' });
  }
  const gregorian = calendar === 'auto' ? jd >= GREGORIAN_REFORM_JD : calendar === 'gregorian';
  const cycleYears = gregorian ? 400 : 4;
  const cycleDays = gregorian ? 146097 : 1461;
  const cycles = jd < 0 ? Math.ceil(-jd / cycleDays) + 1 : 0;
  const shifted = jd + cycles * cycleDays;
  const z = Math.floor(shifted + 0.5);
  let fraction = shifted + 0.5 - z;
  let a = z;
  if (gregorian) {
    const alpha = Math.floor((z - 1867216.25) / 36524.25);
    a = z + 1 + alpha - Math.floor(alpha / 4);
  }
  const b = a + 1524;
  const c = Math.floor((b - 122.1) / 365.25);
  const d = Math.floor(365.25 * c);
  const e = Math.floor((b - d) / 30.6001);
  const day = b - d - Math.floor(30.6001 * e);
  const month = e < 14 ? e - 1 : e - 13;
  const year = (month > 2 ? c - 4716 : c - 4715) - cycles * cycleYears;
  // Round to the millisecond so 12:00 does not print as 11:59:59.999.
  let ms = Math.round(fraction * 86_400_000);
  if (ms >= 86_400_000) ms = 86_400_000 - 1;
  fraction = ms;
  const hour = Math.floor(fraction / 3_600_000);
  const minute = Math.floor((fraction % 3_600_000) / 60_000);
  const second = (fraction % 60_000) / 1000;
  return { year, month, day, hour, minute, second };
}

/** Julian centuries since J2000.0 on the time scale of `jd`. */
export function julianCenturies(jd: number): number {
  return (jd - J2000) / DAYS_PER_CENTURY;
}
