import { InvolutionError } from '../../errors.js';
import { historicalRefinement } from './historical-zone-refinements.js';
import { assertLocalDateTime, isoFromEpochSeconds, wallClockSeconds, type LocalDateTime } from './local-date-time.js';
import { julianDay, type CalendarSystem } from '../time/julian-day.js';
import type { TimeZoneDatabase, ZoneLocator, ZoneOffset } from './time-zone-database.js';

/**
 * How local mean time (before a zone adopted standard time) is turned into UTC:
 * - `longitude`: mean solar time of the given place, offset = longitude / 15 h (what a birth record
 *   written in "local time" before standard time meant);
 * - `tzdb`: the LMT tzdb records for the zone, i.e. mean time of the zone's reference city.
 */
export type LmtMode = 'longitude' | 'tzdb';

/** Which instant to take when a wall-clock reading occurs twice (fold). */
export type FoldChoice = 'earlier' | 'later';

/**
 * Which offset to apply when a wall-clock reading never occurred (gap):
 * `before` keeps the offset in force before the transition (the reading lands after the gap,
 * like Temporal's "compatible"), `after` uses the new offset (lands before the gap).
 */
export type GapChoice = 'before' | 'after';

/** Resolution request. */
export interface ResolveLocalTimeRequest {
  local: LocalDateTime;
  latitude: number;
  longitude: number;
  /** IANA zone to use instead of the one found from the coordinates. */
  zone?: string;
  lmt?: LmtMode;
  fold?: FoldChoice;
  gap?: GapChoice;
  /**
   * Calendar the date is written in; default `auto` (Julian before 1582-10-15, Gregorian after),
   * the engine's convention.
   */
  calendar?: CalendarSystem;
}

/** One way to read the wall clock. */
export interface TimeChoice {
  label: 'unique' | 'earlier' | 'later' | 'before' | 'after';
  utc: string;
  utcEpochSeconds: number;
  offsetSeconds: number;
  abbreviation: string;
  isDst: boolean;
}

/** Result of turning a local date-time and place into UTC. */
export interface ResolvedTime {
  utc: string;
  utcEpochSeconds: number;
  /** Julian day (UTC taken as UT1). */
  jdUt: number;
  zone: string;
  zoneSource: 'request' | 'coordinates' | 'coordinates+historical-refinement';
  offsetSeconds: number;
  abbreviation: string;
  isDst: boolean;
  /** `lmt-longitude`: birth-longitude LMT; `lmt-tzdb`: the zone's LMT; `tzdb`: standard or daylight time. */
  method: 'tzdb' | 'lmt-tzdb' | 'lmt-longitude';
  status: 'unique' | 'ambiguous' | 'nonexistent';
  /** Every valid reading (two for folds and gaps), the chosen one first. */
  choices: TimeChoice[];
  warnings: string[];
  tzdbVersion: string;
  boundarySource: string;
}

// Offsets in force a day and a half either side of the reading: every offset a valid reading can
// have (|offset| ≤ 15 h) is among them unless the zone changed offset twice within three days.
const SEARCH_WINDOW_SECONDS = 36 * 3600;
const UNIX_EPOCH_JD = 2440587.5;

function sameOffset(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-3;
}

function choiceOf(label: TimeChoice['label'], utcSeconds: number, o: ZoneOffset): TimeChoice {
  return {
    label,
    utc: isoFromEpochSeconds(utcSeconds),
    utcEpochSeconds: utcSeconds,
    offsetSeconds: o.offsetSeconds,
    abbreviation: o.abbreviation,
    isDst: o.isDst,
  };
}

function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const s = Math.round(Math.abs(seconds));
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = s % 60;
  return `${sign}${hh}:${mm}${ss ? ':' + String(ss).padStart(2, '0') : ''}`;
}

/** Seconds since 1970 of the wall-clock reading as if UTC, in the proleptic Gregorian time line. */
function wallClockOf(local: LocalDateTime, calendar: CalendarSystem): number {
  if (calendar === 'gregorian' || (calendar === 'auto' && (local.year > 1582 || (local.year === 1582 && (local.month > 10 || (local.month === 10 && local.day >= 15)))))) {
    assertLocalDateTime(local);
    return wallClockSeconds(local);
  }
  // Julian-calendar date: validate the time with a harmless Gregorian date, the date with julianDay().
  assertLocalDateTime({ ...local, year: 2000, month: 1, day: 1 });
  const jd0 = julianDay({ year: local.year, month: local.month, day: local.day }, calendar);
  return Math.round((jd0 - UNIX_EPOCH_JD) * 86400) + local.hour * 3600 + local.minute * 60 + (local.second ?? 0);
}

/** Picks the zone: the request's, else the boundary data's (refined for history where documented). */
function chooseZone(
  req: ResolveLocalTimeRequest,
  wall: number,
  db: TimeZoneDatabase,
  locator: ZoneLocator,
  warnings: string[],
): { zone: string; source: ResolvedTime['zoneSource'] } {
  if (req.zone !== undefined) {
    if (!db.hasZone(req.zone)) {
      throw new InvolutionError('INVOLUTION_UNKNOWN_TIMEZONE', `Unknown IANA time zone "${req.zone}"`, {
        field: 'zone',
        details: { zone: req.zone, tzdbVersion: db.version },
      });
    }
    return { zone: req.zone, source: 'request' };
  }
  const zones = locator.zonesAt(req.latitude, req.longitude);
  const first = zones[0];
  if (first === undefined) {
    throw new InvolutionError('INVOLUTION_UNKNOWN_TIMEZONE', 'No time zone found at these coordinates', {
      field: 'latitude',
      details: { latitude: req.latitude, longitude: req.longitude },
    });
  }
  if (zones.length > 1) warnings.push(`Several zones at this point (${zones.join(', ')}); using ${first}.`);
  if (first.startsWith('Etc/')) warnings.push(`No land zone here; using the nautical zone ${first}.`);
  const refinement = historicalRefinement(first, req.latitude, req.longitude, wall);
  if (refinement) {
    warnings.push(`Boundary data gives ${first}; using ${refinement.historicalZone} for this date: ${refinement.reason}.`);
    return { zone: refinement.historicalZone, source: 'coordinates+historical-refinement' };
  }
  return { zone: first, source: 'coordinates' };
}

/**
 * Turns a wall-clock date-time at a place into UTC using IANA tzdb history. Readings that occur
 * twice (fold) or never (gap) are resolved by `fold`/`gap` and both readings are returned as
 * choices with a warning. Before standard time the zone's LMT or the place's own mean time is used
 * (`lmt`, default `longitude`).
 * @throws InvolutionError INVOLUTION_DATE_INVALID, INVOLUTION_INVALID_INPUT, INVOLUTION_UNKNOWN_TIMEZONE.
 * @example resolveLocalTime({ local: { year: 1962, month: 7, day: 2, hour: 23, minute: 33 }, latitude: 37.89, longitude: -85.96 }, db, locator).utc // '1962-07-03T04:33:00.000Z'
 */
export function resolveLocalTime(req: ResolveLocalTimeRequest, db: TimeZoneDatabase, locator: ZoneLocator): ResolvedTime {
  const wall = wallClockOf(req.local, req.calendar ?? 'auto');
  if (!Number.isFinite(req.latitude) || Math.abs(req.latitude) > 90) {
    throw new InvolutionError('INVOLUTION_INVALID_INPUT', 'latitude must be within [-90, 90]', { field: 'latitude', details: { latitude: req.latitude } });
  }
  if (!Number.isFinite(req.longitude) || Math.abs(req.longitude) > 180) {
    throw new InvolutionError('INVOLUTION_INVALID_INPUT', 'longitude must be within [-180, 180]', { field: 'longitude', details: { longitude: req.longitude } });
  }
  const warnings: string[] = [];
  const { zone, source } = chooseZone(req, wall, db, locator, warnings);

  // Every offset the zone used near this reading; a reading is valid under offset o when the zone
  // really observed o at wall − o.
  const offsets: number[] = [];
  for (const dt of [-SEARCH_WINDOW_SECONDS, 0, SEARCH_WINDOW_SECONDS]) {
    const o = db.offsetAt(zone, wall + dt);
    if (!offsets.some((k) => sameOffset(k, o))) offsets.push(o);
  }
  offsets.sort((a, b) => a - b);
  const valid: TimeChoice[] = [];
  for (const offset of offsets) {
    const utc = wall - offset;
    if (sameOffset(db.offsetAt(zone, utc), offset)) valid.push(choiceOf('unique', utc, db.describe(zone, utc)));
  }
  valid.sort((a, b) => a.utcEpochSeconds - b.utcEpochSeconds);

  let status: ResolvedTime['status'];
  let choices: TimeChoice[];
  const local = `${isoFromEpochSeconds(wall).slice(0, -1)}`;
  if (valid.length === 1) {
    status = 'unique';
    choices = valid;
  } else if (valid.length >= 2) {
    status = 'ambiguous';
    const earlier = { ...valid[0]!, label: 'earlier' as const };
    const later = { ...valid[valid.length - 1]!, label: 'later' as const };
    choices = (req.fold ?? 'earlier') === 'earlier' ? [earlier, later] : [later, earlier];
    warnings.push(
      `Local time ${local} occurs twice in ${zone} (${earlier.abbreviation} ${formatOffset(earlier.offsetSeconds)} and ${later.abbreviation} ${formatOffset(later.offsetSeconds)}); using the ${choices[0]!.label} one.`,
    );
  } else {
    status = 'nonexistent';
    const pre = offsets[0]!;
    const post = offsets[offsets.length - 1]!;
    // Describe each offset where it was really in force: just before and just after the gap.
    const before = choiceOf('before', wall - pre, { ...db.describe(zone, wall - post - 1), offsetSeconds: pre });
    const after = choiceOf('after', wall - post, { ...db.describe(zone, wall - pre + 1), offsetSeconds: post });
    choices = (req.gap ?? 'before') === 'before' ? [before, after] : [after, before];
    warnings.push(
      `Local time ${local} does not exist in ${zone} (clocks jumped from ${formatOffset(pre)} to ${formatOffset(post)}); using the offset in force ${choices[0]!.label} the change.`,
    );
  }

  let chosen = choices[0]!;
  let method: ResolvedTime['method'] = 'tzdb';
  const lmtMode = req.lmt ?? 'longitude';
  if (chosen.abbreviation === 'LMT') {
    if (lmtMode === 'longitude') {
      const offset = req.longitude * 240;
      const utc = wall - offset;
      chosen = { label: 'unique', utc: isoFromEpochSeconds(utc), utcEpochSeconds: utc, offsetSeconds: offset, abbreviation: 'LMT', isDst: false };
      choices = [chosen];
      method = 'lmt-longitude';
      warnings.push(`Before standard time in ${zone}: local mean time of longitude ${req.longitude}° (${formatOffset(offset)}).`);
      if (!db.describe(zone, utc).isLmt) warnings.push(`At ${chosen.utc} ${zone} already kept standard time; check which time the record used.`);
    } else {
      method = 'lmt-tzdb';
      warnings.push(`Before standard time in ${zone}: tzdb LMT of the zone's reference city (${formatOffset(chosen.offsetSeconds)}), not of this longitude.`);
    }
  }

  return {
    utc: chosen.utc,
    utcEpochSeconds: chosen.utcEpochSeconds,
    jdUt: UNIX_EPOCH_JD + chosen.utcEpochSeconds / 86400,
    zone,
    zoneSource: source,
    offsetSeconds: chosen.offsetSeconds,
    abbreviation: chosen.abbreviation,
    isDst: chosen.isDst,
    method,
    status,
    choices,
    warnings,
    tzdbVersion: db.version,
    boundarySource: locator.source,
  };
}
