/**
 * Turns engine requests into answers: validates names and coverage, then computes through the cache,
 * with the request hash as ETag (304 on If-None-Match).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches, requestKey } from '../../adapters/position-cache.js';
import { parseAyanamsa, type AyanamsaName } from '../../domain/ayanamsa/ayanamsa-catalog.js';
import { selectBodies } from '../../domain/chart/body-selection.js';
import { assertCovered, computeHouses, computePositions, type ChartInput, type HousesAnswer, type PositionsResult, type Zodiac } from '../../domain/chart/compute-chart.js';
import type { ChartBody } from '../../domain/chart/chart-ephemeris.js';
import { accuracyBound } from '../../domain/ephemeris/analytic-accuracy.js';
import { isBody, type Body } from '../../domain/ephemeris/bodies.js';
import { CompositeEphemerisProvider } from '../../domain/spk-provider/composite-provider.js';
import { parseHouseSystem, type HouseSystem } from '../../domain/houses/house-system.js';
import { calendarDate } from '../../domain/time/julian-day.js';
import { ttFromUt } from '../../domain/time/delta-t.js';
import { runDomain } from '../domain-errors.js';
import type { EngineState } from './engine-state.js';

/** Chart fields common to every engine request, once the time is known. */
export interface ChartFields {
  latitude: number;
  longitude: number;
  elevation?: number | undefined;
  zodiac?: Zodiac | undefined;
  ayanamsa?: string | undefined;
  bodies?: string[] | undefined;
  topocentric?: boolean | undefined;
  houses?: string | undefined;
}

/** A validated chart request. */
export interface PreparedChart {
  input: ChartInput;
  bodies: ChartBody[];
  omitted: Body[];
  houseSystem: HouseSystem | undefined;
}

/**
 * Validates names and coverage before anything is hashed or computed.
 * @throws ServiceError 422 naming `ayanamsa`, `bodies`, `houses` or `birth_time`.
 */
export function prepareChart(state: EngineState, jdUt: number, fields: ChartFields, houseField = 'houses'): PreparedChart {
  return runDomain(() => {
    const ayanamsa: AyanamsaName = parseAyanamsa(fields.ayanamsa ?? 'lahiri', 'ayanamsa');
    const jdTt = ttFromUt(jdUt);
    assertCovered(state.provider, jdTt);
    const { bodies, omitted } = selectBodies(fields.bodies, state.provider, jdTt);
    for (const body of bodies) {
      if (!state.provider.supports(body, jdTt)) state.provider.position(body, jdTt); // throws the provider's own 422
    }
    const houseSystem = fields.houses === undefined ? undefined : parseHouseSystem(fields.houses, houseField);
    const input: ChartInput = {
      jdUt,
      latitude: fields.latitude,
      longitude: fields.longitude,
      elevation: fields.elevation ?? 0,
      zodiac: fields.zodiac ?? 'tropical',
      ayanamsa,
      topocentric: fields.topocentric ?? false,
    };
    return { input, bodies, omitted, houseSystem };
  });
}

/** The part of the request that changes the answer: what the cache key and ETag hash. */
export function canonicalChart(chart: PreparedChart): Record<string, unknown> {
  const { input } = chart;
  return {
    jd_ut: input.jdUt,
    latitude: input.latitude,
    longitude: input.longitude,
    elevation: input.elevation,
    zodiac: input.zodiac,
    // The ayanamsa changes nothing in a tropical chart; leaving it out lets those answers share a key.
    ayanamsa: input.zodiac === 'sidereal' ? input.ayanamsa : undefined,
    topocentric: input.topocentric,
    bodies: chart.bodies,
    houses: chart.houseSystem,
  };
}

/** Positions, houses and the meta block of a positions answer. */
export function positionsAnswer(state: EngineState, chart: PreparedChart, extraMeta: Record<string, unknown>): {
  result: PositionsResult;
  houses: HousesAnswer | undefined;
  meta: Record<string, unknown>;
} {
  const result = computePositions(state.provider, chart.input, chart.bodies);
  const houses = chart.houseSystem ? computeHouses(chart.houseSystem, chart.input) : undefined;
  return { result, houses, meta: chartMeta(state, chart, result, extraMeta) };
}

function chartMeta(state: EngineState, chart: PreparedChart, result: PositionsResult, extra: Record<string, unknown>): Record<string, unknown> {
  const { input } = chart;
  const ut = calendarDate(input.jdUt);
  const year = ut.year + (ut.month - 0.5) / 12;
  // With kernels configured, the lunar points (and bodies the kernels lack) still come from the analytic theories.
  const { provider } = state;
  const answeredBy = (body: ChartBody): string =>
    (provider instanceof CompositeEphemerisProvider ? provider.providerFor(body, result.jdTt)?.id : undefined) ?? provider.id;
  const bodyProviders: Record<string, string> = {};
  const accuracy: Record<string, number | null> = {};
  for (const body of chart.bodies) {
    bodyProviders[body] = answeredBy(body);
    // The analytic bounds are measured against Swiss Ephemeris; a kernel's answers (Chiron's always) are the kernel's own accuracy.
    accuracy[body] = isBody(body) && bodyProviders[body] === state.ephemeris.analytic.id ? (accuracyBound(body, year) ?? null) : null;
  }
  const warnings: string[] = [];
  if (chart.omitted.length > 0) {
    warnings.push(`${chart.omitted.join(', ')} left out: outside the ${state.provider.id} provider's range for this date.`);
  }
  return {
    ...extra,
    service_version: state.settings.version,
    provider: state.provider.id,
    body_providers: bodyProviders,
    kernel_set_tag: state.settings.kernelSetTag,
    coverage: { start_jd_tt: state.provider.coverage.start, end_jd_tt: state.provider.coverage.end },
    jd_ut: input.jdUt,
    jd_tt: result.jdTt,
    delta_t_seconds: result.deltaT,
    ut_calendar: ut,
    zodiac: input.zodiac,
    ayanamsa: result.ayanamsa
      ? { name: result.ayanamsa.name, display_name: result.ayanamsa.displayName, kind: result.ayanamsa.kind, value: result.ayanamsa.value }
      : null,
    frame: input.topocentric ? 'topocentric' : 'geocentric',
    reference: 'apparent place, true ecliptic and equinox of date (IAU 2006/2000 precession-nutation)',
    observer: input.topocentric ? { latitude: input.latitude, longitude: input.longitude, elevation: input.elevation } : null,
    omitted_bodies: chart.omitted,
    accuracy_arcsec: accuracy,
    warnings,
  };
}

/**
 * Answers through the ETag and the position cache: 304 when If-None-Match names the request's hash,
 * the cached body when present, else `compute()` (cached afterwards).
 */
export async function answerCached(
  state: EngineState,
  request: FastifyRequest,
  reply: FastifyReply,
  route: string,
  canonical: unknown,
  compute: () => object,
): Promise<object> {
  const { key, etag } = requestKey(route, canonical, `${state.provider.id}@${state.settings.version}`);
  reply.header('etag', etag);
  reply.header('cache-control', `public, max-age=${state.settings.cacheTtlSeconds}`);
  if (etagMatches(request.headers['if-none-match'], etag)) {
    state.counters.notModified++;
    return reply.code(304).send();
  }
  const cached = await state.cache.get(key);
  if (cached) {
    state.counters.cacheHits++;
    reply.header('x-cache', 'HIT');
    return cached;
  }
  const body = runDomain(compute);
  state.counters.computed++;
  await state.cache.set(key, body);
  reply.header('x-cache', state.cache.enabled ? 'MISS' : 'BYPASS');
  return body;
}
