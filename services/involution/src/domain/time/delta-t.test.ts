import { describe, expect, it } from 'vitest';
import { deltaTSeconds, ttFromUt, utFromTt } from './delta-t.js';
import { julianDay } from './julian-day.js';

describe('deltaTSeconds', () => {
  it('gives the Astronomical Almanac value at 2000-01-01 (63.83 s)', () => {
    expect(deltaTSeconds(julianDay({ year: 2000, month: 1, day: 1 }))).toBeCloseTo(63.8285, 4);
  });

  it('follows the 1955+ annual table exactly on 1 January', () => {
    expect(deltaTSeconds(julianDay({ year: 1980, month: 1, day: 1 }))).toBeCloseTo(50.5387, 4);
    expect(deltaTSeconds(julianDay({ year: 2020, month: 1, day: 1 }))).toBeCloseTo(69.3612, 4);
  });

  it('uses the Stephenson–Morrison–Hohenkerk 2016 spline (DE431 tidal term) before 1955', () => {
    // 1800-01-01: spline a0 = 18.714 s, tidal correction −0.000091 × 0.05 × 155² s.
    expect(deltaTSeconds(2378496.5)).toBeCloseTo(18.714 - 0.000091 * 0.05 * 155.0 ** 2, 2);
  });

  it('extrapolates with a parabola-like growth into the future (≈520 s in 2400)', () => {
    const dt2400 = deltaTSeconds(julianDay({ year: 2400, month: 1, day: 1 }));
    expect(dt2400).toBeGreaterThan(500);
    expect(dt2400).toBeLessThan(540);
  });
});

describe('ttFromUt / utFromTt', () => {
  it('round-trips to well below a millisecond', () => {
    for (const jd of [2378496.5, 2451545, 2597641.25]) {
      expect(Math.abs(utFromTt(ttFromUt(jd)) - jd) * 86400).toBeLessThan(1e-4);
    }
  });
});
