import { describe, expect, it } from 'vitest';
import { AnalyticEphemerisProvider } from './analytic-provider.js';
import { InvolutionError } from '../../errors.js';
import { chartPositions } from './chart-positions.js';
import { ttFromUt } from '../time/delta-t.js';
import { julianDay } from '../time/julian-day.js';

const provider = new AnalyticEphemerisProvider();

function dms(d: number, m: number, s: number): number {
  return d + m / 60 + s / 3600;
}

describe('AnalyticEphemerisProvider', () => {
  it('reproduces Meeus example 25.b: apparent Sun 1992 Oct 13.0 TD, λ 199°54′21.818″', () => {
    const sun = provider.position('Sun', 2448908.5);
    // Meeus uses IAU 1980 nutation and the constant-of-aberration shortcut: 0.23″ from the rigorous
    // IAU 2000B/relativistic pipeline (swetest 2.10 gives 199.9059975°).
    expect(Math.abs(sun.longitude - dms(199, 54, 21.818)) * 3600).toBeLessThan(0.3);
    expect(Math.abs(sun.longitude - 199.9059975) * 3600).toBeLessThan(0.05);
    expect(sun.distance).toBeCloseTo(0.997608519, 7); // swetest's light-time distance
    expect(sun.sign.name).toBe('Libra');
  });

  it('reports distances in AU, the Moon included', () => {
    const moon = provider.position('Moon', 2451545);
    expect(moon.distance).toBeGreaterThan(356000 / 149597870.7);
    expect(moon.distance).toBeLessThan(407000 / 149597870.7);
  });

  it('flags Mercury retrograde during its 2021-01-30 to 2021-02-21 station-to-station arc', () => {
    const during = provider.position('Mercury', ttFromUt(julianDay({ year: 2021, month: 2, day: 10 })));
    const after = provider.position('Mercury', ttFromUt(julianDay({ year: 2021, month: 3, day: 10 })));
    expect(during.retrograde).toBe(true);
    expect(during.speed).toBeLessThan(0);
    expect(after.retrograde).toBe(false);
  });

  it('keeps the mean node retrograde at about −0.053°/day', () => {
    const node = provider.position('MeanNode', 2451545);
    expect(node.longitude).toBeCloseTo(125.0445479 - 13.93 / 3600, 3);
    expect(node.speed).toBeCloseTo(-0.0529, 3);
    expect(node.retrograde).toBe(true);
  });

  it('moves the topocentric Moon by up to ~1° of parallax', () => {
    const jdTt = 2451545.3;
    const geocentric = provider.position('Moon', jdTt);
    const topocentric = provider.position('Moon', jdTt, { observer: { latitude: 0, longitude: 0, elevation: 0 } });
    const shift = Math.hypot(geocentric.longitude - topocentric.longitude, geocentric.latitude - topocentric.latitude);
    expect(shift).toBeGreaterThan(0.1);
    expect(shift).toBeLessThan(1.1);
  });

  it('answers 422 INVOLUTION_OUT_OF_RANGE naming the field outside its coverage', () => {
    expect(() => provider.position('Sun', 2000000)).toThrow(InvolutionError);
    try {
      provider.position('Pluto', ttFromUt(julianDay({ year: 2500, month: 1, day: 1 })));
      expect.unreachable();
    } catch (error) {
      expect((error as InvolutionError).code).toBe('INVOLUTION_OUT_OF_RANGE');
      expect((error as InvolutionError).field).toBe('bodies');
      expect((error as InvolutionError).statusCode).toBe(422);
    }
    expect(provider.supports('Pluto', 2451545)).toBe(true);
    expect(provider.supports('Pluto', 2500000)).toBe(true);
    expect(provider.supports('Pluto', 2378496)).toBe(false);
    expect(provider.supports('Pluto', 2597642)).toBe(false);
  });

  it('rejects an observer at latitude 91 naming the field', () => {
    try {
      provider.position('Moon', 2451545, { observer: { latitude: 91, longitude: 0, elevation: 0 } });
      expect.unreachable();
    } catch (error) {
      expect((error as InvolutionError).code).toBe('INVOLUTION_INVALID_INPUT');
      expect((error as InvolutionError).field).toBe('latitude');
    }
  });

  it('computes a whole chart keyed by body name with ΔT', () => {
    const chart = chartPositions(provider, 2451545);
    expect(Object.keys(chart.bodies)).toEqual(['Sun', 'Moon', 'Mercury', 'Venus', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune', 'Pluto']);
    expect(chart.deltaT).toBeCloseTo(63.8289, 3);
    // swetest -bj2451545 -ut -p0: 280.3689187
    expect(chart.bodies.Sun?.longitude).toBeCloseTo(280.3689187, 4);
  });
});
