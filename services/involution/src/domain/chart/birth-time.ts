/**
 * Parses the `birth_time` of a request: an ISO 8601 date-time that must carry a zone (`Z` or ±HH:MM).
 * JavaScript's Date cannot hold year 0 or negative years in ISO text, so the text is parsed here:
 * years may be signed and expanded (`-0044-03-15T12:00:00+00:00`, `+012000-…`), astronomical numbering
 * (year 0 = 1 BC). Dates before 1582-10-15 are read in the Julian calendar unless the request says
 * otherwise, as astronomers and historians write them.
 */
import { InvolutionError } from '../../errors.js';
import { julianDay, type CalendarSystem } from '../time/julian-day.js';

/** A parsed birth time: the wall-clock reading, its zone offset and the instant as a Julian day (UT). */
export interface BirthTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Zone offset east of Greenwich, minutes. */
  offsetMinutes: number;
  /** The calendar the date was read in. */
  calendar: 'julian' | 'gregorian';
  /** Julian day of the instant, UT. */
  jdUt: number;
}

const PATTERN = /^([+-]?\d{4,6})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d{1,9})?))?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

function invalid(message: string, field: string, value: string): InvolutionError {
  return new InvolutionError('INVOLUTION_INVALID_INPUT', message, { field, details: { value } });
}

/** The year written in an ISO-like date-time, without validating the rest (for routing). */
export function yearOf(text: string): number | undefined {
  const match = /^\s*([+-]?\d{4,6})-/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Parses a zoned date-time into a Julian day (UT).
 * @throws InvolutionError INVOLUTION_INVALID_INPUT (no zone, bad shape) or INVOLUTION_DATE_INVALID, naming `field`.
 * @example parseBirthTime('2016-03-20T04:30:00Z').jdUt // 2457467.6875
 * @example parseBirthTime('-0044-03-15T12:00:00+00:00').calendar // 'julian'
 */
export function parseBirthTime(text: string, calendar: CalendarSystem = 'auto', field = 'birth_time'): BirthTime {
  const match = PATTERN.exec(text.trim());
  if (!match) {
    throw invalid(`${field} must be an ISO 8601 date-time with a zone, e.g. 2024-06-21T18:00:00Z or -0044-03-15T12:00:00+00:00`, field, text);
  }
  const zone = match[7];
  if (zone === undefined) {
    throw invalid(
      `${field} has no zone: add Z or an offset such as +02:00, or use /calculate-with-time-resolution to resolve a local time`,
      field,
      text,
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (hour > 23 || minute > 59 || second >= 61) throw invalid(`${field} has an invalid time of day`, field, text);
  const offsetMinutes = parseOffset(zone);
  if (offsetMinutes === undefined) throw invalid(`${field} has an invalid zone offset "${zone}"`, field, text);

  let jd: number;
  try {
    jd = julianDay({ year, month, day, hour, minute, second }, calendar);
  } catch (error) {
    if (error instanceof InvolutionError) {
      throw new InvolutionError(error.code, `${field}: ${error.message}`, { field, details: { value: text, ...error.details } });
    }
    throw error;
  }
  const gregorian = calendar === 'auto' ? jd >= 2299160.5 : calendar === 'gregorian';
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    offsetMinutes,
    calendar: gregorian ? 'gregorian' : 'julian',
    jdUt: jd - offsetMinutes / 1440,
  };
}

function parseOffset(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 18 || minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  return match[1] === '-' ? -total : total;
}
