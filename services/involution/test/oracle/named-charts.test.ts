/**
 * Named instants. Expected values come from JPL Horizons (quoted in the issue) or from a fresh swetest run
 * whose command line is given with each check.
 */
import { describe, expect, it } from 'vitest';
import { AnalyticEphemerisProvider } from '../../src/domain/ephemeris/analytic-provider.js';
import { accuracyBound } from '../../src/domain/ephemeris/analytic-accuracy.js';
import type { Body } from '../../src/domain/ephemeris/bodies.js';
import { ttFromUt } from '../../src/domain/time/delta-t.js';
import { calendarDate, julianDay } from '../../src/domain/time/julian-day.js';
import { arcsecDifference, command, parseRows, runSwetest } from './swetest-oracle.js';

const provider = new AnalyticEphemerisProvider();

describe('2016 March equinox', () => {
  const jdUt = julianDay({ year: 2016, month: 3, day: 20, hour: 4, minute: 30 });

  it('puts the apparent Sun within 1″ of JPL Horizons (λ 359.9998585° at 2016-03-20 04:30 UT)', () => {
    const sun = provider.position('Sun', ttFromUt(jdUt));
    expect(Math.abs(arcsecDifference(sun.longitude, 359.9998585))).toBeLessThan(1);
    expect(sun.sign.name).toBe('Pisces');
  });

  it('agrees with swetest within 0.2″', () => {
    const args = ['-b20.3.2016', '-ut4:30', '-p0', '-fPlbRs', '-head'];
    const [row] = parseRows(runSwetest(args));
    const sun = provider.position('Sun', ttFromUt(jdUt));
    expect(row, command(args)).toBeDefined();
    expect(Math.abs(arcsecDifference(sun.longitude, row?.longitude ?? NaN)), command(args)).toBeLessThan(0.2);
  });
});

describe('Einstein (1879-03-14 11:30 LMT, Ulm 9°59′E)', () => {
  // Ulm's longitude 9°59′ E is 39 min 56 s of time, so 11:30 LMT is 10:50:04 UT.
  const lmtOffsetSeconds = ((9 + 59 / 60) / 15) * 3600;
  const jdUt = julianDay({ year: 1879, month: 3, day: 14, hour: 11, minute: 30 }) - lmtOffsetSeconds / 86400;

  it('converts the LMT birth time to 10:50:04 UT', () => {
    expect(lmtOffsetSeconds).toBeCloseTo(39 * 60 + 56, 6);
    expect(calendarDate(jdUt)).toEqual({ year: 1879, month: 3, day: 14, hour: 10, minute: 50, second: 4 });
  });

  it('matches swetest for every body within the documented accuracy', () => {
    const args = ['-b14.3.1879', '-ut10:50:04', '-p0123456789mtA', '-fPlbRs', '-head'];
    const rows = parseRows(runSwetest(args));
    expect(rows.length, command(args)).toBe(13);
    const jdTt = ttFromUt(jdUt);
    for (const row of rows) {
      const body = row.body as Body;
      const ours = provider.position(body, jdTt);
      const bound = accuracyBound(body, 1879) ?? 0;
      expect(Math.abs(arcsecDifference(ours.longitude, row.longitude)), `${body}: ${command(args)}`).toBeLessThanOrEqual(bound);
      expect(ours.sign.index, body).toBe(Math.floor(row.longitude / 30));
      expect(ours.retrograde, body).toBe(row.speed < 0);
    }
  });

  it('places the Sun in Pisces and the Moon in Sagittarius, as every Einstein chart shows', () => {
    const jdTt = ttFromUt(jdUt);
    expect(provider.position('Sun', jdTt).sign.name).toBe('Pisces');
    expect(provider.position('Moon', jdTt).sign.name).toBe('Sagittarius');
  });
});

describe('topocentric positions', () => {
  it('match swetest -topo for the Moon and Sun within 0.5″ (Ulm, 480 m)', () => {
    const observer = { latitude: 48.4, longitude: 9.9833, elevation: 480 };
    const jdUt = 2451545.3;
    const args = [`-bj${jdUt}`, '-ut', '-p01', `-topo${observer.longitude},${observer.latitude},${observer.elevation}`, '-fPlbRs', '-head'];
    const rows = parseRows(runSwetest(args));
    expect(rows.length, command(args)).toBe(2);
    for (const row of rows) {
      const ours = provider.position(row.body as Body, ttFromUt(jdUt), { observer });
      expect(Math.abs(arcsecDifference(ours.longitude, row.longitude)), `${row.body}: ${command(args)}`).toBeLessThan(0.5);
      expect(Math.abs(ours.latitude - row.latitude) * 3600, `${row.body}: ${command(args)}`).toBeLessThan(0.5);
    }
  });
});
