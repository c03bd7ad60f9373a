/**
 * `involution chart`: a chart in the terminal from the same code the engine serves. A time without a
 * zone is resolved through tzdb from the coordinates (as /calculate-with-time-resolution does).
 */
import { createTzdb } from '../adapters/tzdb-intl.js';
import { createZoneLocator } from '../adapters/zone-locator-geo-tz.js';
import { parseAyanamsa } from '../domain/ayanamsa/ayanamsa-catalog.js';
import { parseBirthTime } from '../domain/chart/birth-time.js';
import { selectBodies } from '../domain/chart/body-selection.js';
import { chartTable } from '../domain/chart/chart-table.js';
import { computeHouses, computePositions, type ChartInput, type Zodiac } from '../domain/chart/compute-chart.js';
import { AnalyticEphemerisProvider } from '../domain/ephemeris/analytic-provider.js';
import { parseHouseSystem } from '../domain/houses/house-system.js';
import { ttFromUt } from '../domain/time/delta-t.js';
import { parseLocalDateTime } from '../domain/timezone/local-date-time.js';
import { resolveLocalTime, type LmtMode } from '../domain/timezone/resolve-local-time.js';

/** Options of `involution chart`. */
export interface ChartCommandOptions {
  time: string;
  lat: number;
  lon: number;
  elev: number;
  houses?: string;
  zodiac: Zodiac;
  ayanamsa: string;
  bodies?: string;
  topocentric?: boolean;
  zone?: string;
  lmt: LmtMode;
  json?: boolean;
}

const HAS_ZONE = /(Z|z|[+-]\d{2}(:?\d{2})?)$/;

/** Computes the chart and returns the text to print. @throws InvolutionError on bad input. */
export function chartCommand(options: ChartCommandOptions): string {
  const header: string[] = [];
  let jdUt: number;
  const text = options.time.trim();
  // A trailing "-05" could be a zone or part of a date; dates always have a T or space before the time.
  if (HAS_ZONE.test(text) && /[T ]\d{2}:\d{2}/.test(text)) {
    const birth = parseBirthTime(text);
    jdUt = birth.jdUt;
    header.push(`Time      ${text} (${birth.calendar} calendar)`);
  } else {
    const resolved = resolveLocalTime(
      { local: parseLocalDateTime(text, 'time'), latitude: options.lat, longitude: options.lon, lmt: options.lmt, ...(options.zone ? { zone: options.zone } : {}) },
      createTzdb(),
      createZoneLocator(),
    );
    jdUt = resolved.jdUt;
    header.push(`Time      ${text} local → ${resolved.utc} (${resolved.zone}, ${resolved.abbreviation}, ${resolved.method}, tzdb ${resolved.tzdbVersion})`);
    for (const warning of resolved.warnings) header.push(`Note      ${warning}`);
  }
  const provider = new AnalyticEphemerisProvider();
  const ayanamsa = parseAyanamsa(options.ayanamsa);
  const { bodies } = selectBodies(options.bodies?.split(',').map((b) => b.trim()), provider, ttFromUt(jdUt));
  const input: ChartInput = { jdUt, latitude: options.lat, longitude: options.lon, elevation: options.elev, zodiac: options.zodiac, ayanamsa, topocentric: options.topocentric ?? false };
  const result = computePositions(provider, input, bodies);
  const houses = options.houses ? computeHouses(parseHouseSystem(options.houses, 'houses'), input) : undefined;
  if (options.json) return `${JSON.stringify({ data: result.positions, ...(houses ? { houses } : {}), meta: { jd_ut: jdUt, jd_tt: result.jdTt, delta_t_seconds: result.deltaT, provider: provider.id } }, null, 2)}\n`;
  header.push(`Place     ${options.lat}°, ${options.lon}°${options.topocentric ? ` (topocentric, ${options.elev} m)` : ' (geocentric)'}`);
  header.push(`Zodiac    ${options.zodiac}${result.ayanamsa ? ` (${result.ayanamsa.displayName} ${result.ayanamsa.value.toFixed(6)}°)` : ''}`);
  header.push(`JD (UT)   ${jdUt.toFixed(6)}   ΔT ${result.deltaT.toFixed(2)} s   provider ${provider.id}`);
  return `${header.join('\n')}\n\n${chartTable(result.positions, houses)}`;
}
