/**
 * Time resolution against the real tzdb (Node's ICU) and the real boundary
 * data (geo-tz). Expected values are worked from the tzdb zone lines quoted in each test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTzdb } from '../../src/adapters/tzdb-intl.js';
import { createZoneLocator } from '../../src/adapters/zone-locator-geo-tz.js';
import { resolveLocalTime } from '../../src/domain/timezone/resolve-local-time.js';
import type { TimeZoneDatabase, ZoneLocator } from '../../src/domain/timezone/time-zone-database.js';
import { InvolutionError } from '../../src/errors.js';

let db: TimeZoneDatabase;
let locator: ZoneLocator;

beforeAll(() => {
  db = createTzdb();
  locator = createZoneLocator();
});

describe('resolveLocalTime', () => {
  it('resolves Fort Knox 1962-07-02 23:33 to 1962-07-03 04:33 UTC (Louisville: EST all year 1961-07-23…1968)', () => {
    const r = resolveLocalTime({ local: { year: 1962, month: 7, day: 2, hour: 23, minute: 33 }, latitude: 37.89, longitude: -85.96 }, db, locator);
    expect(r.utc).toBe('1962-07-03T04:33:00.000Z');
    expect(r.zone).toBe('America/Kentucky/Louisville');
    expect(r.zoneSource).toBe('coordinates+historical-refinement');
    expect(r.offsetSeconds).toBe(-18000);
    expect(r.isDst).toBe(false);
    expect(r.status).toBe('unique');
    expect(r.warnings.join(' ')).toMatch(/America\/New_York/);
    expect(r.tzdbVersion).toMatch(/^20\d\d[a-z]$/);
  });

  it('gives 03:33 UTC for the same reading when America/New_York (EDT in 1962) is requested explicitly', () => {
    const r = resolveLocalTime({ local: { year: 1962, month: 7, day: 2, hour: 23, minute: 33 }, latitude: 37.89, longitude: -85.96, zone: 'America/New_York' }, db, locator);
    expect(r.utc).toBe('1962-07-03T03:33:00.000Z');
    expect(r.offsetSeconds).toBe(-14400);
    expect(r.isDst).toBe(true);
  });

  it('gives Fort Knox in 1975 what the boundary data and tzdb say today: America/New_York, EDT, 03:33 UTC', () => {
    // tzdb US rule 1975: EDT from Feb 23; no refinement from 1970 on.
    const r = resolveLocalTime({ local: { year: 1975, month: 7, day: 2, hour: 23, minute: 33 }, latitude: 37.89, longitude: -85.96 }, db, locator);
    expect([r.zone, r.zoneSource, r.utc, r.offsetSeconds, r.isDst]).toEqual(['America/New_York', 'coordinates', '1975-07-03T03:33:00.000Z', -14400, true]);
  });

  it('resolves Louisville itself in 1962 from the boundary data alone: EST all year, 04:33 UTC', () => {
    const r = resolveLocalTime({ local: { year: 1962, month: 7, day: 2, hour: 23, minute: 33 }, latitude: 38.2527, longitude: -85.7585 }, db, locator);
    expect([r.zone, r.zoneSource, r.utc, r.offsetSeconds, r.isDst]).toEqual(['America/Kentucky/Louisville', 'coordinates', '1962-07-03T04:33:00.000Z', -18000, false]);
  });

  it('applies the 1962 Louisville history across Hardin, Meade and Bullitt counties', () => {
    const towns: [string, number, number][] = [
      ['Elizabethtown (Hardin)', 37.6939, -85.8591],
      ['Radcliff (Hardin)', 37.8404, -85.9491],
      ['Brandenburg (Meade)', 37.9989, -86.1694],
      ['Shepherdsville (Bullitt)', 37.9884, -85.7158],
      ['Lebanon Junction (Bullitt)', 37.8345, -85.7319],
    ];
    for (const [town, latitude, longitude] of towns) {
      const r = resolveLocalTime({ local: { year: 1962, month: 7, day: 2, hour: 23, minute: 33 }, latitude, longitude }, db, locator);
      expect([r.zone, r.zoneSource, r.utc], town).toEqual(['America/Kentucky/Louisville', 'coordinates+historical-refinement', '1962-07-03T04:33:00.000Z']);
    }
  });

  it('leaves the neighbouring Eastern counties outside: Bardstown (Nelson), Hodgenville (Larue), Taylorsville (Spencer) keep New York EDT in 1962', () => {
    const towns: [string, number, number][] = [
      ['Bardstown (Nelson)', 37.8092, -85.4669],
      ['Hodgenville (Larue)', 37.5737, -85.7399],
      ['Taylorsville (Spencer)', 38.0317, -85.3419],
    ];
    for (const [town, latitude, longitude] of towns) {
      const r = resolveLocalTime({ local: { year: 1962, month: 7, day: 2, hour: 23, minute: 33 }, latitude, longitude }, db, locator);
      expect([r.zone, r.zoneSource, r.utc], town).toEqual(['America/New_York', 'coordinates', '1962-07-03T03:33:00.000Z']);
    }
  });

  it('resolves Einstein, Ulm 1879-03-14 11:30 LMT of 9°59′ E, to 10:50:04 UTC', () => {
    const r = resolveLocalTime({ local: { year: 1879, month: 3, day: 14, hour: 11, minute: 30 }, latitude: 48.4, longitude: 9 + 59 / 60 }, db, locator);
    expect(r.zone).toBe('Europe/Berlin');
    expect(r.method).toBe('lmt-longitude');
    expect(r.offsetSeconds).toBeCloseTo(2396, 6); // 9°59′ × 240 s/°
    expect(r.utc).toBe('1879-03-14T10:50:04.000Z');
  });

  it('uses Berlin LMT +0:53:28 (tzdb) for Ulm when lmt=tzdb, giving 10:36:32 UTC', () => {
    const r = resolveLocalTime({ local: { year: 1879, month: 3, day: 14, hour: 11, minute: 30 }, latitude: 48.4, longitude: 9 + 59 / 60, lmt: 'tzdb' }, db, locator);
    expect(r.method).toBe('lmt-tzdb');
    expect(r.offsetSeconds).toBe(3208);
    expect(r.utc).toBe('1879-03-14T10:36:32.000Z');
  });

  it('returns both readings of a fold (Berlin 1990-09-30 02:30 CEST/CET) with a warning', () => {
    const base = { local: { year: 1990, month: 9, day: 30, hour: 2, minute: 30 }, latitude: 52.52, longitude: 13.4 };
    const r = resolveLocalTime(base, db, locator);
    expect(r.status).toBe('ambiguous');
    expect(r.choices.map((c) => [c.label, c.utc, c.offsetSeconds, c.isDst])).toEqual([
      ['earlier', '1990-09-30T00:30:00.000Z', 7200, true],
      ['later', '1990-09-30T01:30:00.000Z', 3600, false],
    ]);
    expect(r.utc).toBe('1990-09-30T00:30:00.000Z');
    expect(r.warnings[0]).toMatch(/occurs twice/);
    expect(resolveLocalTime({ ...base, fold: 'later' }, db, locator).utc).toBe('1990-09-30T01:30:00.000Z');
  });

  it('flags daylight time on both readings of the New York fold 2021-11-07 01:30 (EDT then EST) and the Sydney fold 2021-04-04 02:30 (AEDT then AEST)', () => {
    const newYork = resolveLocalTime({ local: { year: 2021, month: 11, day: 7, hour: 1, minute: 30 }, latitude: 40.71, longitude: -74.01 }, db, locator);
    expect(newYork.status).toBe('ambiguous');
    expect(newYork.choices.map((c) => [c.label, c.utc, c.offsetSeconds, c.abbreviation, c.isDst])).toEqual([
      ['earlier', '2021-11-07T05:30:00.000Z', -14400, 'EDT', true],
      ['later', '2021-11-07T06:30:00.000Z', -18000, 'EST', false],
    ]);
    expect(newYork.isDst).toBe(true);
    const sydney = resolveLocalTime({ local: { year: 2021, month: 4, day: 4, hour: 2, minute: 30 }, latitude: -33.87, longitude: 151.21 }, db, locator);
    expect(sydney.zone).toBe('Australia/Sydney');
    expect(sydney.choices.map((c) => [c.label, c.utc, c.offsetSeconds, c.isDst])).toEqual([
      ['earlier', '2021-04-03T15:30:00.000Z', 39600, true],
      ['later', '2021-04-03T16:30:00.000Z', 36000, false],
    ]);
  });

  it('returns both readings of a gap (Berlin 1990-03-25 02:30 never happened) with a warning', () => {
    const base = { local: { year: 1990, month: 3, day: 25, hour: 2, minute: 30 }, latitude: 52.52, longitude: 13.4 };
    const r = resolveLocalTime(base, db, locator);
    expect(r.status).toBe('nonexistent');
    expect(r.choices.map((c) => [c.label, c.utc])).toEqual([
      ['before', '1990-03-25T01:30:00.000Z'],
      ['after', '1990-03-25T00:30:00.000Z'],
    ]);
    expect(r.warnings[0]).toMatch(/does not exist/);
    expect(resolveLocalTime({ ...base, gap: 'after' }, db, locator).utc).toBe('1990-03-25T00:30:00.000Z');
  });

  it('reads dates before 1582-10-15 in the Julian calendar by default: Kepler, Weil der Stadt 1571-12-27 14:30 LMT', () => {
    // Julian 1571-12-27 = Gregorian 1572-01-06; LMT of 8°52′ E is +0:35:28.
    const place = { latitude: 48.75, longitude: 8 + 52 / 60 };
    const julian = resolveLocalTime({ local: { year: 1571, month: 12, day: 27, hour: 14, minute: 30 }, ...place }, db, locator);
    expect(julian.utc).toBe('1572-01-06T13:54:32.000Z');
    const gregorian = resolveLocalTime({ local: { year: 1572, month: 1, day: 6, hour: 14, minute: 30 }, ...place, calendar: 'gregorian' }, db, locator);
    expect(gregorian.utc).toBe(julian.utc);
    expect(() => resolveLocalTime({ local: { year: 1582, month: 10, day: 10, hour: 12, minute: 0 }, ...place }, db, locator)).toThrow(
      expect.objectContaining({ code: 'INVOLUTION_DATE_INVALID' }),
    );
  });

  it('rejects an unknown zone with INVOLUTION_UNKNOWN_TIMEZONE naming the field', () => {
    expect(() => resolveLocalTime({ local: { year: 2000, month: 1, day: 1, hour: 0, minute: 0 }, latitude: 0, longitude: 0, zone: 'Mars/Olympus' }, db, locator)).toThrow(InvolutionError);
    try {
      resolveLocalTime({ local: { year: 2000, month: 2, day: 30, hour: 0, minute: 0 }, latitude: 0, longitude: 0 }, db, locator);
    } catch (e) {
      expect((e as InvolutionError).code).toBe('INVOLUTION_DATE_INVALID');
      expect((e as InvolutionError).field).toBe('local_time.day');
    }
  });

  it('uses a nautical zone at sea and says so', () => {
    const r = resolveLocalTime({ local: { year: 2000, month: 6, day: 1, hour: 12, minute: 0 }, latitude: 0, longitude: -150 }, db, locator);
    expect(r.zone).toBe('Etc/GMT+10');
    expect(r.utc).toBe('2000-06-01T22:00:00.000Z');
    expect(r.warnings.join(' ')).toMatch(/nautical/);
  });
});
