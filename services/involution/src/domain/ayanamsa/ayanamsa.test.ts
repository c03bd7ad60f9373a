import { describe, expect, it } from 'vitest';
import { InvolutionError } from '../../errors.js';
import { ayanamsaAtUt } from './ayanamsa.js';
import { AYANAMSAS, parseAyanamsa } from './ayanamsa-catalog.js';

const dms = (d: number, m: number, s: number): number => d + m / 60 + s / 3600;

describe('ayanamsaAtUt', () => {
  // Generator: `swetest -bj2451545.0 -ut -ay<n> -head` (Swiss Ephemeris 2.10.03).
  const expected = {
    lahiri: dms(23, 51, 11.6009),
    fagan_bradley: dms(24, 44, 11.1485),
    krishnamurti: dms(23, 45, 22.9326),
    raman: dms(22, 24, 24.9162),
    yukteshwar: dms(22, 28, 29.7594),
    true_chitra: dms(23, 50, 10.1333),
  } as const;
  for (const [name, value] of Object.entries(expected)) {
    it(`gives swetest's ${name} at 2000-01-01 12:00 UT within 0.05″`, () => {
      const got = ayanamsaAtUt(parseAyanamsa(name), 2451545.0);
      expect(Math.abs(got.value - value) * 3600).toBeLessThan(0.05);
    });
  }

  it('states mean or true for each ayanamsa and differs from the mean-equinox value by the nutation', () => {
    const lahiri = ayanamsaAtUt('lahiri', 2451545.0);
    expect(lahiri.kind).toBe('mean');
    expect(ayanamsaAtUt('true_chitra', 2451545.0).kind).toBe('true');
    // Δψ at J2000 is −13.9315″ (swetest "Nutation" line).
    expect((lahiri.value - lahiri.meanEquinoxValue) * 3600).toBeCloseTo(-13.9315, 3);
    expect(Object.values(AYANAMSAS).map((a) => a.kind)).toEqual(['mean', 'mean', 'mean', 'mean', 'mean', 'true']);
  });
});

describe('parseAyanamsa', () => {
  it('accepts names and aliases', () => {
    expect(parseAyanamsa('Lahiri')).toBe('lahiri');
    expect(parseAyanamsa('Fagan-Bradley')).toBe('fagan_bradley');
    expect(parseAyanamsa('KP')).toBe('krishnamurti');
    expect(parseAyanamsa('True Citra')).toBe('true_chitra');
  });

  it('throws INVOLUTION_UNKNOWN_AYANAMSA with the valid names for "galactic"', () => {
    let error: unknown;
    try {
      parseAyanamsa('galactic');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvolutionError);
    expect((error as InvolutionError).code).toBe('INVOLUTION_UNKNOWN_AYANAMSA');
    expect((error as InvolutionError).field).toBe('ayanamsa');
    expect((error as InvolutionError).details?.['valid']).toEqual(['lahiri', 'fagan_bradley', 'krishnamurti', 'raman', 'yukteshwar', 'true_chitra']);
  });
});
