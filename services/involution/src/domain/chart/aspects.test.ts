import { describe, expect, it } from 'vitest';
import { DEFAULT_ORBS, findAspects, resolveOrbs, separation } from './aspects.js';

describe('separation', () => {
  it('is the shorter arc, across 0°', () => {
    expect(separation(350, 10)).toBe(20);
    expect(separation(10, 350)).toBe(20);
    expect(separation(0, 180)).toBe(180);
    expect(separation(90, 300)).toBe(150);
  });
});

describe('findAspects', () => {
  it('finds the closest aspect within its orb, sorts by orb and tells applying from separating', () => {
    const aspects = findAspects(
      [
        { name: 'Sun', longitude: 10, speed: 1 },
        { name: 'Moon', longitude: 128, speed: 13 },
        { name: 'Mars', longitude: 187, speed: 0.5 },
      ],
      { trine: 8, opposition: 8, sextile: 6 },
    );
    expect(aspects).toEqual([
      { point1: 'Sun', point2: 'Mars', aspect: 'opposition', exactAngle: 180, separation: 177, orb: 3, applying: false },
      { point1: 'Sun', point2: 'Moon', aspect: 'trine', exactAngle: 120, separation: 118, orb: 2, applying: true },
      { point1: 'Moon', point2: 'Mars', aspect: 'sextile', exactAngle: 60, separation: 59, orb: 1, applying: false },
    ].sort((a, b) => a.orb - b.orb));
  });

  it('marks an aspect applying when the faster body closes the gap, and leaves it undefined without speeds', () => {
    const closing = findAspects([{ name: 'Moon', longitude: 95, speed: 13 }, { name: 'Saturn', longitude: 100, speed: 0.03 }], { conjunction: 8 });
    expect(closing[0]).toMatchObject({ aspect: 'conjunction', orb: 5, applying: true });
    const noSpeed = findAspects([{ name: 'Ascendant', longitude: 95 }, { name: 'Saturn', longitude: 100, speed: 0.03 }], { conjunction: 8 });
    expect(noSpeed[0]!.applying).toBeUndefined();
  });
});

describe('resolveOrbs', () => {
  it('starts from the five major aspects and applies overrides, 0 switching one off', () => {
    expect(resolveOrbs()).toEqual({ conjunction: 8, opposition: 8, trine: 8, square: 7, sextile: 6 });
    expect(resolveOrbs({ trine: 5, conjunction: 0, quincunx: 2 })).toEqual({ opposition: 8, trine: 5, square: 7, sextile: 6, quincunx: 2 });
    expect(resolveOrbs({}, ['quincunx'])).toEqual({ quincunx: DEFAULT_ORBS.quincunx });
  });

  it('refuses unknown aspects and orbs beyond 15°', () => {
    expect(() => resolveOrbs({}, ['novile'])).toThrow(/Unknown aspect "novile"/);
    expect(() => resolveOrbs({ trine: 20 })).toThrow(/Orb of trine/);
  });
});
