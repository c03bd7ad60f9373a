import { describe, expect, it } from 'vitest';
import { ARCSEC } from './angles.js';
import { nutation } from './nutation.js';
import { meanObliquity, trueObliquity } from './obliquity.js';

// Meeus, Astronomical Algorithms, example 22.a: 1987 April 10, 0h TD = JDE 2446895.5.
const JDE = 2446895.5;

describe('nutation', () => {
  it('reproduces Meeus example 22.a (Δψ −3.788″, Δε +9.443″) to the IAU 1980/2000B difference', () => {
    const n = nutation(JDE);
    expect(n.longitude / ARCSEC).toBeCloseTo(-3.788, 1);
    expect(n.obliquity / ARCSEC).toBeCloseTo(9.443, 1);
  });

  it('gives the IAU 2000B values at J2000.0 (Δψ −13.9315″, Δε −5.7698″ as swetest prints)', () => {
    const n = nutation(2451545.00073876);
    expect(n.longitude / ARCSEC).toBeCloseTo(-13.9315, 3);
    expect(n.obliquity / ARCSEC).toBeCloseTo(-5.7698, 3);
  });
});

describe('meanObliquity', () => {
  it('is 84381.406″ at J2000.0', () => {
    expect(meanObliquity(2451545) / ARCSEC).toBeCloseTo(84381.406, 2);
  });

  it('reproduces Meeus example 22.a (ε0 23°26′27.407″, ε 23°26′36.850″)', () => {
    expect(meanObliquity(JDE) / ARCSEC - (23 * 3600 + 26 * 60)).toBeCloseTo(27.407, 1);
    expect(trueObliquity(JDE) / ARCSEC - (23 * 3600 + 26 * 60)).toBeCloseTo(36.85, 1);
  });
});
