/**
 * Coordinates → IANA zone, offline, with `geo-tz`'s comprehensive data set (timezone-boundary-builder,
 * every tzdb zone, so that zones which differ only before 1970 are told apart). Chosen over
 * tz-lookup-style approximations for exact polygons near borders; costs ~70 MB on disk, loads
 * regions lazily (GEO_TZ_DATA_PATH overrides the data directory).
 */
import { find } from 'geo-tz/all';
import type { ZoneLocator } from '../domain/timezone/time-zone-database.js';

/** Creates the zone locator. */
export function createZoneLocator(): ZoneLocator {
  return {
    source: 'geo-tz (timezone-boundary-builder, comprehensive)',
    zonesAt(latitude: number, longitude: number): string[] {
      return find(latitude, longitude);
    },
  };
}
