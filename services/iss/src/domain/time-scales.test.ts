import { describe, expect, it } from 'vitest';
import { taiMinusUtc, timeScales } from './time-scales.js';

const ms = (iso: string): number => Date.parse(iso);

describe('taiMinusUtc', () => {
  it('is 37 s from 2017-01-01 and 36 s just before it', () => {
    expect(taiMinusUtc(ms('2017-01-01T00:00:00Z') / 1000)).toBe(37);
    expect(taiMinusUtc(ms('2016-12-31T23:59:59.999Z') / 1000)).toBe(36);
  });

  it('is 10 s at 1972-01-01 and 32 s at J2000', () => {
    expect(taiMinusUtc(ms('1972-01-01T00:00:00Z') / 1000)).toBe(10);
    expect(taiMinusUtc(ms('2000-01-01T12:00:00Z') / 1000)).toBe(32);
  });

  it('refuses UTC before 1972', () => {
    expect(() => taiMinusUtc(ms('1971-12-31T23:59:59Z') / 1000)).toThrow(/1972/);
  });
});

describe('timeScales', () => {
  it('puts TT seconds past J2000 at exactly 0 at 2000-01-01T11:58:55.816Z', () => {
    const t = timeScales(ms('2000-01-01T11:58:55.816Z'));
    expect(t.tt_seconds_j2000).toBe(0);
    expect(t.tai_seconds_j2000).toBe(-32.184);
    expect(t.julian_date_tt).toBe(2451545);
  });

  it('gives exact values at 2017-01-01T00:00:00Z', () => {
    const t = timeScales(ms('2017-01-01T00:00:00Z'));
    expect(t.tai_minus_utc).toBe(37);
    expect(t.unix).toBe(1483228800);
    // 6209.5 days after 2000-01-01T12:00 UTC = 536500800 s, plus 37 s TAI−UTC.
    expect(t.tai_seconds_j2000).toBe(536500837);
    expect(t.tt_seconds_j2000).toBe(536500869.184);
    expect(t.julian_date_utc).toBe(2457754.5);
    expect(t.utc_iso).toBe('2017-01-01T00:00:00.000Z');
    expect(t.leap_table_expired).toBe(false);
  });

  it('gives JD 2451545.0 (UTC) at 2000-01-01T12:00:00Z', () => {
    expect(timeScales(ms('2000-01-01T12:00:00Z')).julian_date_utc).toBe(2451545);
  });

  it('flags instants past the leap table validity end (2026-12-28)', () => {
    expect(timeScales(ms('2026-12-27T23:59:59Z')).leap_table_expired).toBe(false);
    expect(timeScales(ms('2026-12-28T00:00:00Z')).leap_table_expired).toBe(true);
  });
});
