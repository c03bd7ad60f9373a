/**
 * Geocentric position and velocity of an observer on the rotating Earth, in the true equator and equinox
 * of date, with Swiss Ephemeris' Earth figure (a = 6378136.6 m, f = 1/298.25642).
 */
import { DEG } from './angles.js';
import type { Vector3 } from './matrix3.js';
import { InvolutionError } from '../../errors.js';
import type { Observer } from './provider.js';
import { localApparentSiderealTime } from './sidereal-time.js';

const EARTH_EQUATORIAL_RADIUS_M = 6378136.6;
const EARTH_FLATTENING = 1 / 298.25642;
const METRES_PER_AU = 149597870700;
/** Earth's rotation rate in radians per day (7.292115e-5 rad/s). */
export const EARTH_ROTATION = 7.292115e-5 * 86400;

/** Observer position (AU) and velocity (AU/day) in the true equator and equinox of date. */
export function observerGeocentricState(observer: Observer, jdUt: number): { position: Vector3; velocity: Vector3 } {
  const phi = observer.latitude * DEG;
  const theta = localApparentSiderealTime(jdUt, observer.longitude) * DEG;
  const cosPhi = Math.cos(phi);
  const sinPhi = Math.sin(phi);
  const oneMinusF = 1 - EARTH_FLATTENING;
  const c = 1 / Math.sqrt(cosPhi * cosPhi + oneMinusF * oneMinusF * sinPhi * sinPhi);
  const s = oneMinusF * oneMinusF * c;
  const rho = ((EARTH_EQUATORIAL_RADIUS_M * c + observer.elevation) * cosPhi) / METRES_PER_AU;
  const z = ((EARTH_EQUATORIAL_RADIUS_M * s + observer.elevation) * sinPhi) / METRES_PER_AU;
  const x = rho * Math.cos(theta);
  const y = rho * Math.sin(theta);
  return { position: [x, y, z], velocity: [-EARTH_ROTATION * y, EARTH_ROTATION * x, 0] };
}

/**
 * Refuses an observer outside the Earth's ranges (422 naming the field); every provider checks a
 * topocentric request's observer with this before using it.
 */
export function assertObserver(observer: Observer): void {
  const checks: [keyof Observer, number, number][] = [
    ['latitude', -90, 90],
    ['longitude', -180, 360],
    ['elevation', -12000, 100000],
  ];
  for (const [field, min, max] of checks) {
    const value = observer[field];
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new InvolutionError('INVOLUTION_INVALID_INPUT', `${field} must be a number in [${min}, ${max}]`, {
        field,
        details: { value, min, max },
      });
    }
  }
}
