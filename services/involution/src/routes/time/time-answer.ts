/**
 * Local time → UTC for HTTP: parses the request's fields, runs the domain resolver, and shapes the answer
 * in the API's snake_case. Shared by the time service and the engine's /calculate-with-time-resolution.
 */
import { parseLocalDateTime } from '../../domain/timezone/local-date-time.js';
import { resolveLocalTime, type FoldChoice, type GapChoice, type LmtMode, type ResolvedTime } from '../../domain/timezone/resolve-local-time.js';
import type { TimeZoneDatabase, ZoneLocator } from '../../domain/timezone/time-zone-database.js';
import { runDomain } from '../domain-errors.js';

/** The request fields the resolver reads. */
export interface LocalTimeRequest {
  local_time: string;
  latitude: number;
  longitude: number;
  zone?: string | undefined;
  lmt_mode?: LmtMode | undefined;
  fold?: FoldChoice | undefined;
  gap?: GapChoice | undefined;
}

/** The resolver's two data sources. */
export interface TimeSources {
  db: TimeZoneDatabase;
  locator: ZoneLocator;
}

/** Resolves a request, answering domain failures as 422s naming the field. */
export function resolveRequest(body: LocalTimeRequest, sources: TimeSources): ResolvedTime {
  return runDomain(() =>
    resolveLocalTime(
      {
        local: parseLocalDateTime(body.local_time, 'local_time'),
        latitude: body.latitude,
        longitude: body.longitude,
        ...(body.zone ? { zone: body.zone } : {}),
        ...(body.lmt_mode ? { lmt: body.lmt_mode } : {}),
        ...(body.fold ? { fold: body.fold } : {}),
        ...(body.gap ? { gap: body.gap } : {}),
      },
      sources.db,
      sources.locator,
    ),
  );
}

/** `+05:30`, `-05:50:36` for a UTC offset in seconds. */
export function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const s = Math.round(Math.abs(seconds));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const rest = s % 60;
  return `${sign}${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}${rest ? `:${pad(rest)}` : ''}`;
}

/** The answer body of POST /v1/time/resolve. */
export function timeAnswer(resolved: ResolvedTime): Record<string, unknown> {
  return {
    utc: resolved.utc,
    jd_ut: resolved.jdUt,
    zone: resolved.zone,
    zone_source: resolved.zoneSource,
    offset_seconds: resolved.offsetSeconds,
    offset: formatOffset(resolved.offsetSeconds),
    abbreviation: resolved.abbreviation,
    is_dst: resolved.isDst,
    method: resolved.method,
    status: resolved.status,
    choices: resolved.choices.map((c) => ({
      label: c.label,
      utc: c.utc,
      offset_seconds: c.offsetSeconds,
      offset: formatOffset(c.offsetSeconds),
      abbreviation: c.abbreviation,
      is_dst: c.isDst,
    })),
    warnings: resolved.warnings,
    tzdb_version: resolved.tzdbVersion,
    provenance: { tzdb_version: resolved.tzdbVersion, boundary_source: resolved.boundarySource, tz_engine: 'ICU (Node Intl)' },
  };
}
