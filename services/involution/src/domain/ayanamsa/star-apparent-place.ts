/**
 * Apparent ecliptic longitude of a catalogue star referred to the mean equinox of date (no nutation),
 * as the "true" ayanamsas need it: proper motion, ICRS→J2000 frame bias, Vondrák 2011 precession,
 * gravitational deflection by the Sun and annual aberration. Aberration and deflection use a
 * Keplerian Earth orbit and a low-precision Sun (Meeus, Astronomical Algorithms ch. 23 and 25):
 * their errors (≲0.01 % of 20.5″) stay far below the 1″ the ayanamsas are held to.
 */
import { meanObliquity } from '../ephemeris/obliquity.js';
import { equatorialToEcliptic, precessFromJ2000, type Vec3 } from './precession.js';

const J2000 = 2451545.0;
const DEG = Math.PI / 180;
const MAS = DEG / 3600 / 1000;
/** Constant of aberration κ = v₀/c, radians. */
const ABERRATION = (20.49552 / 3600) * DEG;
/** 2GM☉/(c² AU), radians: light deflection at 1 AU for a grazing-angle factor of 1. */
const DEFLECTION = 1.97412574336e-8;
/** ICRS → mean J2000 frame bias (IERS 2003): dα₀, ξ₀, η₀. */
const BIAS_DA0 = -14.6 * MAS;
const BIAS_XI0 = -16.617 * MAS;
const BIAS_ETA0 = -6.8192 * MAS;

/** A star from the Swiss Ephemeris catalogue format (ICRS, J2000). */
export interface CatalogueStar {
  /** Right ascension, degrees. */
  ra: number;
  /** Declination, degrees. */
  dec: number;
  /** Proper motion in right ascension × cos δ, mas/yr. */
  pmRaCosDec: number;
  /** Proper motion in declination, mas/yr. */
  pmDec: number;
}

/** Spica (α Vir) as in Swiss Ephemeris' sefstars.txt (Hipparcos / van Leeuwen 2007). */
export const SPICA: CatalogueStar = {
  ra: (13 + 25 / 60 + 11.57937 / 3600) * 15,
  dec: -(11 + 9 / 60 + 40.7501 / 3600),
  pmRaCosDec: -42.35,
  pmDec: -30.67,
};

function unit(v: Vec3): Vec3 {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** Low-precision geometric Sun (Meeus ch. 25): true longitude (deg, mean equinox of date) and distance (AU). */
function sun(jdTt: number): { longitude: number; distance: number; eccentricity: number; perihelion: number } {
  const t = (jdTt - J2000) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const e = 0.016708634 - 0.000042037 * t - 0.0000001267 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m * DEG) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * m * DEG) +
    0.000289 * Math.sin(3 * m * DEG);
  const nu = m + c;
  const distance = (1.000001018 * (1 - e * e)) / (1 + e * Math.cos(nu * DEG));
  return { longitude: l0 + c, distance, eccentricity: e, perihelion: 102.93735 + 1.71946 * t + 0.00046 * t * t };
}

/**
 * Apparent geocentric ecliptic longitude (degrees, mean equinox and ecliptic of date) of a star
 * at a TT Julian day.
 */
export function starApparentLongitude(star: CatalogueStar, jdTt: number): number {
  const years = (jdTt - J2000) / 365.25;
  const dec = (star.dec * DEG) + star.pmDec * MAS * years;
  const ra = star.ra * DEG + ((star.pmRaCosDec * MAS) / Math.cos(star.dec * DEG)) * years;
  const icrs: Vec3 = [Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)];
  const j2000: Vec3 = [
    icrs[0] + BIAS_DA0 * icrs[1] - BIAS_XI0 * icrs[2],
    -BIAS_DA0 * icrs[0] + icrs[1] - BIAS_ETA0 * icrs[2],
    BIAS_XI0 * icrs[0] + BIAS_ETA0 * icrs[1] + icrs[2],
  ];
  const ofDate = precessFromJ2000(j2000, jdTt);
  let p = unit(equatorialToEcliptic(ofDate, meanObliquity(jdTt)));

  const s = sun(jdTt);
  // Heliocentric direction of the Earth (unit vector Sun → Earth), ecliptic of date.
  const earthLon = (s.longitude + 180) * DEG;
  const e: Vec3 = [Math.cos(earthLon), Math.sin(earthLon), 0];
  // Deflection pushes the star away from the Sun along the great circle through both.
  const pe = dot(p, e);
  const g = DEFLECTION / s.distance / (1 + pe);
  p = unit([p[0] + g * (e[0] - pe * p[0]), p[1] + g * (e[1] - pe * p[1]), p[2] + g * (e[2] - pe * p[2])]);
  // Annual aberration: Earth's orbital velocity over c for a Keplerian orbit.
  const w = s.perihelion * DEG;
  const v: Vec3 = [
    -ABERRATION * (Math.sin(earthLon) + s.eccentricity * Math.sin(w)),
    ABERRATION * (Math.cos(earthLon) + s.eccentricity * Math.cos(w)),
    0,
  ];
  p = unit([p[0] + v[0], p[1] + v[1], p[2] + v[2]]);
  const lon = Math.atan2(p[1], p[0]) / DEG;
  return lon < 0 ? lon + 360 : lon;
}
