/** What the resolver needs from a time-zone database and a zone map (implemented in adapters/). */

/** The offset a zone observed at one UTC instant. */
export interface ZoneOffset {
  /** UTC offset in seconds, east positive (may carry a fraction for LMT). */
  offsetSeconds: number;
  /** tzdb abbreviation, e.g. `EST`, `CEST`, `LMT`. */
  abbreviation: string;
  /** Daylight-saving in effect. */
  isDst: boolean;
  /** Local mean time: the zone had not yet adopted standard time. */
  isLmt: boolean;
}

/** A compiled IANA tzdb with full history. */
export interface TimeZoneDatabase {
  /** tzdb release, e.g. `2026b`. */
  readonly version: string;
  /** Whether a zone identifier (or link) exists. */
  hasZone(zone: string): boolean;
  /** UTC offset in seconds observed by `zone` at `utcSeconds` (seconds since 1970-01-01T00:00Z). Fast. */
  offsetAt(zone: string, utcSeconds: number): number;
  /** Offset with abbreviation and flags at `utcSeconds`. Slower; called for the final readings only. */
  describe(zone: string, utcSeconds: number): ZoneOffset;
}

/** Maps coordinates to IANA zone identifiers, offline. */
export interface ZoneLocator {
  /** Name of the boundary data set, for provenance. */
  readonly source: string;
  /** Zones at the point (usually one; several on disputed or shared borders). */
  zonesAt(latitude: number, longitude: number): string[];
}
