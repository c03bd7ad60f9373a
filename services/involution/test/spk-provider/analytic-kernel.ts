/**
 * Test kernels fitted to the analytic theories: the geometric heliocentric VSOP87B planets and Earth,
 * the ELP/MPP02 Moon and the DE431-fitted Pluto table, rotated to ICRF and written as SPK type 2 segments in the DE
 * layout (Sun 10, planet barycenters 1–9 and the EMB 3 relative to the barycenter 0, Earth 399 and Moon
 * 301 relative to the EMB). The Sun is put at the barycenter — the analytic provider's heliocentric
 * pipeline is then exactly the barycentric one the SPK provider runs — so the SPK provider must
 * reproduce the analytic provider's apparent places up to the fit error.
 */
import { FRAME_BIAS, tdbMinusTt } from '../../src/domain/spk-provider/icrf-frame.js';
import { fitChebyshevRecords } from '../../src/domain/spk-provider/chebyshev-fit.js';
import { transpose, VSOP87_TO_EQUATORIAL_J2000 } from '../../src/domain/ephemeris/frames.js';
import { geocentricMoon, KM_PER_AU } from '../../src/domain/ephemeris/lunar-theory.js';
import { apply, multiply, type Vector3 } from '../../src/domain/ephemeris/matrix3.js';
import { heliocentricPosition } from '../../src/domain/ephemeris/planetary-theory.js';
import { plutoHeliocentric } from '../../src/domain/ephemeris/pluto-theory.js';
import { NAIF } from '../../src/domain/spk/spk-kernel.js';
import { writeSpk, type SpkSegmentInput } from '../../src/domain/spk/spk-writer.js';

/** Earth/Moon mass ratio of DE440. */
export const EMRAT = 81.3005682214972154;
const DAY = 86400;
const J2000 = 2451545;
/** VSOP87 ecliptic J2000 → ICRF. */
const TO_ICRF = multiply(transpose(FRAME_BIAS), VSOP87_TO_EQUATORIAL_J2000);

/** Planets a test kernel can hold, by barycenter id. */
export const PLANET_BARYCENTERS = {
  Mercury: NAIF.MERCURY_BARYCENTER,
  Venus: NAIF.VENUS_BARYCENTER,
  Mars: NAIF.MARS_BARYCENTER,
  Jupiter: NAIF.JUPITER_BARYCENTER,
  Saturn: NAIF.SATURN_BARYCENTER,
  Uranus: NAIF.URANUS_BARYCENTER,
  Neptune: NAIF.NEPTUNE_BARYCENTER,
  Pluto: NAIF.PLUTO_BARYCENTER,
} as const;

/** What to fit. */
export interface AnalyticKernelOptions {
  /** First instant, JD TDB (a record boundary). */
  startJd: number;
  /** Number of records. */
  records: number;
  /** Record length, days. */
  granuleDays: number;
  degree: number;
  planets: readonly (keyof typeof PLANET_BARYCENTERS)[];
}

function jdTtOfEt(et: number): number {
  const jdTdb = J2000 + et / DAY;
  return jdTdb - tdbMinusTt(jdTdb) / DAY;
}

function km(v: Vector3): Vector3 {
  return apply(TO_ICRF, [v[0] * KM_PER_AU, v[1] * KM_PER_AU, v[2] * KM_PER_AU]);
}

function heliocentric(body: keyof typeof PLANET_BARYCENTERS | 'Earth', jdTt: number): Vector3 {
  return km(body === 'Pluto' ? plutoHeliocentric(jdTt) : heliocentricPosition(body, jdTt));
}

/** The segments of an analytic test kernel. */
export function analyticSegments(options: AnalyticKernelOptions): SpkSegmentInput[] {
  const init = (options.startJd - J2000) * DAY;
  const intervalLength = options.granuleDays * DAY;
  const segment = (target: number, center: number, name: string, f: (jdTt: number) => Vector3): SpkSegmentInput => ({
    target,
    center,
    frame: 1,
    dataType: 2,
    name,
    init,
    intervalLength,
    records: fitChebyshevRecords((et) => f(jdTtOfEt(et)), init, intervalLength, options.records, options.degree),
  });
  const moonShare = 1 / (1 + EMRAT);
  return [
    segment(NAIF.SUN, NAIF.SSB, 'SUN AT THE BARYCENTER', () => [0, 0, 0]),
    segment(NAIF.EMB, NAIF.SSB, 'EMB (VSOP87B EARTH + ELP/MPP02 MOON)', (jd) => {
      const earth = heliocentric('Earth', jd);
      const moon = km(geocentricMoon(jd));
      return [earth[0] + moon[0] * moonShare, earth[1] + moon[1] * moonShare, earth[2] + moon[2] * moonShare];
    }),
    segment(NAIF.EARTH, NAIF.EMB, 'EARTH FROM EMB', (jd) => {
      const moon = km(geocentricMoon(jd));
      return [-moon[0] * moonShare, -moon[1] * moonShare, -moon[2] * moonShare];
    }),
    segment(NAIF.MOON, NAIF.EMB, 'MOON FROM EMB', (jd) => {
      const moon = km(geocentricMoon(jd));
      const f = EMRAT * moonShare;
      return [moon[0] * f, moon[1] * f, moon[2] * f];
    }),
    ...options.planets.map((planet) => segment(PLANET_BARYCENTERS[planet], NAIF.SSB, `${planet.toUpperCase()} (ANALYTIC)`, (jd) => heliocentric(planet, jd))),
  ];
}

/** An SPK file (bytes) fitted to the analytic theories. */
export function analyticKernel(options: AnalyticKernelOptions): Uint8Array {
  return writeSpk('ANALYTIC CLOSED-LOOP TEST KERNEL', analyticSegments(options));
}

/** 2000-01-01 to 2000-03-05 TDB, 8-day records of degree 12, every planet. */
export const WINTER_2000: AnalyticKernelOptions = {
  startJd: 2451544.5,
  records: 8,
  granuleDays: 8,
  degree: 12,
  planets: ['Mercury', 'Venus', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune', 'Pluto'],
};
