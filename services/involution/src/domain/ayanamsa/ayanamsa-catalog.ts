import { InvolutionError } from '../../errors.js';

/**
 * How an ayanamsa is defined:
 * - `mean`: a value at an epoch t0, carried to other dates by precession (the vernal point of date
 *   measured on the ecliptic of t0);
 * - `true`: the sidereal zodiac is pinned to the observed (true) position of a star at each date.
 */
export type AyanamsaKind = 'mean' | 'true';

/** Precession model an ayanamsa was originally defined with (Swiss Ephemeris `prec_offset`). */
export type DefiningPrecession = 'iau1976' | 'newcomb' | 'none';

/** One ayanamsa definition, as in Swiss Ephemeris 2.10 (`sweph.h`, `ayanamsa[]`). */
export interface AyanamsaDefinition {
  /** Display name. */
  name: string;
  /** Swiss Ephemeris sidereal mode number (`swetest -sid<n>` / `-ay<n>`). */
  sweMode: number;
  kind: AyanamsaKind;
  /** Reference epoch, Julian day TT (mean ayanamsas). */
  t0?: number;
  /** Ayanamsa at t0 in degrees (mean ayanamsas). */
  ayanamsaAtT0?: number;
  /**
   * The precession model the definition assumed. The value at t0 is corrected by the difference
   * between that model and ours (Vondrák 2011) over t0 → J2000, as Swiss Ephemeris does.
   */
  definingPrecession?: DefiningPrecession;
  /** True ayanamsas: the star and the sidereal longitude it is pinned to. */
  star?: { name: string; siderealLongitude: number };
}

const J1900 = 2415020.0;

/** Supported ayanamsas, keyed by API name. */
export const AYANAMSAS = {
  lahiri: { name: 'Lahiri', sweMode: 1, kind: 'mean', t0: 2435553.5, ayanamsaAtT0: 23.250182778 - 0.004658035, definingPrecession: 'iau1976' },
  fagan_bradley: { name: 'Fagan/Bradley', sweMode: 0, kind: 'mean', t0: 2433282.42346, ayanamsaAtT0: 24.042044444, definingPrecession: 'newcomb' },
  krishnamurti: { name: 'Krishnamurti', sweMode: 5, kind: 'mean', t0: J1900, ayanamsaAtT0: 360 - 337.636111, definingPrecession: 'newcomb' },
  raman: { name: 'Raman', sweMode: 3, kind: 'mean', t0: J1900, ayanamsaAtT0: 360 - 338.98556, definingPrecession: 'newcomb' },
  yukteshwar: { name: 'Yukteshwar', sweMode: 7, kind: 'mean', t0: J1900, ayanamsaAtT0: 360 - 338.917778, definingPrecession: 'none' },
  true_chitra: { name: 'True Chitra', sweMode: 27, kind: 'true', star: { name: 'Spica', siderealLongitude: 180 } },
} as const satisfies Record<string, AyanamsaDefinition>;

/** An ayanamsa name accepted by the API. */
export type AyanamsaName = keyof typeof AYANAMSAS;

/** Every accepted ayanamsa name. */
export const AYANAMSA_NAMES = Object.keys(AYANAMSAS) as AyanamsaName[];

const ALIASES: Record<string, AyanamsaName> = {
  chitrapaksha: 'lahiri',
  fagan: 'fagan_bradley',
  kp: 'krishnamurti',
  sri_yukteshwar: 'yukteshwar',
  true_citra: 'true_chitra',
  true_chitrapaksha: 'true_chitra',
};

/**
 * Parses an ayanamsa name (`lahiri`, `Fagan-Bradley`, `KP`, `true_citra`…).
 * @throws InvolutionError INVOLUTION_UNKNOWN_AYANAMSA listing the valid names.
 */
export function parseAyanamsa(input: string, field = 'ayanamsa'): AyanamsaName {
  const key = input.trim().toLowerCase().replace(/[\s\-/]+/g, '_');
  if (key in AYANAMSAS) return key as AyanamsaName;
  const alias = ALIASES[key];
  if (alias) return alias;
  throw new InvolutionError('INVOLUTION_UNKNOWN_AYANAMSA', `Unknown ayanamsa "${input}"`, {
    field,
    details: { valid: AYANAMSA_NAMES },
  });
}
