/**
 * The SPK provider against Swiss Ephemeris itself: a kernel fitted to SE's geometric barycentric ICRS
 * states (Sun off the barycenter, as in a real DE kernel) must give SE's apparent places — so light time on
 * barycentric vectors, deflection by a moving Sun, aberration with the barycentric velocity and the IAU
 * 2006 frame bias are checked against an independent implementation, not against our own analytic code.
 */
import { describe, expect, it } from 'vitest';
import { CHART_BODIES } from '../../src/domain/ephemeris/bodies.js';
import { memoryByteSource } from '../../src/domain/spk/byte-source.js';
import { NAIF, SpkKernel } from '../../src/domain/spk/spk-kernel.js';
import { writeSpk } from '../../src/domain/spk/spk-writer.js';
import { SpkEphemerisProvider } from '../../src/domain/spk-provider/spk-provider.js';
import { seededRandom } from '../houses/swetest-oracle.js';
import { SE, SEFLG, sweCalc, swissEphemerisSegments } from './swiss-ephemeris-kernel.js';

// 2024-01-01 .. 2024-03-05 TDB, 8-day records of degree 12; Chiron (SE's seas_18.se1) relative to the Sun
// under NAIF's extended asteroid id, as a JPL Horizons small-body SPK stores it.
const kernel = new SpkKernel();
const segments = swissEphemerisSegments(2460310.5, 8, 8, 12, { chiron: { target: 20002060, center: NAIF.SUN } });
kernel.load('swiss.bsp', memoryByteSource(writeSpk('FITTED TO SWISS EPHEMERIS', segments)));
const provider = new SpkEphemerisProvider(kernel, { id: 'jpl-swiss' });
const random = seededRandom(2024);
const INSTANTS = Array.from({ length: 10 }, () => provider.coverage.start + random() * (provider.coverage.end - provider.coverage.start));
const SE_BODIES = [SE.SUN, SE.MOON, SE.MERCURY, SE.VENUS, SE.MARS, SE.JUPITER, SE.SATURN, SE.URANUS, SE.NEPTUNE, SE.PLUTO];
const PARIS = { latitude: 48.85, longitude: 2.35, elevation: 35 };

function arcsec(a: number, b: number): number {
  return Math.abs(((a - b + 540) % 360) - 180) * 3600;
}

describe('SpkEphemerisProvider on a kernel fitted to Swiss Ephemeris', () => {
  it("gives SE's apparent geocentric places of Sun … Pluto to 0.005″, and their speeds", () => {
    const reference = sweCalc(INSTANTS, SE_BODIES, SEFLG.SWIEPH | SEFLG.SPEED);
    INSTANTS.forEach((jd, i) => {
      CHART_BODIES.forEach((body, j) => {
        const ours = provider.position(body, jd);
        const [longitude, latitude, distance, speed, latitudeSpeed] = reference[i]![j]! as [number, number, number, number, number];
        const where = `${body} at JD ${jd} TT`;
        expect(arcsec(ours.longitude, longitude), where).toBeLessThan(0.005);
        expect(Math.abs(ours.latitude - latitude) * 3600, where).toBeLessThan(0.005);
        expect(Math.abs(ours.distance - distance) / distance, where).toBeLessThan(1e-7);
        expect(Math.abs(ours.speed - speed), where).toBeLessThan(1e-4);
        expect(Math.abs(ours.latitudeSpeed - latitudeSpeed), where).toBeLessThan(1e-4);
      });
    });
  });

  it("gives SE's topocentric places (planets to 0.005″; the Moon to 0.25″, the observer model's budget)", () => {
    const reference = sweCalc(INSTANTS, SE_BODIES, SEFLG.SWIEPH | SEFLG.SPEED | SEFLG.TOPOCTR, [PARIS.longitude, PARIS.latitude, PARIS.elevation]);
    INSTANTS.forEach((jd, i) => {
      CHART_BODIES.forEach((body, j) => {
        const ours = provider.position(body, jd, { observer: PARIS });
        const [longitude, latitude] = reference[i]![j]! as [number, number];
        const limit = body === 'Moon' ? 0.25 : 0.005;
        expect(arcsec(ours.longitude, longitude), `${body} at JD ${jd} TT from Paris`).toBeLessThan(limit);
        expect(Math.abs(ours.latitude - latitude) * 3600, `${body} at JD ${jd} TT from Paris`).toBeLessThan(limit);
      });
    });
  });

  it("gives SE's apparent place of Chiron (SE body 15) to 0.005″, geocentric and topocentric, from a Sun-centred segment", () => {
    expect(provider.chironTarget).toBe(20002060);
    const geocentric = sweCalc(INSTANTS, [SE.CHIRON], SEFLG.SWIEPH | SEFLG.SPEED);
    const topocentric = sweCalc(INSTANTS, [SE.CHIRON], SEFLG.SWIEPH | SEFLG.SPEED | SEFLG.TOPOCTR, [PARIS.longitude, PARIS.latitude, PARIS.elevation]);
    INSTANTS.forEach((jd, i) => {
      const ours = provider.positionOf('Chiron', jd);
      const [longitude, latitude, distance, speed] = geocentric[i]![0]! as [number, number, number, number];
      expect(arcsec(ours.longitude, longitude), `Chiron at JD ${jd} TT`).toBeLessThan(0.005);
      expect(Math.abs(ours.latitude - latitude) * 3600, `Chiron at JD ${jd} TT`).toBeLessThan(0.005);
      expect(Math.abs(ours.distance - distance) / distance).toBeLessThan(1e-7);
      expect(Math.abs(ours.speed - speed)).toBeLessThan(1e-4);
      const seen = provider.positionOf('Chiron', jd, { observer: PARIS });
      const [topoLongitude, topoLatitude] = topocentric[i]![0]! as [number, number];
      expect(arcsec(seen.longitude, topoLongitude), `Chiron at JD ${jd} TT from Paris`).toBeLessThan(0.005);
      expect(Math.abs(seen.latitude - topoLatitude) * 3600, `Chiron at JD ${jd} TT from Paris`).toBeLessThan(0.005);
    });
  });
});
