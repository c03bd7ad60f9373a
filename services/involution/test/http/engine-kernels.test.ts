/**
 * The engine with JPL kernels: KERNELS_PATH pointing at a de440s.bsp the test writes (fitted to the
 * analytic theories over 2000-01-01..2000-03-05, Pluto left out) makes the engine compute with the
 * SPK provider — the same apparent places as the analytic engine to 0.005″, labelled by provider — with
 * the analytic theories answering for the lunar points and for Pluto, which this kernel lacks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSpk } from '../../src/domain/spk/spk-writer.js';
import { analyticKernel, WINTER_2000 } from '../spk-provider/analytic-kernel.js';
import { buildEngine } from './engine-app.js';

type Engine = Awaited<ReturnType<typeof buildEngine>>;
interface Position { longitude: number; latitude: number; distance: number; speed: number; retrograde: boolean; sign: string }
interface Answer {
  data: Record<string, Position>;
  meta: { provider: string; body_providers: Record<string, string>; accuracy_arcsec: Record<string, number | null>; coverage: { start_jd_tt: number } };
  code?: string;
  details?: Record<string, unknown>;
}

const ANALYTIC = 'analytic-vsop87b-elpmpp02';
const dir = mkdtempSync(join(tmpdir(), 'involution-engine-kernels-'));
const unusableDir = mkdtempSync(join(tmpdir(), 'involution-engine-kernels-'));
let withKernels: Engine;
let analytic: Engine;

beforeAll(async () => {
  writeFileSync(join(dir, 'de440s.bsp'), analyticKernel({ ...WINTER_2000, planets: WINTER_2000.planets.filter((p) => p !== 'Pluto') }));
  // Only the Earth-Moon barycenter: found, but no apparent position can come from it.
  writeFileSync(
    join(unusableDir, 'de440s.bsp'),
    writeSpk('EMB ONLY', [{ target: 3, center: 0, frame: 1, dataType: 2, name: 'EMB', init: 0, intervalLength: 86400 * 32, records: [[[1, 0], [2, 0], [3, 0]]] }]),
  );
  withKernels = await buildEngine({ KERNELS_PATH: dir });
  analytic = await buildEngine();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(unusableDir, { recursive: true, force: true });
});

async function calculate(engine: Engine, payload: object): Promise<{ status: number; body: Answer }> {
  const response = await engine.app.inject({ method: 'POST', url: '/calculate', payload });
  return { status: response.statusCode, body: response.json<Answer>() };
}

const chart = { birth_time: '2000-02-10T07:45:00Z', latitude: 51.48, longitude: 0, elevation: 46, zodiac: 'tropical', ayanamsa: 'lahiri' };
const BODIES = ['Sun', 'Moon', 'Mercury', 'Venus', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune', 'Pluto', 'MeanNode', 'TrueNode', 'MeanApogee'];

describe('the engine with kernels in KERNELS_PATH', () => {
  it('answers /calculate from the kernel, the lunar points and missing bodies analytically, and says which answered', async () => {
    for (const topocentric of [false, true]) {
      const payload = { ...chart, bodies: BODIES, topocentric };
      const [spk, reference] = await Promise.all([calculate(withKernels, payload), calculate(analytic, payload)]);
      expect(spk.status).toBe(200);
      expect(spk.body.meta.provider).toBe('jpl-de440s');
      expect(reference.body.meta.provider).toBe(ANALYTIC);
      expect(spk.body.meta.body_providers).toMatchObject({ Sun: 'jpl-de440s', Moon: 'jpl-de440s', Neptune: 'jpl-de440s', Pluto: ANALYTIC, MeanNode: ANALYTIC, TrueNode: ANALYTIC, MeanApogee: ANALYTIC });
      expect(spk.body.meta.accuracy_arcsec['Sun']).toBeNull();
      expect(spk.body.meta.accuracy_arcsec['MeanNode']).toBe(reference.body.meta.accuracy_arcsec['MeanNode']);
      for (const body of BODIES) {
        const p = spk.body.data[body]!;
        const q = reference.body.data[body]!;
        expect(Math.abs(((p.longitude - q.longitude + 540) % 360) - 180) * 3600, `${body} topocentric=${topocentric}`).toBeLessThan(0.005);
        expect(Math.abs(p.latitude - q.latitude) * 3600, body).toBeLessThan(0.005);
        expect(Math.abs(p.speed - q.speed), body).toBeLessThan(1e-4);
        expect(p.sign, body).toBe(q.sign);
      }
    }
  });

  it('refuses an instant outside the kernels, naming their coverage', async () => {
    const { status, body } = await calculate(withKernels, { ...chart, birth_time: '2001-06-01T00:00:00Z' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_OUT_OF_RANGE', details: { field: 'birth_time', coverage: { provider: 'jpl-de440s', start_jd_tt: 2451545.5, start_year: 2000, end_year: 2000 } } });
  });

  it('marks the kernels in use in /info with their coverage, the analytic provider as fallback', async () => {
    interface Info { default_provider: string; providers: Record<string, unknown>[]; kernels: Record<string, unknown> }
    const info = (await withKernels.app.inject('/info')).json<Info>();
    expect(info.default_provider).toBe('jpl-de440s');
    expect(info.kernels).toMatchObject({ found: true, in_use: true, provider: 'jpl-de440s', files: [join(dir, 'de440s.bsp')], coverage: { start_jd_tt: 2451545.5, start_year: 2000 } });
    expect(info.providers[0]).toMatchObject({ id: ANALYTIC, role: 'fallback', in_use: true });
    expect(info.providers[1]).toMatchObject({ id: 'jpl-de440s', kind: 'jpl-spk', in_use: true, chiron: false, body_coverage: { Sun: { start_year: 2000 } } });
    expect(info.providers[1]!['body_coverage']).not.toHaveProperty('Pluto');
  });

  it('reports the kernels in the ephemeris health check', async () => {
    interface Health { checks: { ephemeris: Record<string, unknown> } }
    const health = (await withKernels.app.inject('/health')).json<Health>();
    expect(health.checks.ephemeris).toMatchObject({ status: 'ok', provider: 'jpl-de440s', kernels_loaded: 1 });
  });

  it('stays analytic, saying why, when the kernels found cannot give the Earth and the Sun', async () => {
    const engine = await buildEngine({ KERNELS_PATH: unusableDir });
    interface Info { default_provider: string; kernels: Record<string, unknown> }
    const info = (await engine.app.inject('/info')).json<Info>();
    expect(info.default_provider).toBe(ANALYTIC);
    expect(info.kernels).toMatchObject({ found: true, in_use: false });
    expect(String(info.kernels['problem'])).toContain('do not give the Earth');
    const { body } = await calculate(engine, chart);
    expect(body.meta.provider).toBe(ANALYTIC);
  });
});
