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

  it('reports the tzdb release and knows links as well as zones, but not invented ones', () => {
    expect(db.version).toMatch(/^20\d\d[a-z]$/);
    expect(db.hasZone('Europe/Berlin')).toBe(true);
    expect(db.hasZone('US/Eastern')).toBe(true);
    expect(db.hasZone('Mars/Olympus')).toBe(false);
    expect(db.describe('Etc/GMT+10', at('1800-01-01T00:00:00Z')).isLmt).toBe(false);
  });
});
