/**
 * The contract every ephemeris source fulfils: the embedded analytic theories now, a JPL SPK reader later.
 */
import type { Body } from './bodies.js';
import type { ZodiacSign } from './zodiac-sign.js';

/** An observer on the Earth for topocentric positions. */
export interface Observer {
  /** Geodetic latitude, degrees north. */
  latitude: number;
  /** Longitude, degrees east. */
  longitude: number;
  /** Height above the WGS84 ellipsoid, metres. */
  elevation: number;
}

/** Options of a position request. */
export interface PositionOptions {
  /** Topocentric instead of geocentric: the observer whose diurnal parallax and aberration apply. */
  observer?: Observer;
  /** Skip the speed (about three times cheaper). Default: speeds are computed. */
  withoutSpeed?: boolean;
}

/**
 * Apparent position in the true ecliptic and equinox of date: light time, gravitational deflection by the
 * Sun, annual (and, topocentrically, diurnal) aberration, precession and nutation applied.
 */
export interface BodyPosition {
  body: Body;
  /** Ecliptic longitude, degrees in [0, 360). */
  longitude: number;
  /** Ecliptic latitude, degrees. */
  latitude: number;
  /** Distance in AU (the Moon too), light-time corrected; the mean Moon distance for the mean node. */
  distance: number;
  /** Daily motion in longitude, degrees/day. */
  speed: number;
  /** Daily motion in latitude, degrees/day. */
  latitudeSpeed: number;
  /** Daily change of distance, AU/day. */
  distanceSpeed: number;
  /** True when the body moves backwards in longitude (speed < 0). */
  retrograde: boolean;
  sign: ZodiacSign;
}

/** Julian-day range (TT) a provider covers. */
export interface Coverage {
  start: number;
  end: number;
}

/** A source of apparent positions. */
export interface EphemerisProvider {
  /** Stable identifier, e.g. `analytic-vsop87-elpmpp02` or `jpl-de440`. */
  readonly id: string;
  /** Julian days (TT) the provider answers for. */
  readonly coverage: Coverage;
  /** Bodies the provider can compute; some (Pluto) may have a narrower coverage. */
  supports(body: Body, jdTt: number): boolean;
  /** Apparent position of one body at a Julian day in TT. */
  position(body: Body, jdTt: number, options?: PositionOptions): BodyPosition;
}
