/** The ICU-backed tzdb adapter reproduces tzdb history, including LMT and the cases timezonecomplete got wrong. */
import { describe, expect, it } from 'vitest';
import { createTzdb, verifyIcuHistory } from '../../src/adapters/tzdb-intl.js';

const at = (iso: string): number => Date.parse(iso) / 1000;

describe('createTzdb (Node ICU)', () => {
  const db = createTzdb();

  it('passes its own history self-check on this Node', () => {
    expect(verifyIcuHistory(db)).toEqual([]);
  });

  it('gives tzdb offsets: Louisville CDT in summer 1921, Berlin +3 midsummer 1945, Kolkata HMT +5:53:20 in 1860', () => {
    expect(db.offsetAt('America/Kentucky/Louisville', at('1921-06-01T12:00:00Z'))).toBe(-18000);
    expect(db.offsetAt('Europe/Berlin', at('1945-06-01T12:00:00Z'))).toBe(10800);
    expect(db.offsetAt('Asia/Kolkata', at('1860-01-01T00:00:00Z'))).toBe(21200);
  });

  it('describes Berlin LMT before 1893-04-01 as +0:53:28 and CET right after', () => {
    expect(db.describe('Europe/Berlin', at('1879-03-14T00:00:00Z'))).toEqual({ offsetSeconds: 3208, abbreviation: 'LMT', isDst: false, isLmt: true });
    const cet = db.describe('Europe/Berlin', at('1893-04-01T00:00:00Z'));
    expect(cet.offsetSeconds).toBe(3600);
    expect(cet.isLmt).toBe(false);
  });

  it('flags daylight time: New York EDT in July 1962, not in January', () => {
    expect(db.describe('America/New_York', at('1962-07-03T04:33:00Z'))).toMatchObject({ offsetSeconds: -14400, isDst: true, isLmt: false });
    expect(db.describe('America/New_York', at('1962-01-03T04:33:00Z'))).toMatchObject({ offsetSeconds: -18000, isDst: false });
    expect(db.describe('America/New_York', at('2024-07-01T12:00:00Z')).abbreviation).toBe('EDT');
  });

  it('flags the earlier reading of the New York fold 2021-11-07 01:30 as EDT daylight time, the later as EST', () => {
    // tzdb: US rule, DST ends 2021-11-07 02:00 EDT = 06:00 UTC; 01:30 local happens at 05:30 and at 06:30 UTC.
    expect(db.describe('America/New_York', at('2021-11-07T05:30:00Z'))).toEqual({ offsetSeconds: -14400, abbreviation: 'EDT', isDst: true, isLmt: false });
    expect(db.describe('America/New_York', at('2021-11-07T06:30:00Z'))).toEqual({ offsetSeconds: -18000, abbreviation: 'EST', isDst: false, isLmt: false });
  });

  it('flags the Sydney fold 2021-04-04 02:30: AEDT +11 daylight, then AEST +10 standard', () => {
    // tzdb: AN rule, DST ends 2021-04-04 03:00 AEDT = 2021-04-03 16:00 UTC; 02:30 local happens at 15:30 and 16:30 UTC.
    const earlier = db.describe('Australia/Sydney', at('2021-04-03T15:30:00Z'));
    const later = db.describe('Australia/Sydney', at('2021-04-03T16:30:00Z'));
    expect([earlier.offsetSeconds, earlier.isDst, earlier.isLmt]).toEqual([39600, true, false]);
    expect([later.offsetSeconds, later.isDst, later.isLmt]).toEqual([36000, false, false]);
  });

  it('flags daylight time by the neighbouring periods: Berlin 1945 double summer time, Moscow 2011 all-year +4 as standard', () => {
    // tzdb Germany 1945: CEST from Apr 2, CEMT (+3) May 24 – Sep 24, CEST to Nov 18, then CET.
    expect(db.describe('Europe/Berlin', at('1945-06-01T12:00:00Z'))).toMatchObject({ offsetSeconds: 10800, isDst: true });
    expect(db.describe('Europe/Berlin', at('1945-10-01T12:00:00Z'))).toMatchObject({ offsetSeconds: 7200, isDst: true });
    expect(db.describe('Europe/Berlin', at('1945-12-01T12:00:00Z'))).toMatchObject({ offsetSeconds: 3600, isDst: false });
    // tzdb Europe/Moscow: MSD +4 in summer 2010; from 2011-03-27 MSK +4 all year until 2014-10-26 (isdst 0).
    expect(db.describe('Europe/Moscow', at('2010-07-01T12:00:00Z'))).toMatchObject({ offsetSeconds: 14400, isDst: true });
    expect(db.describe('Europe/Moscow', at('2011-07-01T12:00:00Z'))).toMatchObject({ offsetSeconds: 14400, isDst: false });
    expect(db.describe('Europe/Moscow', at('2012-01-01T12:00:00Z'))).toMatchObject({ offsetSeconds: 14400, isDst: false });
  });

  it('reports the tzdb release and knows links as well as zones, but not invented ones', () => {
    expect(db.version).toMatch(/^20\d\d[a-z]$/);
    expect(db.hasZone('Europe/Berlin')).toBe(true);
    expect(db.hasZone('US/Eastern')).toBe(true);
    expect(db.hasZone('Mars/Olympus')).toBe(false);
    expect(db.describe('Etc/GMT+10', at('1800-01-01T00:00:00Z')).isLmt).toBe(false);
  });
});
