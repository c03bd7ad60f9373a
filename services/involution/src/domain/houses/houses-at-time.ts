import { greenwichApparentSiderealTime } from '../ephemeris/sidereal-time.js';
import { meanObliquity } from '../ephemeris/obliquity.js';
import { nutation } from '../ephemeris/nutation.js';
import { deltaTSeconds } from '../time/delta-t.js';
import { housesFromFrame, type HouseCusps } from './house-cusps.js';
import { DEG, normalizeDegrees } from './angle-math.js';
import type { HouseSystem } from './house-system.js';
import { InvolutionError } from '../../errors.js';

/** A place on Earth, degrees (east longitude positive). */
export interface GeoPosition {
  latitude: number;
  longitude: number;
}

/** House cusps plus the sidereal quantities they were computed from. */
export interface HousesAtTime extends HouseCusps {
  /** Greenwich apparent sidereal time, hours. */
  gast: number;
  /** Degrees. */
  trueObliquity: number;
  /** Degrees (Vondrák 2011). */
  meanObliquity: number;
  /** Δψ, degrees. */
  nutationLongitude: number;
  /** ΔT used, seconds. */
  deltaT: number;
}

function assertPlace(place: GeoPosition): void {
  if (!Number.isFinite(place.latitude) || Math.abs(place.latitude) > 90) {
    throw new InvolutionError('INVOLUTION_INVALID_INPUT', 'latitude must be within [-90, 90]', {
      field: 'latitude',
      details: { latitude: place.latitude },
    });
  }
  if (!Number.isFinite(place.longitude) || Math.abs(place.longitude) > 180) {
    throw new InvolutionError('INVOLUTION_INVALID_INPUT', 'longitude must be within [-180, 180]', {
      field: 'longitude',
      details: { longitude: place.longitude },
    });
  }
}

/**
 * House cusps at a UT1 Julian day and place: ARMC = GAST·15 + longitude, with GAST computed as Swiss
 * Ephemeris does (ephemeris/sidereal-time.ts: IERS 2010 within 1850–2050, the long-term model
 * outside) and the true obliquity of date (Vondrák 2011 + IAU 2000B). Differences in sidereal time
 * are the usual source of arc-second errors in cusps; the oracle test holds ARMC to swetest's.
 * @throws InvolutionError INVOLUTION_HOUSES_POLAR (Placidus/Koch in the polar circles), INVOLUTION_INVALID_INPUT.
 * @example housesAtUt('placidus', 2451545, { latitude: 49.5, longitude: 12.05 }).cusps[0] // 45.0670215…
 */
export function housesAtUt(system: HouseSystem, jdUt: number, place: GeoPosition): HousesAtTime {
  assertPlace(place);
  const deltaT = deltaTSeconds(jdUt);
  const jdTt = jdUt + deltaT / 86400;
  const nut = nutation(jdTt);
  const mean = meanObliquity(jdTt) / DEG;
  const gast = greenwichApparentSiderealTime(jdUt, jdTt) / 15;
  const trueObliquity = mean + nut.obliquity / DEG;
  const armc = normalizeDegrees(gast * 15 + place.longitude);
  const {
    system: name,
    cusps,
    angles,
  } = housesFromFrame(system, { armc, trueObliquity, latitude: place.latitude });
  // Spelled out rather than spread: object spread is a slow generic copy in V8 (~5 % of a chart).
  return {
    system: name,
    cusps,
    angles,
    gast,
    meanObliquity: mean,
    trueObliquity,
    nutationLongitude: nut.longitude / DEG,
    deltaT,
  };
}
