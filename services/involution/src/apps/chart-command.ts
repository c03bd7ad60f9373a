/**
 * `involution chart`: a chart in the terminal from the same code and the same ephemeris the engine
 * serves (the kernels KERNELS_PATH / KERNEL_SET_TAG / METAKERNEL_PATH point at, else the analytic
 * theories). A time without a zone is resolved through tzdb from the coordinates (as
 * /calculate-with-time-resolution does).
 */
import type { KernelLocation } from '../adapters/kernel-files.js';
import { createTzdb } from '../adapters/tzdb-intl.js';
import { createZoneLocator } from '../adapters/zone-locator-geo-tz.js';
import { parseAyanamsa } from '../domain/ayanamsa/ayanamsa-catalog.js';
import { parseBirthTime } from '../domain/chart/birth-time.js';
import { selectBodies } from '../domain/chart/body-selection.js';
import type { ChartEphemeris } from '../domain/chart/chart-ephemeris.js';
import { chartTable } from '../domain/chart/chart-table.js';
import { assertCovered, computeHouses, computePositions, type ChartInput, type Zodiac } from '../domain/chart/compute-chart.js';
import { parseHouseSystem } from '../domain/houses/house-system.js';
import { ttFromUt } from '../domain/time/delta-t.js';
import { parseLocalDateTime } from '../domain/timezone/local-date-time.js';
import { resolveLocalTime, type LmtMode } from '../domain/timezone/resolve-local-time.js';
import { chooseEphemeris } from './engine-provider.js';

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

/**
 * Computes the chart with the ephemeris `location` points at and returns the text to print.
 * @throws InvolutionError on bad input, Chiron without a kernel that holds it, a date outside the kernels.
 */
export function chartCommand(options: ChartCommandOptions, location: KernelLocation): string {
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
  const ephemeris = chooseEphemeris(location);
  if (ephemeris.kernelProblem) header.push(`Note      kernels found but not used: ${ephemeris.kernelProblem}`);
  try {
    return render(options, header, jdUt, ephemeris.provider);
  } finally {
    ephemeris.close();
  }
}

function render(options: ChartCommandOptions, header: string[], jdUt: number, provider: ChartEphemeris): string {
  const ayanamsa = parseAyanamsa(options.ayanamsa);
  const jdTt = ttFromUt(jdUt);
  assertCovered(provider, jdTt);
  const { bodies } = selectBodies(options.bodies?.split(',').map((b) => b.trim()), provider, jdTt);
  for (const body of bodies) {
    if (!provider.supports(body, jdTt)) provider.position(body, jdTt); // throws the provider's own out-of-range error
  }
  const input: ChartInput = { jdUt, latitude: options.lat, longitude: options.lon, elevation: options.elev, zodiac: options.zodiac, ayanamsa, topocentric: options.topocentric ?? false };
  const result = computePositions(provider, input, bodies);
  const houses = options.houses ? computeHouses(parseHouseSystem(options.houses, 'houses'), input) : undefined;
  if (options.json) return `${JSON.stringify({ data: result.positions, ...(houses ? { houses } : {}), meta: { jd_ut: jdUt, jd_tt: result.jdTt, delta_t_seconds: result.deltaT, provider: provider.id } }, null, 2)}\n`;
  header.push(`Place     ${options.lat}°, ${options.lon}°${options.topocentric ? ` (topocentric, ${options.elev} m)` : ' (geocentric)'}`);
  header.push(`Zodiac    ${options.zodiac}${result.ayanamsa ? ` (${result.ayanamsa.displayName} ${result.ayanamsa.value.toFixed(6)}°)` : ''}`);
  header.push(`JD (UT)   ${jdUt.toFixed(6)}   ΔT ${result.deltaT.toFixed(2)} s   provider ${provider.id}`);
  return `${header.join('\n')}\n\n${chartTable(result.positions, houses)}`;
}
