/**
 * Places where the zone picked from modern boundaries describes the past wrongly and tzdb holds a
 * better zone for earlier dates. Boundary data (timezone-boundary-builder) follows today's lines;
 * tzdb zones carry history only for their reference area (tzdb's own rule: a zone's data before 1970
 * are those of its named place). Entries here are deliberately few and each names its evidence and
 * says what is tzdb's and what is ours.
 */
export interface HistoricalZoneRefinement {
  /** Zone the boundary data returns. */
  modernZone: string;
  /** Zone whose tzdb history applies to the area before `until`. */
  historicalZone: string;
  /** Wall-clock instant (seconds since 1970, as if UTC) before which the refinement applies. */
  untilWallClockSeconds: number;
  /** Outline of the area, [latitude, longitude] vertices in degrees (a simple polygon). */
  area: readonly (readonly [number, number])[];
  reason: string;
}

/**
 * Hardin, Meade and Bullitt counties, Kentucky (Fort Knox lies in all three, its post at 37.89 N,
 * 85.96 W in Hardin). Vertices follow the county lines to within ~3 km on the east and south-east,
 * where Spencer, Nelson and Larue counties (also America/New_York today) must stay outside; to the
 * west and south the outline runs past the county lines into Breckinridge, Grayson and Hart
 * counties and to the north across the Ohio River and into Jefferson County, which is harmless:
 * the boundary data put those in America/Chicago, America/Kentucky/Louisville or Indiana zones,
 * never in America/New_York, so the refinement never applies there.
 */
const HARDIN_MEADE_BULLITT: readonly (readonly [number, number])[] = [
  [38.15, -86.5],
  [38.15, -85.5],
  [37.95, -85.45],
  [37.8, -85.72],
  [37.58, -85.78],
  [37.42, -86.0],
  [37.42, -86.5],
];

export const HISTORICAL_ZONE_REFINEMENTS: readonly HistoricalZoneRefinement[] = [
  {
    // Evidence and inference, kept apart:
    // - tzdb (northamerica, Zone America/Kentucky/Louisville; zone1970.tab "KY (Louisville area)"):
    //   Louisville kept CST/CDT until 1961-07-23, then EST all year to 1968, then US Eastern rules.
    //   tzdb says nothing about Hardin, Meade or Bullitt counties or Fort Knox.
    // - tzdb's America/New_York before 1967 is New York City's own summer time (Rule NYC), which
    //   Kentucky did not share; by tzdb's convention it says nothing about Kentucky before 1970.
    // - timezone-boundary-builder (OSM) draws America/Kentucky/Louisville as Jefferson County KY with
    //   Clark, Floyd and Harrison counties IN, and puts Hardin, Meade and Bullitt in
    //   America/New_York, which we follow from 1970 on (so in 1974, when tzdb's Louisville kept -5,
    //   they get New York's emergency daylight time, as the boundary data imply).
    // - Ours: before 1970 these three counties, the Louisville area's neighbours, are given
    //   Louisville's tzdb history. It reproduces the named chart (Fort Knox 1962-07-02 23:33
    //   local = 04:33 UTC, i.e. -5), which New York's EDT (03:33 UTC) would not.
    modernZone: 'America/New_York',
    historicalZone: 'America/Kentucky/Louisville',
    untilWallClockSeconds: 0, // 1970-01-01, tzdb's cutoff: from then on the boundary data decide
    area: HARDIN_MEADE_BULLITT,
    reason:
      'Hardin, Meade and Bullitt counties (incl. Fort Knox) are given Louisville\'s tzdb history before 1970 (our inference: tzdb records no pre-1970 history for them, and America/New_York\'s is New York City\'s)',
  },
];

/** Ray casting: whether the point lies inside the polygon of [latitude, longitude] vertices. */
function insidePolygon(latitude: number, longitude: number, polygon: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [latI, lonI] = polygon[i]!;
    const [latJ, lonJ] = polygon[j]!;
    const crosses = latI > latitude !== latJ > latitude;
    if (crosses && longitude < ((lonJ - lonI) * (latitude - latI)) / (latJ - latI) + lonI) inside = !inside;
  }
  return inside;
}

/** The refinement for a point, zone and wall-clock reading, if any. */
export function historicalRefinement(
  zone: string,
  latitude: number,
  longitude: number,
  wallClockSeconds: number,
): HistoricalZoneRefinement | undefined {
  return HISTORICAL_ZONE_REFINEMENTS.find(
    (r) => r.modernZone === zone && wallClockSeconds < r.untilWallClockSeconds && insidePolygon(latitude, longitude, r.area),
  );
}
