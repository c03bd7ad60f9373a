/**
 * Oracle sweep: apparent geocentric true-of-date positions of the analytic provider against swetest for
 * 250 seeded random instants in 1800–2400 (UT). Generator of every expected value: swetest (version logged)
 * run as `swetest -edir/usr/share/libswe/ephe -bj<JD UT> -ut -p0123456789mtA -fPlbRs -head`.
 *
 * The DE431 corrections and Pluto's table were fitted to swetest on whole-day TT instants
 * (tools/fit-de431-corrections.ts); these random instants never fall on one, so the sweep measures the
 * tables between their fit samples. It prints the largest error per body and per century.
 */
import { describe, expect, it } from 'vitest';
import { AnalyticEphemerisProvider } from '../../src/domain/ephemeris/analytic-provider.js';
import { ACCURACY_TARGETS, accuracyBound } from '../../src/domain/ephemeris/analytic-accuracy.js';
import { BODIES, type Body } from '../../src/domain/ephemeris/bodies.js';
import { PLUTO_COVERAGE } from '../../src/domain/ephemeris/pluto-theory.js';
import { ttFromUt } from '../../src/domain/time/delta-t.js';
import {
  arcsecDifference,
  command,
  parseRows,
  runSwetest,
  seededRandom,
  swetestVersion,
} from './swetest-oracle.js';

const SAMPLES = 250;
const START_UT = 2378496.5; // 1800-01-01
const END_UT = 2597641.5; // 2400-01-01
const BODY_LETTERS = '0123456789mtA';
// Speed tolerances, degrees/day: the true node's osculating speed and the Moon's are the most sensitive.
const SPEED_TOLERANCE: Partial<Record<Body, number>> = { Moon: 1e-3, TrueNode: 2e-3 };
const DEFAULT_SPEED_TOLERANCE = 2e-4;

interface Worst {
  longitude: number;
  latitude: number;
  speed: number;
  relativeDistance: number;
  at: number;
  samples: number;
}

function yearOf(jd: number): number {
  return 2000 + (jd - 2451545) / 365.25;
}

/** Whether a TT instant is one of the fit's daily samples (JD ending in .5). */
function isFitSample(jdTt: number): boolean {
  return Math.abs(jdTt - 0.5 - Math.round(jdTt - 0.5)) < 1e-6;
}

describe('analytic provider against swetest (1800–2400)', () => {
  it(`stays within the documented accuracy for ${SAMPLES} seeded instants`, () => {
    const provider = new AnalyticEphemerisProvider();
    const random = seededRandom(20260101);
    const worst = new Map<Body, Worst>();
    const perCentury = new Map<Body, number[]>();
    const failures: string[] = [];
    let fitSamplesHit = 0;
    for (let i = 0; i < SAMPLES; i += 1) {
      const jdUt = START_UT + (END_UT - START_UT) * random();
      const args = [`-bj${jdUt}`, '-ut', `-p${BODY_LETTERS}`, '-fPlbRs', '-head'];
      const rows = parseRows(runSwetest(args));
      expect(rows.length).toBe(BODY_LETTERS.length);
      const jdTt = ttFromUt(jdUt);
      if (isFitSample(jdTt)) fitSamplesHit += 1;
      const year = yearOf(jdUt);
      const century = Math.floor((year - 1800) / 100);
      for (const row of rows) {
        const body = row.body as Body;
        if (body === 'Pluto' && (jdTt < PLUTO_COVERAGE.start || jdTt > PLUTO_COVERAGE.end)) continue;
        const ours = provider.position(body, jdTt);
        const dLon = Math.abs(arcsecDifference(ours.longitude, row.longitude));
        const dLat = Math.abs(ours.latitude - row.latitude) * 3600;
        const dSpeed = Math.abs(ours.speed - row.speed);
        const dDist = Math.abs(ours.distance - row.distance) / row.distance;
        const entry = worst.get(body) ?? {
          longitude: 0,
          latitude: 0,
          speed: 0,
          relativeDistance: 0,
          at: 0,
          samples: 0,
        };
        if (dLon > entry.longitude) {
          entry.longitude = dLon;
          entry.at = jdUt;
        }
        entry.latitude = Math.max(entry.latitude, dLat);
        entry.speed = Math.max(entry.speed, dSpeed);
        entry.relativeDistance = Math.max(entry.relativeDistance, dDist);
        entry.samples += 1;
        worst.set(body, entry);
        const centuries = perCentury.get(body) ?? [0, 0, 0, 0, 0, 0];
        centuries[century] = Math.max(centuries[century] ?? 0, dLon);
        perCentury.set(body, centuries);
        const bound = accuracyBound(body, year) ?? Infinity;
        if (dLon > bound || dLat > bound) {
          failures.push(
            `${body} at JD(UT) ${jdUt}: Δλ ${dLon.toFixed(3)}″ Δβ ${dLat.toFixed(3)}″ > ${bound}″ (${command(args)})`,
          );
        }
        if (dSpeed > (SPEED_TOLERANCE[body] ?? DEFAULT_SPEED_TOLERANCE)) {
          failures.push(`${body} at JD(UT) ${jdUt}: speed off by ${dSpeed.toExponential(2)}°/day`);
        }
        if (body !== 'MeanNode' && body !== 'TrueNode' && body !== 'MeanApogee' && dDist > 3e-5) {
          failures.push(`${body} at JD(UT) ${jdUt}: distance off by ${dDist.toExponential(2)} (relative)`);
        }
      }
    }
    const table = BODIES.map((body) => {
      const w = worst.get(body);
      return {
        body,
        samples: w?.samples ?? 0,
        'max Δλ″': Number((w?.longitude ?? 0).toFixed(3)),
        'max Δβ″': Number((w?.latitude ?? 0).toFixed(3)),
        'max Δspeed °/d': Number((w?.speed ?? 0).toExponential(2)),
        'max Δr/r': Number((w?.relativeDistance ?? 0).toExponential(2)),
        'worst JD(UT)': Number((w?.at ?? 0).toFixed(4)),
        'target″': ACCURACY_TARGETS[body],
        'meets target': (w?.longitude ?? 0) <= ACCURACY_TARGETS[body],
      };
    });
    console.log(
      `swetest ${swetestVersion()}; ${SAMPLES} instants 1800–2400 UT (Pluto ${PLUTO_COVERAGE.start}–${PLUTO_COVERAGE.end} TT); largest errors:`,
    );
    console.table(table);
    console.table(
      BODIES.map((body) => ({
        body,
        ...Object.fromEntries(
          (perCentury.get(body) ?? []).map((value, i) => [
            `${1800 + 100 * i}s Δλ″`,
            Number(value.toFixed(3)),
          ]),
        ),
      })),
    );
    expect(fitSamplesHit).toBe(0);
    expect(failures).toEqual([]);
    // Every body, Pluto included, is sampled everywhere in 1800–2400 and meets the service's target.
    for (const body of BODIES) {
      expect(worst.get(body)?.samples, body).toBe(SAMPLES);
      expect(worst.get(body)?.longitude ?? Infinity, body).toBeLessThanOrEqual(ACCURACY_TARGETS[body]);
    }
  });
});
