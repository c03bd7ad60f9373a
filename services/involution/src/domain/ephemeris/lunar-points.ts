/**
 * Lunar points: mean node, mean apogee (Black Moon Lilith) and true (osculating) node.
 *
 * Mean elements are Chapront-Touzé & Chapront's (as in Meeus, Astronomical Algorithms ch. 47), in the
 * mean ecliptic and equinox of date. Like Swiss Ephemeris, the mean apogee is the mean perigee + 180°
 * taken as an angle in the mean lunar orbit (inclination 5.1453964°) and projected onto the ecliptic, so it
 * has a latitude; distances are the mean distance (384 400 km) and the mean apogee distance a(1 + e).
 */
import { DEG, normalizeDegrees } from './angles.js';
import { cross, dot, norm, type Vector3 } from './matrix3.js';
import { KM_PER_AU } from './lunar-theory.js';
import { J2000 } from '../time/julian-day.js';

const MEAN_DISTANCE_AU = 384400 / KM_PER_AU;
const MEAN_ECCENTRICITY = 0.054900489;
const MEAN_INCLINATION = 5.1453964 * DEG;
/** G(M_Earth + M_Moon) in AU³/day² (398600.4418 + 4902.8001 km³/s²). */
const EARTH_MOON_GM = (403503.2419 * 86400 * 86400) / KM_PER_AU ** 3;

function polynomial(t: number, c: readonly number[]): [number, number] {
  let value = 0;
  let rate = 0;
  for (let i = c.length - 1; i >= 0; i -= 1) {
    rate = rate * t + value;
    value = value * t + (c[i] ?? 0);
  }
  return [value, rate];
}

const NODE = [125.0445479, -1934.1362891, 0.0020754, 1 / 467441, -1 / 60616000] as const;
const PERIGEE = [83.3532465, 4069.0137287, -0.01032, -1 / 80053, 1 / 18999000] as const;

/** A point in the mean ecliptic and equinox of date: degrees, degrees, AU; rates per day. */
export interface EclipticPoint {
  longitude: number;
  latitude: number;
  distance: number;
  longitudeRate: number;
  latitudeRate: number;
}

/** Mean ascending node of the lunar orbit (mean equinox of date) at a Julian day in TT. */
export function meanNode(jdTt: number): EclipticPoint {
  const [value, rate] = polynomial((jdTt - J2000) / 36525, NODE);
  return { longitude: normalizeDegrees(value), latitude: 0, distance: MEAN_DISTANCE_AU, longitudeRate: rate / 36525, latitudeRate: 0 };
}

function apogeeAt(t: number): { longitude: number; latitude: number } {
  const node = polynomial(t, NODE)[0] * DEG;
  const inOrbit = (polynomial(t, PERIGEE)[0] + 180) * DEG - node;
  const x = Math.cos(inOrbit);
  const y = Math.sin(inOrbit) * Math.cos(MEAN_INCLINATION);
  const z = Math.sin(inOrbit) * Math.sin(MEAN_INCLINATION);
  return { longitude: normalizeDegrees((Math.atan2(y, x) + node) / DEG), latitude: Math.asin(z) / DEG };
}

/** Mean lunar apogee, Black Moon Lilith (mean equinox of date), at a Julian day in TT. */
export function meanApogee(jdTt: number): EclipticPoint {
  const t = (jdTt - J2000) / 36525;
  const h = 1e-6; // centuries
  const here = apogeeAt(t);
  const before = apogeeAt(t - h);
  const after = apogeeAt(t + h);
  const dl = ((((after.longitude - before.longitude) % 360) + 540) % 360) - 180;
  return {
    longitude: here.longitude,
    latitude: here.latitude,
    distance: MEAN_DISTANCE_AU * (1 + MEAN_ECCENTRICITY),
    longitudeRate: dl / (2 * h * 36525),
    latitudeRate: (after.latitude - before.latitude) / (2 * h * 36525),
  };
}

/**
 * Osculating (true) ascending node from the Moon's geometric geocentric position (AU) and velocity (AU/day)
 * in the mean ecliptic and equinox of date. The distance is the osculating orbit's radius at the node.
 */
export function osculatingNode(position: Vector3, velocity: Vector3): { longitude: number; distance: number } {
  const h = cross(position, velocity);
  const longitude = normalizeDegrees(Math.atan2(h[0], -h[1]) / DEG);
  const nodeDirection: Vector3 = [Math.cos(longitude * DEG), Math.sin(longitude * DEG), 0];
  const r = norm(position);
  const vxh = cross(velocity, h);
  const eccentricity: Vector3 = [
    vxh[0] / EARTH_MOON_GM - position[0] / r,
    vxh[1] / EARTH_MOON_GM - position[1] / r,
    vxh[2] / EARTH_MOON_GM - position[2] / r,
  ];
  const semiLatusRectum = dot(h, h) / EARTH_MOON_GM;
  return { longitude, distance: semiLatusRectum / (1 + dot(eccentricity, nodeDirection)) };
}
