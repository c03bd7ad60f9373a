import { describe, expect, it } from 'vitest';
import { chartTable, formatZodiacal } from './chart-table.js';

describe('formatZodiacal', () => {
  it('writes degrees, minutes and tenths of seconds within the sign', () => {
    expect(formatZodiacal(359.9998585)).toBe('29°59′59.5″ Pis');
    expect(formatZodiacal(0)).toBe(' 0°00′00.0″ Ari');
    expect(formatZodiacal(123.5)).toBe(' 3°30′00.0″ Leo');
  });

  it('rounds into the next sign instead of printing 30°', () => {
    expect(formatZodiacal(29.99999)).toBe(' 0°00′00.0″ Tau');
    expect(formatZodiacal(359.99999)).toBe(' 0°00′00.0″ Ari');
  });
});

describe('chartTable', () => {
  it('prints one row per body with an R for retrograde', () => {
    const text = chartTable({
      Jupiter: { longitude: 166.798134, latitude: 1.4781, distance: 4.455699, speed: -0.124145, retrograde: true, sign: 'Virgo', degree_in_sign: 16.798134 },
    });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('Jupiter        16°47′53.3″ Vir   166.798134°     1.4781°      4.455699     -0.124145  R');
  });
});
