/**
 * The engine's other endpoints: /houses, /v1/chart, /calculate-with-time-resolution (Einstein),
 * /health, /info, /version and /debug. Expected cusps and positions come from fresh swetest runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracyBound } from '../../src/domain/ephemeris/analytic-accuracy.js';
import type { Body } from '../../src/domain/ephemeris/bodies.js';
import { writeSpk } from '../../src/domain/spk/spk-writer.js';
import { arcsecDiff, swetestHouses } from '../houses/swetest-oracle.js';
import { arcsecDifference, command, parseRows, runSwetest } from '../oracle/swetest-oracle.js';
import { buildEngine } from './engine-app.js';

type Engine = Awaited<ReturnType<typeof buildEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await buildEngine();
});

interface HousesData { system: string; cusps: number[]; angles: { ascendant: number; mc: number; armc: number; vertex: number } }
interface AspectRow { point1: string; point2: string; aspect: string; exact_angle: number; separation: number; orb: number }
interface PositionRow { longitude: number; sign: string }
/** The union of the answer shapes these tests read; each test reads the part its route returns. */
interface Answer {
  code?: string;
  details?: unknown;
  data: HousesData & { positions: Record<string, PositionRow>; houses: HousesData; aspects: AspectRow[] } & Record<string, PositionRow>;
  meta: { jd_ut: number; time_resolution: Record<string, unknown> };
  houses: HousesData;
}

async function post(url: string, payload: object): Promise<{ status: number; body: Answer }> {
  const response = await engine.app.inject({ method: 'POST', url, payload });
  return { status: response.statusCode, body: response.json<Answer>() };
}

// Fort Knox, 1962-07-03 04:33 UT, 37.89 N 85.96 W.
const fortKnox = { birth_time: '1962-07-03T04:33:00Z', latitude: 37.89, longitude: -85.96 };
const fortKnoxJd = 2437848.689583333;

describe('POST /houses', () => {
  it('matches swetest Placidus cusps and angles within 1″', async () => {
    const { status, body } = await post('/houses', { ...fortKnox, system: 'placidus' });
    expect(status).toBe(200);
    const ref = swetestHouses(fortKnoxJd, -85.96, 37.89, 'P');
    body.data.cusps.forEach((cusp, i) => expect(arcsecDiff(cusp, ref.cusps[i]!), `cusp ${i + 1}`).toBeLessThan(1));
    expect(arcsecDiff(body.data.angles.ascendant, ref.ascendant)).toBeLessThan(1);
    expect(arcsecDiff(body.data.angles.mc, ref.mc)).toBeLessThan(1);
    expect(arcsecDiff(body.data.angles.armc, ref.armc)).toBeLessThan(1);
    expect(arcsecDiff(body.data.angles.vertex, ref.vertex)).toBeLessThan(1);
    expect(body.meta.jd_ut).toBeCloseTo(fortKnoxJd, 9);
  });

  it('accepts the letters and answers Koch by default name', async () => {
    const { body } = await post('/houses', { ...fortKnox, system: 'K' });
    expect(body.data.system).toBe('koch');
  });

  it('refuses Placidus inside the polar circle with a clear 422', async () => {
    const { status, body } = await post('/houses', { ...fortKnox, latitude: 70, system: 'placidus' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_HOUSES_POLAR' });
  });

  it('refuses an unknown system naming the field and listing the valid ones', async () => {
    const { status, body } = await post('/houses', { ...fortKnox, system: 'meridian-x' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_UNKNOWN_HOUSE_SYSTEM', details: { field: 'system', valid: ['placidus', 'koch', 'porphyry', 'regiomontanus', 'campanus', 'equal', 'whole_sign'] } });
  });

  it('subtracts the ayanamsa from sidereal cusps but not from ARMC', async () => {
    const tropical = (await post('/houses', { ...fortKnox, system: 'equal' })).body.data;
    const sidereal = (await post('/houses', { ...fortKnox, system: 'equal', zodiac: 'sidereal', ayanamsa: 'lahiri' })).body.data;
    const shift = (tropical.cusps[0]! - sidereal.cusps[0]! + 360) % 360;
    expect(shift).toBeGreaterThan(23.2);
    expect(shift).toBeLessThan(23.4);
    expect(sidereal.angles.armc).toBe(tropical.angles.armc);
  });
});

describe('POST /v1/chart', () => {
  const einstein = { birth_time: '1879-03-14T10:50:04Z', latitude: 48.4, longitude: 9.9833 };

  it('answers positions, houses and aspects whose orbs are within the configured limits', async () => {
    const { status, body } = await post('/v1/chart', einstein);
    expect(status).toBe(200);
    const { positions, houses, aspects } = body.data;
    expect(houses.system).toBe('placidus');
    expect(Object.keys(positions)).toContain('Saturn');
    const limits: Record<string, number> = { conjunction: 8, opposition: 8, trine: 8, square: 7, sextile: 6 };
    expect(aspects.length).toBeGreaterThan(0);
    for (const a of aspects) {
      expect(a.orb).toBeCloseTo(Math.abs(a.separation - a.exact_angle), 12);
      expect(a.orb).toBeLessThanOrEqual(limits[a.aspect]!);
    }
    // Einstein's Mercury–Saturn conjunction in Aries, about 1° apart.
    const conjunction = aspects.find((a) => a.point1 === 'Mercury' && a.point2 === 'Saturn');
    expect(conjunction).toMatchObject({ aspect: 'conjunction' });
    expect(conjunction!.orb).toBeGreaterThan(1);
    expect(conjunction!.orb).toBeLessThan(1.1);
  });

  it('honours configured orbs and aspect lists', async () => {
    const tight = (await post('/v1/chart', { ...einstein, aspects: { orbs: { conjunction: 1 } } })).body.data.aspects;
    expect(tight.some((a) => a.point1 === 'Mercury' && a.point2 === 'Saturn')).toBe(false);
    const onlyTrines = (await post('/v1/chart', { ...einstein, aspects: { include: ['trine'] } })).body.data.aspects;
    expect(onlyTrines.length).toBeGreaterThan(0);
    expect(onlyTrines.every((a) => a.aspect === 'trine')).toBe(true);
  });

  it('refuses an unknown aspect naming the field', async () => {
    const { status, body } = await post('/v1/chart', { ...einstein, aspects: { include: ['biquintile-x'] } });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_INVALID_INPUT', details: { field: 'aspects' } });
  });
});

describe('POST /calculate-with-time-resolution', () => {
  it('resolves Einstein (1879-03-14 11:30 LMT, Ulm) to 10:50:04 UT and matches swetest there', async () => {
    const { status, body } = await post('/calculate-with-time-resolution', {
      local_time: '1879-03-14T11:30:00',
      latitude: 48 + 24 / 60,
      longitude: 9 + 59 / 60,
      houses: 'placidus',
    });
    expect(status).toBe(200);
    expect(body.meta.time_resolution).toMatchObject({ utc: '1879-03-14T10:50:04.000Z', method: 'lmt-longitude', zone: 'Europe/Berlin' });
    const args = ['-b14.3.1879', '-ut10:50:04', '-p0123456789', '-fPlbRs', '-head'];
    const rows = parseRows(runSwetest(args));
    for (const row of rows) {
      if (row.body === 'Pluto') continue;
      const ours = body.data[row.body]!;
      expect(Math.abs(arcsecDifference(ours.longitude, row.longitude)), `${row.body}: ${command(args)}`).toBeLessThanOrEqual(accuracyBound(row.body as Body, 1879)!);
    }
    expect(body.data['Sun']!.sign).toBe('Pisces');
    expect(body.data['Moon']!.sign).toBe('Sagittarius');
    const ref = swetestHouses(body.meta.jd_ut, 9 + 59 / 60, 48 + 24 / 60, 'P');
    body.houses.cusps.forEach((cusp, i) => expect(arcsecDiff(cusp, ref.cusps[i]!), `cusp ${i + 1}`).toBeLessThan(1));
  });

  it('refuses a local time carrying a zone, naming local_time', async () => {
    const { status, body } = await post('/calculate-with-time-resolution', { local_time: '1879-03-14T11:30:00Z', latitude: 48.4, longitude: 9.98 });
    expect(status).toBe(422);
    expect(body).toMatchObject({ details: { field: 'local_time' } });
  });
});

describe('operations', () => {
  it('reports the five checks in /health, with an uptime that increases', async () => {
    const first = (await engine.app.inject('/health')).json<{ status: string; checks: Record<string, { status: string; uptime_seconds?: number }> }>();
    expect(Object.keys(first.checks).sort()).toEqual(['ephemeris', 'performance', 'security', 'system', 'time_resolver']);
    for (const name of ['ephemeris', 'security', 'system', 'time_resolver']) expect(first.checks[name]!.status, name).toBe('ok');
    await sleep(30);
    const second = (await engine.app.inject('/health')).json<typeof first>();
    expect(second.checks['system']!.uptime_seconds!).toBeGreaterThan(first.checks['system']!.uptime_seconds!);
  });

  it('reports refused requests and a degraded security check when limits are off', async () => {
    const open = await buildEngine({ DISABLE_RATE_LIMIT: '1' });
    const health = (await open.app.inject('/health')).json<{ checks: { security: { status: string; findings: string[] } } }>();
    expect(health.checks.security.status).toBe('degraded');
    expect(health.checks.security.findings).toEqual(['rate limiting is disabled (DISABLE_RATE_LIMIT=1)']);
  });

  it('lists providers, coverage, accuracy and the kernels found in /info', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'involution-kernels-'));
    writeFileSync(
      join(dir, 'de440s.bsp'),
      writeSpk('test kernel', [{ target: 3, center: 0, frame: 1, dataType: 2, name: 'EMB', init: 0, intervalLength: 86400 * 32, records: [[[1, 0], [2, 0], [3, 0]]] }]),
    );
    const withKernels = await buildEngine({ KERNELS_PATH: dir });
    interface Info { providers: { accuracy: { measured_arcsec: Record<string, unknown[]> } }[]; kernels: unknown }
    const info = (await withKernels.app.inject('/info')).json<Info>();
    expect(info.providers[0]).toMatchObject({ id: 'analytic-vsop87b-elpmpp02', coverage: { start_year: 1400, end_year: 2600 } });
    expect(info.providers[0]!.accuracy.measured_arcsec['Neptune']).toHaveLength(6);
    expect(info.kernels).toMatchObject({ found: true, kernel_set_tag: 'DE440', files: [join(dir, 'de440s.bsp')], bodies: [{ naif_id: 3, center: 0, start_year: 2000, end_year: 2000 }] });
    const none = (await engine.app.inject('/info')).json<Info>();
    expect(none.kernels).toMatchObject({ found: false, kernels_path: '/nonexistent-kernels' });
  });

  it('documents every endpoint in /openapi.json', async () => {
    const spec = (await engine.app.inject('/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/calculate', '/houses', '/v1/chart', '/calculate-with-time-resolution', '/info', '/version', '/health', '/metrics']));
  });

  it('counts computed, cached and 304 answers in /metrics', async () => {
    const counted = await buildEngine();
    const payload = { ...fortKnox, birth_time: '1962-07-03T04:34:00Z' };
    const first = await counted.app.inject({ method: 'POST', url: '/calculate', payload });
    await counted.app.inject({ method: 'POST', url: '/calculate', payload });
    await counted.app.inject({ method: 'POST', url: '/calculate', payload, headers: { 'if-none-match': first.headers['etag'] as string } });
    const text = (await counted.app.inject('/metrics')).body;
    expect(text).toContain('involution_engine_position_answers{served="computed"} 1');
    expect(text).toContain('involution_engine_position_answers{served="cache"} 1');
    expect(text).toContain('involution_engine_position_answers{served="not_modified"} 1');
  });

  it('ignores X-Forwarded-For from an untrusted peer: spoofed addresses share one rate limit', async () => {
    const limited = await buildEngine({ RATE_LIMIT_REQUESTS: '2' });
    const statuses: number[] = [];
    for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
      statuses.push((await limited.app.inject({ url: '/version', headers: { 'x-forwarded-for': spoofed } })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const health = (await limited.app.inject('/health')).json<{ checks: { security: { blocked_requests: number } } }>();
    expect(health.checks.security.blocked_requests).toBe(1);
  });

  it('answers /version', async () => {
    expect((await engine.app.inject('/version')).json()).toMatchObject({ service: 'involution-engine', version: '0.2.0' });
  });

  it('serves /debug only with DEBUG=1 outside production', async () => {
    expect((await engine.app.inject('/debug')).statusCode).toBe(404);
    const debug = await buildEngine({ DEBUG: '1' });
    const answer = await debug.app.inject('/debug');
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ pid: process.pid, provider: 'analytic-vsop87b-elpmpp02' });
    const production = await buildEngine({ DEBUG: '1', ENVIRONMENT: 'production' });
    expect((await production.app.inject('/debug')).statusCode).toBe(404);
  });
});
