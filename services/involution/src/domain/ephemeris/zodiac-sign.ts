import { normalizeDegrees } from './angles.js';

/** The twelve signs from 0° ecliptic longitude. */
export const SIGNS = [
  'Aries',
  'Taurus',
  'Gemini',
  'Cancer',
  'Leo',
  'Virgo',
  'Libra',
  'Scorpio',
  'Sagittarius',
  'Capricorn',
  'Aquarius',
  'Pisces',
] as const;

/** A zodiac sign name. */
export type SignName = (typeof SIGNS)[number];

/** A longitude expressed as sign and degree within it. */
export interface ZodiacSign {
  name: SignName;
  /** 0-based index, Aries = 0. */
  index: number;
  /** Degrees within the sign, in [0, 30). */
  degree: number;
}

/**
 * Sign of an ecliptic longitude in degrees (tropical or sidereal — whatever the longitude is).
 *
 * @example zodiacSign(359.9998585) // { name: 'Pisces', index: 11, degree: 29.9998585 }
 */
export function zodiacSign(longitude: number): ZodiacSign {
  const normalized = normalizeDegrees(longitude);
  const index = Math.min(11, Math.floor(normalized / 30));
  return { name: SIGNS[index] ?? 'Pisces', index, degree: normalized - index * 30 };
}
