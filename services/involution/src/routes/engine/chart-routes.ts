/**
 * The engine's chart endpoints: POST /calculate (the guide's body), /houses, /v1/chart and
 * /calculate-with-time-resolution.
 */
import type { ServiceApp } from '@svc/kernel';
import { parseAyanamsa } from '../../domain/ayanamsa/ayanamsa-catalog.js';
import { computeAspects, computeHouses, type ChartInput } from '../../domain/chart/compute-chart.js';
import { resolveOrbs } from '../../domain/chart/aspects.js';
import { parseBirthTime } from '../../domain/chart/birth-time.js';
import { parseHouseSystem } from '../../domain/houses/house-system.js';
import { runDomain } from '../domain-errors.js';
import { resolveRequest, timeAnswer } from '../time/time-answer.js';
import { answerCached, canonicalChart, positionsAnswer, prepareChart } from './chart-answer.js';
import type { EngineState } from './engine-state.js';
import { calculateBody, calculateLocalBody, chartBody, housesBody } from './request-schemas.js';

/** Registers the chart endpoints. */
export function registerChartRoutes(app: ServiceApp, state: EngineState): void {
  app.post(
    '/calculate',
    {
      schema: {
        summary: 'Apparent positions keyed by body name',
        description: 'birth_time must carry a zone. Answers {data:{Sun:{longitude, latitude, distance, speed, retrograde, sign}, …}, meta}. ETag + If-None-Match → 304.',
        tags: ['ephemeris'],
        body: calculateBody,
      },
    },
    async (request, reply) => {
      const body = request.body;
      const birth = runDomain(() => parseBirthTime(body.birth_time, body.calendar ?? 'auto'));
      const chart = prepareChart(state, birth.jdUt, body);
      const canonical = { ...canonicalChart(chart), calendar: birth.calendar };
      return answerCached(state, request, reply, '/calculate', canonical, () => {
        const { result, houses, meta } = positionsAnswer(state, chart, { birth_time: body.birth_time, calendar: birth.calendar });
        return { data: result.positions, ...(houses ? { houses } : {}), meta };
      });
    },
  );

  app.post(
    '/houses',
    {
      schema: {
        summary: 'House cusps and angles (ASC, MC, ARMC, Vertex)',
        tags: ['houses'],
        body: housesBody,
      },
    },
    async (request, reply) => {
      const body = request.body;
      const birth = runDomain(() => parseBirthTime(body.birth_time, body.calendar ?? 'auto'));
      const system = runDomain(() => parseHouseSystem(body.system ?? 'placidus', 'system'));
      const ayanamsa = runDomain(() => parseAyanamsa(body.ayanamsa ?? 'lahiri', 'ayanamsa'));
      const zodiac = body.zodiac ?? 'tropical';
      const input: ChartInput = { jdUt: birth.jdUt, latitude: body.latitude, longitude: body.longitude, elevation: 0, zodiac, ayanamsa, topocentric: false };
      const canonical = { jd_ut: birth.jdUt, latitude: body.latitude, longitude: body.longitude, system, zodiac, ayanamsa: zodiac === 'sidereal' ? ayanamsa : undefined };
      return answerCached(state, request, reply, '/houses', canonical, () => {
        const houses = computeHouses(system, input);
        return {
          data: houses,
          meta: {
            service_version: state.settings.version,
            birth_time: body.birth_time,
            calendar: birth.calendar,
            jd_ut: birth.jdUt,
            zodiac,
            ayanamsa: zodiac === 'sidereal' ? ayanamsa : null,
            latitude: body.latitude,
            longitude: body.longitude,
          },
        };
      });
    },
  );

  app.post(
    '/v1/chart',
    {
      schema: {
        summary: 'Positions, houses and aspects with orbs',
        description: 'houses defaults to placidus; aspects.include and aspects.orbs (degrees) configure the aspects looked for.',
        tags: ['ephemeris'],
        body: chartBody,
      },
    },
    async (request, reply) => {
      const body = request.body;
      const birth = runDomain(() => parseBirthTime(body.birth_time, body.calendar ?? 'auto'));
      const chart = prepareChart(state, birth.jdUt, { ...body, houses: body.houses ?? 'placidus' });
      const orbs = runDomain(() => resolveOrbs(body.aspects?.orbs ?? {}, body.aspects?.include));
      const canonical = { ...canonicalChart(chart), calendar: birth.calendar, orbs };
      return answerCached(state, request, reply, '/v1/chart', canonical, () => {
        const { result, houses, meta } = positionsAnswer(state, chart, { birth_time: body.birth_time, calendar: birth.calendar, orbs });
        const aspects = computeAspects(result.positions, houses, orbs).map((a) => ({
          point1: a.point1,
          point2: a.point2,
          aspect: a.aspect,
          exact_angle: a.exactAngle,
          separation: a.separation,
          orb: a.orb,
          applying: a.applying ?? null,
        }));
        return { data: { positions: result.positions, houses, aspects }, meta };
      });
    },
  );

  app.post(
    '/calculate-with-time-resolution',
    {
      schema: {
        summary: 'Local time and place → UTC (tzdb history, LMT) → positions',
        tags: ['ephemeris', 'time'],
        body: calculateLocalBody,
      },
    },
    async (request, reply) => {
      const body = request.body;
      const resolved = resolveRequest(body, state.time);
      const chart = prepareChart(state, resolved.jdUt, body);
      const canonical = { ...canonicalChart(chart), tzdb: resolved.tzdbVersion, resolution: resolved.method };
      return answerCached(state, request, reply, '/calculate-with-time-resolution', canonical, () => {
        const { result, houses, meta } = positionsAnswer(state, chart, { local_time: body.local_time, time_resolution: timeAnswer(resolved) });
        return { data: result.positions, ...(houses ? { houses } : {}), meta };
      });
    },
  );
}
