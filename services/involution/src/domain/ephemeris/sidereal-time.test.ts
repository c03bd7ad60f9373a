import { describe, expect, it } from 'vitest';
import {
  greenwichApparentSiderealTime,
  greenwichMeanSiderealTime,
  localApparentSiderealTime,
} from './sidereal-time.js';

const SECONDS_OF_TIME_PER_DEGREE = 240;

describe('sidereal time', () => {
  it('reproduces Meeus example 12.a: 1987 April 10 0h UT, GMST 13h10m46.3668s, GAST 13h10m46.1351s', () => {
    const jd = 2446895.5;
    const gmstSeconds = greenwichMeanSiderealTime(jd) * SECONDS_OF_TIME_PER_DEGREE;
    const gastSeconds = greenwichApparentSiderealTime(jd) * SECONDS_OF_TIME_PER_DEGREE;
    expect(gmstSeconds).toBeCloseTo(13 * 3600 + 10 * 60 + 46.3668, 2);
    expect(gastSeconds).toBeCloseTo(13 * 3600 + 10 * 60 + 46.1351, 2);
  });

  it('gives the ARMC swetest 2.10.03 prints for 2000-01-01 19:12 UT at longitude 0 and 10°E', () => {
    // swetest -bj2451545.3 -ut -p0 -house0,50,P → ARMC 28.7527675 (and 38.7527675 at 10°E)
    expect(greenwichApparentSiderealTime(2451545.3)).toBeCloseTo(28.7527675, 6);
    expect(localApparentSiderealTime(2451545.3, 10)).toBeCloseTo(38.7527675, 6);
  });

  it('switches to the long-term model outside 1850–2050 with the 0.1″ step Swiss Ephemeris has', () => {
    const before = greenwichApparentSiderealTime(2396758.5 - 1e-6);
    const after = greenwichApparentSiderealTime(2396758.5 + 1e-6);
    const rate = 360.98564736629 * 2e-6;
    const step = (after - before - rate) * 3600;
    expect(Math.abs(step)).toBeGreaterThan(0.05);
    expect(Math.abs(step)).toBeLessThan(0.15);
  });
});
