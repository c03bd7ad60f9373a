/**
 * Are the committed DE431 tables (src/domain/ephemeris/de431-corrections.data.ts, pluto-de431.data.ts)
 * still what swetest and the current VSOP87 code give? Fresh swetest samples at seeded random instants
 * (never the generator's whole-day samples) must leave only the fit's documented error. A change to the
 * series truncation, the frame rotation or the ephemeris files without rerunning
 * tools/fit-de431-corrections.ts fails here.
 */
import { describe, expect, it } from 'vitest';
import { ARCSEC } from '../../src/domain/ephemeris/angles.js';
import { de431Correction } from '../../src/domain/ephemeris/de431-correction.js';
import type { VsopBody } from '../../src/domain/ephemeris/planetary-theory.js';
import { plutoHeliocentric } from '../../src/domain/ephemeris/pluto-theory.js';
import { angleDifference, displacement, toSpherical, vsop87Residual } from '../../tools/de431-residuals.js';
import { swetestArguments, swetestHeliocentricAt } from '../../tools/swetest-heliocentric.js';
import { seededRandom } from './swetest-oracle.js';

const START = 2378496.5; // 1800-01-01 TT
const END = 2597641.5; // 2400-01-01 TT
const INSTANTS = 30;
/** Smallest distance from the Earth (AU), as the generator uses. */
const NEAREST: Record<'Mars' | 'Jupiter' | 'Saturn' | 'Uranus' | 'Neptune' | 'Pluto', number> = {
  Mars: 0.37,
  Jupiter: 3.9,
  Saturn: 7.9,
  Uranus: 17.2,
  Neptune: 28.7,
  Pluto: 28.6,
};

function instants(seed: number): number[] {
  const next = seededRandom(seed);
  return Array.from({ length: INSTANTS }, () => START + (END - START) * next());
}

describe('committed DE431 tables against fresh swetest samples', () => {
  for (const body of [
    'Mars',
    'Jupiter',
    'Saturn',
    'Uranus',
    'Neptune',
  ] as const satisfies readonly VsopBody[]) {
    it(`${body}: the correction reproduces DE431 − VSOP87B within 0.06″ from the Earth and 0.02″ in heliocentric longitude`, () => {
      let geocentric = 0;
      let longitude = 0;
      let uncorrected = 0;
      for (const jd of instants(4310)) {
        const truth = swetestHeliocentricAt(body, jd);
        const residual = vsop87Residual(body, jd, truth);
        const correction = de431Correction(body, jd);
        const left = residual.map((value, i) => value - correction[i]!);
        const at = toSpherical(truth);
        geocentric = Math.max(geocentric, displacement(left, at) / NEAREST[body] / ARCSEC);
        longitude = Math.max(longitude, Math.abs(left[0]!) / ARCSEC);
        uncorrected = Math.max(uncorrected, displacement(residual, at) / NEAREST[body] / ARCSEC);
      }
      const context = `swetest ${swetestArguments(body, START, 1, 1).slice(2).join(' ')} at ${INSTANTS} instants`;
      expect(geocentric, context).toBeLessThan(0.06);
      expect(longitude, context).toBeLessThan(0.02);
      // Without the correction the same instants are off by far more: the comparison can fail.
      expect(uncorrected, context).toBeGreaterThan(0.3);
    });
  }

  it('Pluto: the table reproduces DE431 within 0.05″ from the Earth', () => {
    let worst = 0;
    for (const jd of instants(4311)) {
      const truth = toSpherical(swetestHeliocentricAt('Pluto', jd));
      const ours = toSpherical(plutoHeliocentric(jd));
      const error = [angleDifference(ours[0], truth[0]), ours[1] - truth[1], ours[2] - truth[2]];
      worst = Math.max(worst, displacement(error, truth) / NEAREST.Pluto / ARCSEC);
    }
    expect(worst).toBeLessThan(0.05);
  });
});
