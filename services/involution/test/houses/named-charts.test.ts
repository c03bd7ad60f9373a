/**
 * Named charts end to end: local birth time → UTC (tzdb + boundary data) → houses, compared with
 * swetest (generator of the expected cusps) at the resolved instant.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTzdb } from '../../src/adapters/tzdb-intl.js';
import { createZoneLocator } from '../../src/adapters/zone-locator-geo-tz.js';
import { housesAtUt } from '../../src/domain/houses/houses-at-time.js';
import { resolveLocalTime } from '../../src/domain/timezone/resolve-local-time.js';
import type { TimeZoneDatabase, ZoneLocator } from '../../src/domain/timezone/time-zone-database.js';
import { arcsecDiff, swetestHouses } from './swetest-oracle.js';

let db: TimeZoneDatabase;
let locator: ZoneLocator;

beforeAll(() => {
  db = createTzdb();
  locator = createZoneLocator();
});

const charts = [
  // Einstein: Ulm, 1879-03-14 11:30 local mean time of 9°59′ E → 10:50:04 UTC.
  { name: 'Einstein', local: { year: 1879, month: 3, day: 14, hour: 11, minute: 30 }, latitude: 48 + 24 / 60, longitude: 9 + 59 / 60, utc: '1879-03-14T10:50:04.000Z' },
  // Fort Knox, 1962-07-02 23:33 local → 1962-07-03 04:33 UTC.
  { name: 'Fort Knox', local: { year: 1962, month: 7, day: 2, hour: 23, minute: 33 }, latitude: 37.89, longitude: -85.96, utc: '1962-07-03T04:33:00.000Z' },
];

describe('named charts', () => {
  for (const chart of charts) {
    it(`${chart.name}: resolves to ${chart.utc} and its Placidus and Koch cusps match swetest within 1″`, () => {
      const t = resolveLocalTime({ local: chart.local, latitude: chart.latitude, longitude: chart.longitude }, db, locator);
      expect(t.utc).toBe(chart.utc);
      for (const [system, letter] of [['placidus', 'P'], ['koch', 'K']] as const) {
        const ours = housesAtUt(system, t.jdUt, { latitude: chart.latitude, longitude: chart.longitude });
        const ref = swetestHouses(t.jdUt, chart.longitude, chart.latitude, letter);
        ours.cusps.forEach((c, i) => expect(arcsecDiff(c, ref.cusps[i]!)).toBeLessThan(1));
        expect(arcsecDiff(ours.angles.vertex, ref.vertex)).toBeLessThan(1);
      }
    });
  }
});
