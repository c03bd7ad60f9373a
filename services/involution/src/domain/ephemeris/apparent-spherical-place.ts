import { DEG, normalizeDegrees } from './angles.js';
import { add, apply, dot, norm, scaled, type Matrix3, type Vector3 } from './matrix3.js';

/** Ecliptic longitude, latitude (degrees) and distance (AU) with their rates per day. */
export interface SphericalState {
  longitude: number;
  latitude: number;
  distance: number;
  speed: number;
  latitudeSpeed: number;
  distanceSpeed: number;
}

/**
 * Apparent place of a body at one instant in a provider's J2000 frame: the apparent unit direction, the
 * light-time distance, and a vector `motion` with its `velocity` whose direction is the apparent one to
 * first order in v/c (P(t − τ) − O(t) + τ·v_O) — the one the speeds are taken from.
 */
export interface ApparentState {
  direction: Vector3;
  distance: number;
  distanceRate: number;
  motion: Vector3;
  velocity: Vector3;
}

/** Spherical coordinates of position `x` and their rates from velocity `v`. */
export function sphericalState(x: Vector3, v: Vector3): SphericalState {
  const rho2 = x[0] * x[0] + x[1] * x[1];
  const rho = Math.sqrt(rho2);
  const distance = Math.sqrt(rho2 + x[2] * x[2]);
  return {
    longitude: normalizeDegrees(Math.atan2(x[1], x[0]) / DEG),
    latitude: Math.atan2(x[2], rho) / DEG,
    distance,
    speed: (x[0] * v[1] - x[1] * v[0]) / rho2 / DEG,
    latitudeSpeed: (v[2] * rho2 - x[2] * (x[0] * v[0] + x[1] * v[1])) / (distance * distance * rho) / DEG,
    distanceSpeed: dot(x, v) / distance,
  };
}

/**
 * The apparent place in the true ecliptic of date (`toDate`, changing at `toDateRate` per day), shared
 * by every provider: position from the exact apparent direction, speeds from the first-order motion
 * vector pointed along it, distance and its rate from light time.
 */
export function apparentSphericalPlace(
  state: ApparentState,
  toDate: Matrix3,
  toDateRate: Matrix3,
): SphericalState {
  const motion = scaled(state.direction, norm(state.motion));
  const velocity = add(apply(toDate, state.velocity), apply(toDateRate, motion));
  const rates = sphericalState(apply(toDate, motion), velocity);
  const place = apply(toDate, state.direction);
  return {
    longitude: normalizeDegrees(Math.atan2(place[1], place[0]) / DEG),
    latitude: Math.asin(Math.max(-1, Math.min(1, place[2]))) / DEG,
    distance: state.distance,
    speed: rates.speed,
    latitudeSpeed: rates.latitudeSpeed,
    distanceSpeed: state.distanceRate,
  };
}
