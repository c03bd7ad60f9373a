import { meanObliquity } from '../ephemeris/obliquity.js';
import { equatorialToEcliptic, precessFromJ2000, precessToJ2000, type Vec3 } from './precession.js';
import { AYANAMSAS, type AyanamsaDefinition, type AyanamsaKind, type AyanamsaName } from './ayanamsa-catalog.js';
import { SPICA, starApparentLongitude } from './star-apparent-place.js';
import { nutation } from '../ephemeris/nutation.js';
import { deltaTSeconds } from '../time/delta-t.js';

const DEG = Math.PI / 180;
const STARS = { Spica: SPICA } as const;

function normalize(x: number): number {
  const r = x % 360;
  return r < 0 ? r + 360 : r;
}

function eclipticLongitudeAt(v: Vec3, jdTt: number): number {
  const e = equatorialToEcliptic(v, meanObliquity(jdTt));
  return Math.atan2(e[1], e[0]) / DEG;
}

/**
 * Swiss Ephemeris' correction for an ayanamsa defined under an older precession theory: the t0
 * equinox carried to J2000 with Vondrák 2011 and back with the defining model, as a longitude.
 */
function precessionOffset(def: AyanamsaDefinition): number {
  if (def.t0 === undefined || def.definingPrecession === undefined || def.definingPrecession === 'none') return 0;
  const atJ2000 = precessToJ2000([1, 0, 0], def.t0);
  const back = precessFromJ2000(atJ2000, def.t0, def.definingPrecession);
  const corr = eclipticLongitudeAt(back, def.t0);
  return corr > 350 ? corr - 360 : corr;
}

const offsets = new Map<AyanamsaName, number>();

/** Ayanamsa referred to the mean equinox of date (no nutation), degrees, at a TT Julian day. */
export function meanEquinoxAyanamsa(name: AyanamsaName, jdTt: number): number {
  const def: AyanamsaDefinition = AYANAMSAS[name];
  if (def.kind === 'true') {
    const star = def.star!;
    return normalize(starApparentLongitude(STARS[star.name as keyof typeof STARS], jdTt) - star.siderealLongitude);
  }
  const t0 = def.t0!;
  // Longitude of the equinox of date on the ecliptic of t0, measured from the equinox of t0.
  const vernalPoint = precessFromJ2000(precessToJ2000([1, 0, 0], jdTt), t0);
  const lon = eclipticLongitudeAt(vernalPoint, t0);
  let offset = offsets.get(name);
  if (offset === undefined) {
    offset = precessionOffset(def);
    offsets.set(name, offset);
  }
  return normalize(-lon + def.ayanamsaAtT0! - offset);
}

/** An ayanamsa value with what it is and how it was obtained. */
export interface AyanamsaValue {
  name: AyanamsaName;
  displayName: string;
  kind: AyanamsaKind;
  /** Degrees, true equinox of date (includes nutation in longitude): subtract it from apparent tropical longitudes. */
  value: number;
  /** Degrees, mean equinox of date (without nutation). */
  meanEquinoxValue: number;
  /** Swiss Ephemeris sidereal mode number. */
  sweMode: number;
}

/**
 * The ayanamsa at a TT Julian day, as Swiss Ephemeris' `swe_get_ayanamsa_ex` returns it: on the
 * true equinox of date, so that sidereal longitude = apparent tropical longitude − value.
 * @example ayanamsaAtTt('lahiri', 2451545.0007388).value // 23.8532225… (23°51′11.60″)
 */
export function ayanamsaAtTt(name: AyanamsaName, jdTt: number): AyanamsaValue {
  const mean = meanEquinoxAyanamsa(name, jdTt);
  const def = AYANAMSAS[name];
  return {
    name,
    displayName: def.name,
    kind: def.kind,
    value: normalize(mean + nutation(jdTt).longitude / DEG),
    meanEquinoxValue: mean,
    sweMode: def.sweMode,
  };
}

/** The ayanamsa at a UT1 Julian day (TT = UT + ΔT). */
export function ayanamsaAtUt(name: AyanamsaName, jdUt: number): AyanamsaValue {
  return ayanamsaAtTt(name, jdUt + deltaTSeconds(jdUt) / 86400);
}
