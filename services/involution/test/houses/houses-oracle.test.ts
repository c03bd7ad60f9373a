/**
 * Oracle sweep: house cusps and angles against swetest (Swiss Ephemeris 2.10, generator of every
 * expected value here), 210 seeded instants 1800–2400 at 30 random places within ±66° latitude,
 * for all seven systems. The maximum error is printed.
 */
import { describe, expect, it } from 'vitest';
import { housesAtUt } from '../../src/domain/houses/houses-at-time.js';
import { HOUSE_SYSTEMS, HOUSE_SYSTEM_NAMES } from '../../src/domain/houses/house-system.js';
import { arcsecDiff, seededRandom, swetestHouseSeries } from './swetest-oracle.js';

const JD_1800 = 2378496.5;
const JD_2400 = 2597641.5;
const PLACES = 30;
const STEPS = 7;

// 30 seeded places, each with 7 instants spread from ~1800 to 2400 at an irregular step (fractional
// days, so every instant has its own time of day): 210 instants per house system.
const random = seededRandom(0x1667f0df);
const places = Array.from({ length: PLACES }, () => {
  const start = Number((JD_1800 + random() * 20000).toFixed(6));
  return {
    start,
    step: Number((((JD_2400 - start) / (STEPS - 1)) * (0.6 + 0.4 * random())).toFixed(6)),
    lat: Number((-66 + random() * 132).toFixed(4)),
    lon: Number((-180 + random() * 360).toFixed(4)),
  };
});

describe('houses against swetest', () => {
  it('keeps every cusp, ASC, MC, ARMC, Vertex and East Point within 1″ for 210 instants × 7 systems', () => {
    let maxCusp = 0;
    let maxAngle = 0;
    let worst = '';
    let compared = 0;
    for (const { start, step, lat, lon } of places) {
      for (const system of HOUSE_SYSTEM_NAMES) {
        const refs = swetestHouseSeries(start, step, STEPS, lon, lat, HOUSE_SYSTEMS[system]);
        refs.forEach((ref, k) => {
          const jd = start + k * step;
          const ours = housesAtUt(system, jd, { latitude: lat, longitude: lon });
          compared++;
          ours.cusps.forEach((c, i) => {
            const d = arcsecDiff(c, ref.cusps[i]!);
            if (d > maxCusp) {
              maxCusp = d;
              worst = `${system} cusp ${i + 1} jd ${jd} lat ${lat} lon ${lon}`;
            }
          });
          for (const key of ['ascendant', 'mc', 'armc', 'vertex', 'eastPoint'] as const) {
            maxAngle = Math.max(maxAngle, arcsecDiff(ours.angles[key], ref[key]));
          }
        });
      }
    }
    console.log(`houses vs swetest (${compared} charts): max cusp error ${maxCusp.toFixed(4)}″ (${worst}), max angle error ${maxAngle.toFixed(4)}″`);
    expect(compared).toBe(PLACES * STEPS * HOUSE_SYSTEM_NAMES.length);
    expect(maxCusp).toBeLessThan(1);
    expect(maxAngle).toBeLessThan(1);
  });
});
