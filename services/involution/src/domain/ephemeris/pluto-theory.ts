/**
 * Heliocentric Pluto from Meeus' series (Astronomical Algorithms ch. 37, after Chapront & Francou's fit
 * to DE200), evaluated through astronomia. Meeus documents the series for 1885–2099 only; see
 * PLUTO_COVERAGE.
 */
import pluto from 'astronomia/pluto';
import { FK5_ECLIPTIC_TO_EQUATORIAL_J2000, transpose, VSOP87_TO_EQUATORIAL_J2000 } from './frames.js';
import { apply, multiply, type Vector3 } from './matrix3.js';

/** Julian days (TT) where the Pluto series is trusted: 1885-01-01 to 2099-12-31. */
export const PLUTO_COVERAGE = { start: 2409542.5, end: 2488069.5 } as const;

const FK5_ECLIPTIC_TO_VSOP = multiply(transpose(VSOP87_TO_EQUATORIAL_J2000), FK5_ECLIPTIC_TO_EQUATORIAL_J2000);

/** Heliocentric Pluto (AU), expressed in the VSOP87 J2000 ecliptic frame like the planets. */
export function plutoHeliocentric(jdTt: number): Vector3 {
  const { lon, lat, range } = pluto.heliocentric(jdTt);
  const cb = Math.cos(lat);
  return apply(FK5_ECLIPTIC_TO_VSOP, [range * cb * Math.cos(lon), range * cb * Math.sin(lon), range * Math.sin(lat)]);
}

/** Heliocentric Pluto position (AU) and velocity (AU/day, central difference over ±0.5 day). */
export function plutoHeliocentricState(jdTt: number): { position: Vector3; velocity: Vector3 } {
  const before = plutoHeliocentric(jdTt - 0.5);
  const after = plutoHeliocentric(jdTt + 0.5);
  return {
    position: plutoHeliocentric(jdTt),
    velocity: [after[0] - before[0], after[1] - before[1], after[2] - before[2]],
  };
}
