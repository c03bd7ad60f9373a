import { describe, expect, it } from 'vitest';
import { vsop87ToTrueEclipticOfDate, vsop87ToTrueEclipticOfDateRate } from './frames.js';
import { nutation, nutationRate } from './nutation.js';
import { meanObliquity, meanObliquityRate } from './obliquity.js';

/** Central difference over ±h days. */
function numericRate<T>(f: (jd: number) => T, pick: (value: T) => number, jd: number, h = 1e-3): number {
  return (pick(f(jd + h)) - pick(f(jd - h))) / (2 * h);
}

describe('analytic rates of the frame of date', () => {
  // 1400, 1850, 2000.5, 2150, 2600: both sidereal-time branches and the ends of the coverage.
  const instants = [2232407.5, 2396758.5, 2451727.3, 2506332.1, 2670690.5];

  it('nutation and mean obliquity rates agree with fine central differences', () => {
    for (const jd of instants) {
      // The difference's own error: (hω)²/6 of the 5.6-day terms' rates, and the rounding of arguments ~1e10″.
      expect(nutationRate(jd).longitude).toBeCloseTo(
        numericRate(nutation, (n) => n.longitude, jd),
        12,
      );
      expect(nutationRate(jd).obliquity).toBeCloseTo(
        numericRate(nutation, (n) => n.obliquity, jd),
        12,
      );
      // Periods of centuries: a long step keeps the difference's rounding (~1e-16/2h) small.
      expect(meanObliquityRate(jd)).toBeCloseTo(
        numericRate(meanObliquity, (e) => e, jd, 1),
        15,
      );
    }
  });

  it('the VSOP87 → true ecliptic of date matrix rate agrees with a fine central difference to 1e-12 rad/day', () => {
    for (const jd of instants) {
      const rate = vsop87ToTrueEclipticOfDateRate(jd);
      for (let k = 0; k < 9; k += 1) {
        const numeric = numericRate(vsop87ToTrueEclipticOfDate, (m) => m[k]!, jd);
        expect(Math.abs(rate[k]! - numeric)).toBeLessThan(1e-12);
      }
    }
  });
});
