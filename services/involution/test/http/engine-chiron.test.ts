/**
 * Chiron end to end with real kernels. The kernels are fitted to Swiss Ephemeris' own geometric
 * barycentric states (libswe, seas_18.se1 for Chiron) over 2024: one de440s.bsp holding the planets and
 * Chiron (NAIF 2002060, centred on the barycenter) found through KERNELS_PATH, and a planets-only
 * de440s.bsp plus a Horizons-style chiron.bsp (NAIF 20002060, centred on the Sun, shorter span) listed
 * in a meta-kernel. Chiron's apparent places are checked against fresh swetest runs; the engine, the
 * gateway and the CLI must all answer Chiron where a kernel holds it and refuse it (422 naming
 * `bodies`) where none does.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayService } from '../../src/apps/gateway-app.js';
import { NAIF } from '../../src/domain/spk/spk-kernel.js';
import { writeSpk } from '../../src/domain/spk/spk-writer.js';
import { arcsecDifference, EPHEMERIS_DIR } from '../oracle/swetest-oracle.js';
import { swissEphemerisSegments } from '../spk-provider/swiss-ephemeris-kernel.js';
import { buildEngine } from './engine-app.js';

type Engine = Awaited<ReturnType<typeof buildEngine>>;
interface Position {
  longitude: number;
  latitude: number;
  distance: number;
  speed: number;
  retrograde: boolean;
  sign: string;
}
interface Answer {
  data: Record<string, Position> & {
    positions?: Record<string, Position>;
    aspects?: { point1: string; point2: string; aspect: string; separation: number; orb: number }[];
  };
  meta: {
    provider: string;
    body_providers: Record<string, string>;
    accuracy_arcsec: Record<string, number | null>;
    time_resolution?: { utc: string };
  };
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

// 2024-01-01 .. 2025-01-03 TDB: 46 records of 8 days, degree 12 (the Moon needs them; Chiron would not).
const START_JD = 2460310.5;
const RECORDS = 46;
// The meta-kernel's Chiron stops after 30 records (2024-08-28), inside the planets' span.
const SHORT_CHIRON_RECORDS = 30;

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = join(root, 'services/involution/src/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'involution-chiron-'));
const withChironDir = join(dir, 'with-chiron');
const splitDir = join(dir, 'split');
let withChiron: Engine;
let viaMetakernel: Engine;
let withoutChiron: Engine;
let analytic: Engine;

beforeAll(async () => {
  mkdirSync(withChironDir);
  mkdirSync(splitDir);
  const barycentric = swissEphemerisSegments(START_JD, RECORDS, 8, 12, {
    chiron: { target: NAIF.CHIRON, center: NAIF.SSB },
  });
  writeFileSync(join(withChironDir, 'de440s.bsp'), writeSpk('SWISS EPHEMERIS WITH CHIRON', barycentric));
  const heliocentric = swissEphemerisSegments(START_JD, RECORDS, 8, 12, {
    chiron: { target: 20002060, center: NAIF.SUN },
  });
  const chiron = heliocentric.pop()!;
  writeFileSync(join(splitDir, 'de440s.bsp'), writeSpk('SWISS EPHEMERIS', heliocentric));
  writeFileSync(
    join(splitDir, 'chiron.bsp'),
    writeSpk('CHIRON', [{ ...chiron, records: chiron.records.slice(0, SHORT_CHIRON_RECORDS) }]),
  );
  writeFileSync(
    join(splitDir, 'chiron.tm'),
    `\\begindata\nKERNELS_TO_LOAD = ( '${join(splitDir, 'de440s.bsp')}'\n                   '${join(splitDir, 'chiron.bsp')}' )\n\\begintext\n`,
  );
  [withChiron, viaMetakernel, withoutChiron, analytic] = await Promise.all([
    buildEngine({ KERNELS_PATH: withChironDir }),
    buildEngine({ METAKERNEL_PATH: join(splitDir, 'chiron.tm') }),
    buildEngine({ KERNELS_PATH: splitDir }), // the DE440 set is de440s.bsp alone: no Chiron
    buildEngine(),
  ]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function post(engine: Engine, url: string, payload: object): Promise<{ status: number; body: Answer }> {
  const response = await engine.app.inject({ method: 'POST', url, payload });
  return { status: response.statusCode, body: response.json<Answer>() };
}

/** swetest's apparent geocentric Chiron (-pD) at a UT date and time: longitude, latitude, distance, speed. */
function swetestChiron(
  date: string,
  time: string,
): { args: string[]; longitude: number; latitude: number; distance: number; speed: number } {
  const args = [`-edir${EPHEMERIS_DIR}`, `-b${date}`, `-ut${time}`, '-pD', '-fPlbRs', '-head'];
  const out = execFileSync('swetest', args, { encoding: 'utf8' });
  const match = /^Chiron\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s*$/m.exec(out);
  if (!match) throw new Error(`swetest ${args.join(' ')} gave no Chiron row:\n${out}`);
  return {
    args,
    longitude: Number(match[1]),
    latitude: Number(match[2]),
    distance: Number(match[3]),
    speed: Number(match[4]),
  };
}

const place = { latitude: 37.89, longitude: -85.96, elevation: 0, zodiac: 'tropical', ayanamsa: 'lahiri' };
// ISO instant (UT) and the same instant as swetest's d.m.yyyy and h:m:s; retrograde from late July to late December.
const INSTANTS: [string, string, string][] = [
  ['2024-01-20T00:00:00Z', '20.1.2024', '0:00:00'],
  ['2024-04-08T18:18:00Z', '8.4.2024', '18:18:00'],
  ['2024-07-26T12:00:00Z', '26.7.2024', '12:00:00'],
  ['2024-09-15T06:30:00Z', '15.9.2024', '6:30:00'],
  ['2024-12-01T21:45:00Z', '1.12.2024', '21:45:00'],
];

describe('Chiron from a kernel that holds it', () => {
  it('matches swetest within 1″ in apparent longitude at five dates of 2024, retrograde flag included', async () => {
    for (const [birthTime, date, time] of INSTANTS) {
      const { status, body } = await post(withChiron, '/calculate', {
        ...place,
        birth_time: birthTime,
        bodies: ['Chiron'],
      });
      expect(status, birthTime).toBe(200);
      const ours = body.data['Chiron']!;
      const reference = swetestChiron(date, time);
      const where = `${birthTime}: swetest ${reference.args.join(' ')}`;
      expect(Math.abs(arcsecDifference(ours.longitude, reference.longitude)), where).toBeLessThan(1);
      expect(Math.abs(ours.latitude - reference.latitude) * 3600, where).toBeLessThan(1);
      expect(Math.abs(ours.distance - reference.distance) / reference.distance, where).toBeLessThan(1e-6);
      expect(Math.abs(ours.speed - reference.speed), where).toBeLessThan(1e-4);
      expect(ours.retrograde, where).toBe(reference.speed < 0);
      expect(body.meta.body_providers['Chiron']).toBe('jpl-de440s');
      expect(body.meta.accuracy_arcsec['Chiron']).toBeNull();
    }
  });

  it('gives the same Chiron from a separate Horizons-style kernel (NAIF 20002060, centred on the Sun) through METAKERNEL_PATH', async () => {
    for (const [birthTime] of INSTANTS.slice(0, 3)) {
      const [a, b] = await Promise.all([
        post(withChiron, '/calculate', { ...place, birth_time: birthTime, bodies: ['Chiron'] }),
        post(viaMetakernel, '/calculate', { ...place, birth_time: birthTime, bodies: ['Chiron'] }),
      ]);
      expect(b.status).toBe(200);
      expect(b.body.meta.provider).toBe('jpl-de440s+chiron');
      expect(
        Math.abs(arcsecDifference(a.body.data['Chiron']!.longitude, b.body.data['Chiron']!.longitude)),
        birthTime,
      ).toBeLessThan(0.01);
    }
  });

  it('accepts any case and the 2060 alias, once each, and keeps Chiron out of the default bodies', async () => {
    const asked = await post(withChiron, '/calculate', {
      ...place,
      birth_time: INSTANTS[1]![0],
      bodies: ['chiron', 'Sun', 'CHIRON', '2060_Chiron'],
    });
    expect(asked.status).toBe(200);
    expect(Object.keys(asked.body.data)).toEqual(['Chiron', 'Sun']);
    const byDefault = await post(withChiron, '/calculate', { ...place, birth_time: INSTANTS[1]![0] });
    expect(Object.keys(byDefault.body.data)).toEqual([
      'Sun',
      'Moon',
      'Mercury',
      'Venus',
      'Mars',
      'Jupiter',
      'Saturn',
      'Uranus',
      'Neptune',
      'Pluto',
    ]);
  });

  it('finds aspects to Chiron on /v1/chart: the 2024-04-08 eclipse Sun and Moon conjunct Chiron', async () => {
    const { status, body } = await post(withChiron, '/v1/chart', {
      ...place,
      birth_time: INSTANTS[1]![0],
      bodies: ['Sun', 'Moon', 'Chiron'],
    });
    expect(status).toBe(200);
    const positions = body.data.positions!;
    const chiron = positions['Chiron']!.longitude;
    for (const body2 of ['Sun', 'Moon']) {
      const aspect = body.data.aspects!.find((a) => a.point2 === 'Chiron' && a.point1 === body2);
      const separation = Math.abs(arcsecDifference(positions[body2]!.longitude, chiron)) / 3600;
      expect(aspect, body2).toMatchObject({ aspect: 'conjunction' });
      expect(aspect!.separation).toBeCloseTo(separation, 9);
      expect(aspect!.separation).toBeLessThan(2); // Chiron at 19°24′ Aries, the Sun at 19°24′ and the Moon at 19°22′
    }
  });

  it('resolves a local time and gives Chiron on /calculate-with-time-resolution (Dallas, CDT)', async () => {
    const local = await post(withChiron, '/calculate-with-time-resolution', {
      local_time: '2024-04-08T13:18:00',
      latitude: 32.78,
      longitude: -96.8,
      bodies: ['Chiron'],
    });
    expect(local.status).toBe(200);
    expect(local.body.meta.time_resolution!.utc).toBe('2024-04-08T18:18:00.000Z');
    const direct = await post(withChiron, '/calculate', {
      birth_time: '2024-04-08T18:18:00Z',
      latitude: 32.78,
      longitude: -96.8,
      bodies: ['Chiron'],
    });
    expect(local.body.data['Chiron']).toEqual(direct.body.data['Chiron']);
  });

  it('reports Chiron in /info with its NAIF id and coverage', async () => {
    interface Info {
      bodies: string[];
      chiron: Record<string, unknown>;
      providers: Record<string, unknown>[];
    }
    const info = (await withChiron.app.inject('/info')).json<Info>();
    expect(info.bodies).toContain('Chiron');
    expect(info.chiron).toMatchObject({
      available: true,
      provider: 'jpl-de440s',
      naif_id: 2002060,
      coverage: { start_year: 2024, end_year: 2025 },
    });
    expect(info.providers[1]).toMatchObject({
      chiron: true,
      body_coverage: { Chiron: { start_year: 2024 } },
    });
    const split = (await viaMetakernel.app.inject('/info')).json<Info>();
    expect(split.chiron).toMatchObject({
      available: true,
      naif_id: 20002060,
      coverage: { start_year: 2024, end_year: 2024 },
    });
  });
});

describe('Chiron refused where no kernel holds it', () => {
  it('answers 422 INVOLUTION_BODY_UNSUPPORTED naming bodies from the analytic engine and from a kernel without Chiron', async () => {
    for (const [engine, provider] of [
      [analytic, 'analytic-vsop87b-elpmpp02'],
      [withoutChiron, 'jpl-de440s'],
    ] as const) {
      for (const url of ['/calculate', '/v1/chart']) {
        const { status, body } = await post(engine, url, {
          ...place,
          birth_time: INSTANTS[1]![0],
          bodies: ['Sun', 'chiron'],
        });
        expect(status, `${provider} ${url}`).toBe(422);
        expect(body).toMatchObject({
          code: 'INVOLUTION_BODY_UNSUPPORTED',
          details: { field: 'bodies', body: 'chiron', provider },
        });
        expect(body.details!['valid']).not.toContain('Chiron');
        expect(body.message).toContain('needs a JPL kernel');
      }
    }
    const local = await post(analytic, '/calculate-with-time-resolution', {
      local_time: '2024-04-08T13:18:00',
      latitude: 32.78,
      longitude: -96.8,
      bodies: ['Chiron'],
    });
    expect(local.body).toMatchObject({ code: 'INVOLUTION_BODY_UNSUPPORTED', details: { field: 'bodies' } });
    interface Info {
      bodies: string[];
      chiron: Record<string, unknown>;
    }
    const info = (await withoutChiron.app.inject('/info')).json<Info>();
    expect(info.chiron).toMatchObject({ available: false, naif_id: null, coverage: null });
    expect(info.bodies).not.toContain('Chiron');
  });

  it("answers 422 INVOLUTION_OUT_OF_RANGE with Chiron's own coverage after its kernel ends, while the planets still answer", async () => {
    const late = { ...place, birth_time: '2024-10-15T00:00:00Z' };
    const { status, body } = await post(viaMetakernel, '/calculate', { ...late, bodies: ['Sun', 'Chiron'] });
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'INVOLUTION_OUT_OF_RANGE',
      details: { field: 'birth_time', body: 'Chiron', provider: 'jpl-de440s+chiron' },
    });
    expect((await post(viaMetakernel, '/calculate', late)).status).toBe(200);
  });
});

describe('Chiron through the gateway', () => {
  let gateway: Awaited<ReturnType<typeof gatewayService.build>>;
  beforeAll(async () => {
    const modern = await withChiron.app.listen({ host: '127.0.0.1', port: 0 });
    const historical = await analytic.app.listen({ host: '127.0.0.1', port: 0 });
    gateway = await gatewayService.build({
      env: {
        LOG_LEVEL: 'silent',
        RATE_LIMIT_REQUESTS: '100000',
        ENGINE_URL: modern,
        HISTORICAL_ENGINE_URL: historical,
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('routes a 2024 Chiron request to the engine with the kernel and passes its answer back', async () => {
    const payload = { ...place, birth_time: INSTANTS[1]![0], bodies: ['Chiron'] };
    const response = await gateway.app.inject({ method: 'POST', url: '/calculate', payload });
    expect(response.statusCode).toBe(200);
    const direct = await post(withChiron, '/calculate', payload);
    expect(response.json<Answer>().data['Chiron']).toEqual(direct.body.data['Chiron']);
  });

  it("passes the engine's 422 back when the engine has no Chiron (?kernel=de441 → the analytic engine)", async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/calculate?kernel=de441',
      payload: { ...place, birth_time: INSTANTS[1]![0], bodies: ['Chiron'] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<Answer>()).toMatchObject({
      code: 'INVOLUTION_BODY_UNSUPPORTED',
      details: { field: 'bodies' },
    });
  });
});

describe('involution chart with Chiron', () => {
  function run(
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', cli, ...args],
        { cwd: root, env: { ...process.env, METAKERNEL_PATH: '', ...env }, timeout: 60_000 },
        (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
        },
      );
    });
  }
  const chartArgs = [
    'chart',
    '--time',
    '2024-04-08T18:18:00Z',
    '--lat',
    '37.89',
    '--lon',
    '-85.96',
    '--bodies',
    'Sun,chiron',
  ];

  it('prints Chiron from the kernels in --kernels (as the engine computes it)', async () => {
    const { code, stdout, stderr } = await run([...chartArgs, '--kernels', withChironDir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { body } = await post(withChiron, '/calculate', {
      ...place,
      birth_time: '2024-04-08T18:18:00Z',
      bodies: ['Chiron'],
    });
    expect(stdout).toContain('provider jpl-de440s');
    expect(stdout).toMatch(
      new RegExp(
        `^Chiron\\s+19°\\d{2}′\\d{2}\\.\\d″ Ari\\s+${body.data['Chiron']!.longitude.toFixed(6)}°`,
        'm',
      ),
    );
  });

  it('reads KERNELS_PATH like the engine, and exits 2 naming bodies without a kernel that holds Chiron', async () => {
    const fromEnv = await run(chartArgs, { KERNELS_PATH: withChironDir });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toMatch(/^Chiron\s/m);
    const refused = await run(chartArgs, { KERNELS_PATH: join(dir, 'nowhere') });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('chiron needs a JPL kernel that provides it');
    expect(refused.stderr).toContain('(bodies)');
  });
});
