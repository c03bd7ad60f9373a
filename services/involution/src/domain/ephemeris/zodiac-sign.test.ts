import { describe, expect, it } from 'vitest';
import { zodiacSign } from './zodiac-sign.js';

describe('zodiacSign', () => {
  it('splits a longitude into sign and degree', () => {
    expect(zodiacSign(0)).toEqual({ name: 'Aries', index: 0, degree: 0 });
    expect(zodiacSign(45.5)).toEqual({ name: 'Taurus', index: 1, degree: 15.5 });
    expect(zodiacSign(359.5)).toEqual({ name: 'Pisces', index: 11, degree: 29.5 });
  });

  it('normalises longitudes outside [0, 360)', () => {
    expect(zodiacSign(-30)).toEqual({ name: 'Pisces', index: 11, degree: 0 });
    expect(zodiacSign(390)).toEqual({ name: 'Taurus', index: 1, degree: 0 });
  });
});
