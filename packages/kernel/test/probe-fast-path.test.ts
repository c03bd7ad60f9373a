import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltService } from '../src/index.js';
import { API_SECURITY_HEADERS } from '../src/security/security-hooks.js';
import { demoService } from './fixtures/demo-service.js';

// The probes are answered by the HTTP server before Fastify (probe-fast-path.ts); inject() never reaches
// that server, so these tests talk to a listening app over real sockets and compare with Fastify's answer.
const open: BuiltService<unknown>[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((service) => service.close()));
});

async function listening(env: Record<string, string> = {}, logDestination?: NodeJS.WritableStream) {
  const service = await demoService.build({
    env: { LOG_LEVEL: 'silent', ...env },
    ...(logDestination ? { logDestination } : {}),
  });
  open.push(service);
  const address = await service.app.listen({ host: '127.0.0.1', port: 0 });
  return { service, url: address };
}

function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
}

describe('probe fast path', () => {
  it('answers GET /health with the same status, headers and body as the Fastify route', async () => {
    const { service, url } = await listening({ CONSTITUTIONAL_HASH: 'cdd01ef066bc6cf2' });
    const fast = await fetch(`${url}/health`, { headers: { 'x-request-id': 'probe-1' } });
    const routed = await service.app.inject({ url: '/health', headers: { 'x-request-id': 'probe-1' } });

    expect(fast.status).toBe(200);
    const body = (await fast.json()) as Record<string, unknown>;
    const routedBody = routed.json<Record<string, unknown>>();
    expect(Object.keys(body)).toEqual(Object.keys(routedBody));
    expect({ ...body, uptime_seconds: 0, timestamp: '' }).toEqual({
      ...routedBody,
      uptime_seconds: 0,
      timestamp: '',
    });
    expect(body).toMatchObject({
      status: 'healthy',
      service: 'demo',
      constitutional_hash: 'cdd01ef066bc6cf2',
    });

    const headers = headersOf(fast);
    expect(headers).toMatchObject({
      ...API_SECURITY_HEADERS,
      'x-request-id': 'probe-1',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(body)));
    for (const name of Object.keys(routed.headers)) {
      if (!['date', 'connection', 'keep-alive', 'content-length'].includes(name))
        expect(headers).toHaveProperty(name);
    }
  });

  it('gives a new UUID when the incoming request id is not a plausible id', async () => {
    const { url } = await listening();
    const response = await fetch(`${url}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(response.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('answers /ready 200 and 503 from the readiness checks', async () => {
    const { url } = await listening();
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    await fetch(`${url}/dependency/down`, { method: 'POST' });
    const down = await fetch(`${url}/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'not_ready',
      checks: { dependency: { status: 'fail', error: 'down' } },
    });
  });

  it('counts probe answers in the HTTP metrics under their route', async () => {
    const { url } = await listening();
    for (let i = 0; i < 3; i++) await fetch(`${url}/health`);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('demo_http_requests_total{method="GET",route="/health",status_code="200"} 3');
    expect(metrics).toMatch(
      /demo_http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} 3/,
    );
  });

  it('leaves CORS, other methods, query strings and draining to Fastify', async () => {
    const { service, url } = await listening({ ALLOWED_ORIGINS: 'https://console.example' });
    const cors = await fetch(`${url}/health`, { headers: { origin: 'https://console.example' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('https://console.example');
    // With CORS configured, even a probe without an Origin carries the plugin's headers, as every route does.
    const plain = await fetch(`${url}/health`);
    expect(plain.headers.get('vary')).toBe('Origin');
    expect(plain.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await fetch(`${url}/health`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${url}/health?verbose=1`)).status).toBe(200);

    service.beginDrain();
    const draining = await fetch(`${url}/ready`);
    expect(draining.status).toBe(503);
    expect(draining.headers.get('connection')).toBe('close');
    expect(await draining.json()).toEqual({ status: 'draining', checks: {} });
  });

  it('lets probes be logged at debug level (they then take the full pipeline)', async () => {
    const lines: string[] = [];
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n')));
    const { url } = await listening({ LOG_LEVEL: 'debug' }, destination);
    await fetch(`${url}/health`);
    await new Promise((resolve) => setImmediate(resolve));
    const logged = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line['route'] === '/health');
    expect(logged).toMatchObject({
      level: 'debug',
      method: 'GET',
      route: '/health',
      statusCode: 200,
      msg: 'request',
    });
  });
});
