/**
 * Places where the zone picked from modern boundaries describes the past wrongly and tzdb holds a
 * better zone for earlier dates. Boundary data (timezone-boundary-builder) follows today's lines;
 * tzdb zones carry history only for their reference area. Entries here are deliberately few and
 * each names its evidence.
 */
export interface HistoricalZoneRefinement {
  /** Zone the boundary data returns. */
  modernZone: string;
  /** Zone whose tzdb history applies to the area before `until`. */
  historicalZone: string;
  /** Wall-clock instant (seconds since 1970, as if UTC) before which the refinement applies. */
  untilWallClockSeconds: number;
  box: { south: number; north: number; west: number; east: number };
  reason: string;
}

export const HISTORICAL_ZONE_REFINEMENTS: readonly HistoricalZoneRefinement[] = [
  {
    // Hardin, Meade and Bullitt counties (Fort Knox) around Louisville. tzdb's America/New_York has
    // EDT in the summers of 1961–1967, which Kentucky did not keep; the Louisville area followed
    // Louisville's time (tzdb America/Kentucky/Louisville: EST all year 1961-07-23 to 1968, then
    // Eastern with US rules). Modern boundaries put these counties in America/New_York.
    modernZone: 'America/New_York',
    historicalZone: 'America/Kentucky/Louisville',
    untilWallClockSeconds: 0, // 1970-01-01: the zones agree since then
    box: { south: 37.4, north: 38.15, west: -86.5, east: -85.4 },
    reason: 'Louisville area (Hardin, Meade, Bullitt counties incl. Fort Knox) kept Louisville time before 1970',
  },
];

/** The refinement for a point, zone and wall-clock reading, if any. */
export function historicalRefinement(
  zone: string,
  latitude: number,
  longitude: number,
  wallClockSeconds: number,
): HistoricalZoneRefinement | undefined {
  return HISTORICAL_ZONE_REFINEMENTS.find(
    (r) =>
      r.modernZone === zone &&
      wallClockSeconds < r.untilWallClockSeconds &&
      latitude >= r.box.south &&
      latitude <= r.box.north &&
      longitude >= r.box.west &&
      longitude <= r.box.east,
  );
}
