/**
 * The gateway against two real engine apps listening on loopback ports (modern: KERNEL_SET_TAG=DE440,
 * historical: DE441), plus a bare node:http server that records what an engine would receive.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayService } from '../../src/apps/gateway-app.js';
import { buildEngine } from './engine-app.js';

type Gateway = Awaited<ReturnType<typeof gatewayService.build>>;
let modernUrl: string;
let historicalUrl: string;
let gateway: Gateway;
const gateways: Gateway[] = [];

async function listen(engine: Awaited<ReturnType<typeof buildEngine>>): Promise<string> {
  return engine.app.listen({ host: '127.0.0.1', port: 0 });
}

async function buildGateway(env: Record<string, string>): Promise<Gateway> {
  const built = await gatewayService.build({ env: { LOG_LEVEL: 'silent', RATE_LIMIT_REQUESTS: '100000', ...env } });
  gateways.push(built);
  return built;
}

beforeAll(async () => {
  modernUrl = await listen(await buildEngine({ KERNEL_SET_TAG: 'DE440' }));
  historicalUrl = await listen(await buildEngine({ KERNEL_SET_TAG: 'DE441' }));
  gateway = await buildGateway({ ENGINE_URL: modernUrl, HISTORICAL_ENGINE_URL: historicalUrl });
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
});

/** What these tests read from engine answers and error bodies. */
interface Answer {
  meta: { kernel_set_tag: string };
  data: Record<string, { sign: string }>;
  details: { field: string }[] | Record<string, unknown>;
}

const body = { latitude: 51.5, longitude: -0.13, elevation: 0, zodiac: 'tropical', ayanamsa: 'lahiri' };

async function calculate(birthTime: string, options: { query?: string; headers?: Record<string, string> } = {}) {
  const response = await gateway.app.inject({ method: 'POST', url: `/calculate${options.query ?? ''}`, payload: { ...body, birth_time: birthTime }, headers: options.headers ?? {} });
  return { status: response.statusCode, headers: response.headers, body: response.body === '' ? ({} as Answer) : response.json<Answer>() };
}

describe('gateway routing', () => {
  it('routes a modern date to the DE440 engine', async () => {
    const { status, headers, body: answer } = await calculate('2024-06-21T18:00:00Z');
    expect(status).toBe(200);
    expect(headers['x-involution-kernel']).toBe('DE440');
    expect(answer.meta.kernel_set_tag).toBe('DE440');
    expect(answer.data['Sun']!.sign).toBe('Cancer'); // the solstice was 2024-06-20 20:51 UT
  });

  it('asks for the historical pack for 1066 with the guide\'s body', async () => {
    const { status, body: answer, headers } = await calculate('1066-10-14T12:00:00Z');
    expect(status).toBe(422);
    expect(answer).toEqual({
      statusCode: 422,
      code: 'HISTORICAL_REQUIRED',
      error: 'Historical ephemeris required',
      message: '1066 is outside the DE440 range 1550–2650; enable the Historical Pack (DE441) to calculate it',
      details: {
        requested_year: 1066,
        available_coverage: { kernel: 'DE440', start_year: 1550, end_year: 2650 },
        historical_coverage: { kernel: 'DE441', start_year: -13200, end_year: 17191 },
        solutions: [
          'Add ?kernel=de441 to the request URL to use the historical (DE441) engine',
          'Send the header x-historical-enabled: true to enable the Historical Pack for this request',
          'Choose a date within the modern range',
        ],
      },
      requestId: headers['x-request-id'],
    });
  });

  it('routes to the DE441 engine with ?kernel=de441 or x-historical-enabled: true', async () => {
    const byQuery = await calculate('1450-05-01T12:00:00Z', { query: '?kernel=de441' });
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers['x-involution-kernel']).toBe('DE441');
    expect(byQuery.body.meta.kernel_set_tag).toBe('DE441');
    const byHeader = await calculate('1450-05-01T12:00:00Z', { headers: { 'x-historical-enabled': 'true' } });
    expect(byHeader.status).toBe(200);
    expect(byHeader.body.meta.kernel_set_tag).toBe('DE441');
    expect(byHeader.body.data).toEqual(byQuery.body.data);
  });

  it('forces the DE440 engine with ?kernel=de440, which then answers for its own coverage', async () => {
    const forced = await calculate('1066-10-14T12:00:00Z', { query: '?kernel=de440' });
    expect(forced.headers['x-involution-kernel']).toBe('DE440');
    expect(forced.status).toBe(422);
    expect(forced.body).toMatchObject({ code: 'INVOLUTION_OUT_OF_RANGE', details: { field: 'birth_time', coverage: { start_year: 1400 } } });
  });

  it('passes ETags through and answers 304', async () => {
    const first = await calculate('2024-06-21T18:00:00Z');
    const again = await calculate('2024-06-21T18:00:00Z', { headers: { 'if-none-match': first.headers['etag'] as string } });
    expect(again.status).toBe(304);
  });

  it('refuses bad input naming the field', async () => {
    const kernel = await calculate('2024-06-21T18:00:00Z', { query: '?kernel=de999' });
    expect(kernel.status).toBe(422);
    expect(kernel.body.details).toEqual([{ field: 'querystring/kernel', message: 'must be equal to one of the allowed values' }]);
    const noZone = await calculate('2024-06-21T18:00:00');
    expect(noZone.status).toBe(422);
    expect(noZone.body).toMatchObject({ details: { field: 'birth_time' } });
    const beyond = await calculate('+020000-01-01T00:00:00Z', { headers: { 'x-historical-enabled': 'true' } });
    expect(beyond.body).toMatchObject({ code: 'INVOLUTION_OUT_OF_RANGE', details: { requested_year: 20000 } });
  });

  it('describes the policy and a decision at GET /routing', async () => {
    interface Routing { engines: unknown; decision: unknown }
    const policy = (await gateway.app.inject('/routing?year=1066')).json<Routing>();
    expect(policy.engines).toEqual({ modern: { kernel: 'DE440', start_year: 1550, end_year: 2650 }, historical: { kernel: 'DE441', start_year: -13200, end_year: 17191 } });
    expect(policy.decision).toEqual({ year: 1066, action: 'historical-required' });
    const opted = (await gateway.app.inject({ url: '/routing?year=1066', headers: { 'x-historical-enabled': 'true' } })).json<Routing>();
    expect(opted.decision).toMatchObject({ action: 'route', target: 'historical', kernel: 'DE441' });
  });

  it('reports both engines in /health', async () => {
    const health = (await gateway.app.inject('/health')).json<{ checks: Record<string, { status: string }> }>();
    expect(health.checks['engines']).toMatchObject({ status: 'ok', de440: { reachable: true }, de441: { reachable: true } });
  });

  it('answers 502 when the engine is down', async () => {
    const orphan = await buildGateway({ ENGINE_URL: 'http://127.0.0.1:1', HISTORICAL_ENGINE_URL: 'http://127.0.0.1:1' });
    const response = await orphan.app.inject({ method: 'POST', url: '/calculate', payload: { ...body, birth_time: '2024-06-21T18:00:00Z' } });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ code: 'INVOLUTION_ENGINE_UNAVAILABLE', details: { kernel: 'DE440' } });
    const health = (await orphan.app.inject('/health')).json<{ checks: Record<string, { status: string }> }>();
    expect(health.checks['engines']!.status).toBe('degraded');
  });
});

describe('forwarded headers', () => {
  let recorder: Server;
  let seen: IncomingHttpHeaders | undefined;
  beforeAll(async () => {
    recorder = createServer((request, response) => {
      seen = request.headers;
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'a=b', etag: '"e"' }).end('{"data":{}}'));
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => recorder.close(resolve));
  });

  it('passes only allow-listed headers and sets its own client address', async () => {
    const port = (recorder.address() as AddressInfo).port;
    const viaRecorder = await buildGateway({ ENGINE_URL: `http://127.0.0.1:${port}`, HISTORICAL_ENGINE_URL: `http://127.0.0.1:${port}` });
    const response = await viaRecorder.app.inject({
      method: 'POST',
      url: '/calculate',
      payload: { ...body, birth_time: '2024-06-21T18:00:00Z' },
      headers: {
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-host': 'evil.example',
        'x-real-ip': '6.6.6.6',
        forwarded: 'for=6.6.6.6',
        cookie: 'session=secret',
        authorization: 'Bearer secret',
        'proxy-authorization': 'Basic x',
        te: 'trailers',
        upgrade: 'websocket',
        'x-request-id': 'trace-42',
        'if-none-match': '"abc"',
        accept: 'application/json',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['etag']).toBe('"e"');
    // What reaches the engine: our allow-list plus what Node's fetch itself always sends.
    const fetchDefaults = ['accept-encoding', 'accept-language', 'cache-control', 'connection', 'content-length', 'host', 'pragma', 'sec-fetch-mode', 'user-agent'];
    const allowed = new Set([...fetchDefaults, 'accept', 'content-type', 'if-none-match', 'x-forwarded-for', 'x-request-id']);
    expect(Object.keys(seen!).filter((name) => !allowed.has(name))).toEqual([]);
    for (const refused of ['cookie', 'authorization', 'proxy-authorization', 'x-forwarded-host', 'x-real-ip', 'forwarded', 'te', 'upgrade']) expect(seen![refused], refused).toBeUndefined();
    expect(seen!['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen!['x-request-id']).toBe('trace-42');
    expect(seen!['if-none-match']).toBe('"abc"');
  });
});
