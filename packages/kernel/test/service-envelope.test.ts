import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltService } from '../src/index.js';
import { demoService } from './fixtures/demo-service.js';

type Demo = Awaited<ReturnType<typeof demoService.build>>;
const open: BuiltService<unknown>[] = [];
async function build(env: Record<string, string> = {}): Promise<Demo> {
  const service = await demoService.build({ env: { LOG_LEVEL: 'silent', ...env } });
  open.push(service);
  return service;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((service) => service.close()));
});

describe('GET /health', () => {
  it('reports status, service, version, uptime, timestamp, checks and the constitutional hash', async () => {
    const { app } = await build({ CONSTITUTIONAL_HASH: 'cdd01ef066bc6cf2' });
    const response = await app.inject('/health');
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      status: 'healthy',
      service: 'demo',
      version: '1.0.0',
      checks: { storage: { status: 'ok', records: 3 } },
      constitutional_hash: 'cdd01ef066bc6cf2',
    });
    expect(typeof body['uptime_seconds']).toBe('number');
    expect(new Date(body['timestamp'] as string).toISOString()).toBe(body['timestamp']);
  });

  it('omits constitutional_hash when none is configured', async () => {
    const { app } = await build();
    expect(Object.keys((await app.inject('/health')).json<object>())).not.toContain('constitutional_hash');
  });
});

describe('GET /ready', () => {
  it('answers 503 while a dependency is down and 200 once it is back', async () => {
    const { app } = await build();
    expect((await app.inject('/ready')).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/dependency/down' });
    const down = await app.inject('/ready');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({
      status: 'not_ready',
      checks: { dependency: { status: 'fail', error: 'down' } },
    });
    await app.inject({ method: 'POST', url: '/dependency/up' });
    expect((await app.inject('/ready')).statusCode).toBe(200);
  });

  it('answers 503 once draining has begun', async () => {
    const service = await build();
    service.beginDrain();
    const response = await service.app.inject('/ready');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'draining', checks: {} });
  });
});

describe('GET /metrics', () => {
  it('counts requests by route template, labels 404s unmatched and includes process metrics', async () => {
    const { app } = await build();
    await app.inject('/items/7');
    await app.inject('/items/8');
    await app.inject('/no/such/path/42');
    const text = (await app.inject('/metrics')).body;
    expect(text).toContain('demo_http_requests_total{method="GET",route="/items/:id",status_code="200"} 2');
    expect(text).toContain('demo_http_requests_total{method="GET",route="unmatched",status_code="404"} 1');
    expect(text).toContain(
      'demo_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/items/:id",status_code="200"}',
    );
    expect(text).toContain('demo_process_cpu_user_seconds_total');
    expect(text).not.toContain('/items/7');
  });
});

describe('errors', () => {
  it('names every invalid field of a body', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/items', payload: { size: 11, extra: true } });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; details: { field: string }[]; requestId: string }>();
    expect(body.code).toBe('KERNEL_VALIDATION_FAILED');
    expect(body.details.map((d) => d.field).sort()).toEqual(['body/extra', 'body/name', 'body/size']);
    expect(body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers a service error with its code, status and details', async () => {
    const { app } = await build();
    const response = await app.inject({ url: '/conflict', headers: { 'x-request-id': 'trace-123' } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      statusCode: 409,
      code: 'DEMO_CONFLICT',
      error: 'Conflict',
      message: 'already there',
      details: { key: 'x' },
      requestId: 'trace-123',
    });
  });

  it('turns an unexpected error into a 500 with a code and no internals', async () => {
    const { app } = await build();
    const response = await app.inject('/crash');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'KERNEL_INTERNAL', message: 'internal server error' });
    expect(response.body).not.toContain('secret internal detail');
    expect(response.body).not.toContain('at ');
  });

  it('answers an unknown route with the same body shape', async () => {
    const { app } = await build();
    const response = await app.inject('/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      statusCode: 404,
      code: 'KERNEL_NOT_FOUND',
      error: 'Not Found',
      message: 'no route for GET /nowhere',
    });
  });

  it('answers malformed JSON with 400', async () => {
    const { app } = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'KERNEL_BAD_REQUEST' });
  });

  it('answers a body over MAX_REQUEST_SIZE with 413', async () => {
    const { app } = await build({ MAX_REQUEST_SIZE: '64' });
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      payload: { name: 'x'.repeat(100), size: 1 },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'KERNEL_PAYLOAD_TOO_LARGE' });
  });
});

describe('security headers', () => {
  it('sends helmet headers with a strict CSP on the API and a relaxed one on the docs only', async () => {
    const { app } = await build();
    const api = await app.inject('/items/1');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
    const docs = await app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('allows listed CORS origins with credentials', async () => {
    const { app } = await build({ ALLOWED_ORIGINS: 'https://app.example' });
    const allowed = await app.inject({ url: '/items/1', headers: { origin: 'https://app.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await app.inject({ url: '/items/1', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never combines a wildcard origin with credentials', async () => {
    const { app } = await build({ ALLOW_ORIGINS: '*' });
    const response = await app.inject({ url: '/items/1', headers: { origin: 'https://any.example' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses Host headers outside TRUSTED_HOSTS but still answers probes', async () => {
    const { app } = await build({ TRUSTED_HOSTS: 'api.example.com,*.internal.example' });
    expect((await app.inject({ url: '/items/1', headers: { host: 'api.example.com' } })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ url: '/items/1', headers: { host: 'svc.internal.example' } })).statusCode,
    ).toBe(200);
    const refused = await app.inject({ url: '/items/1', headers: { host: 'attacker.example' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'KERNEL_HOST_NOT_ALLOWED' });
    expect((await app.inject({ url: '/health', headers: { host: '10.1.2.3' } })).statusCode).toBe(200);
  });

  it('serves debug routes only with DEBUG=1 outside production', async () => {
    const debug = await build({ DEBUG: '1', SECRET_KEY: 'x' });
    const runtime = await debug.app.inject('/debug/runtime');
    expect(runtime.statusCode).toBe(200);
    expect(runtime.json<{ pid: number }>().pid).toBe(process.pid);
    const production = await build({ DEBUG: '1', ENVIRONMENT: 'production' });
    expect((await production.app.inject('/debug/runtime')).statusCode).toBe(404);
    const off = await build();
    expect((await off.app.inject('/debug/runtime')).statusCode).toBe(404);
  });
});

describe('docs', () => {
  it('generates OpenAPI from the route schemas', async () => {
    const { app } = await build();
    const spec = (await app.inject('/openapi.json')).json<{
      info: { title: string };
      paths: Record<string, unknown>;
    }>();
    expect(spec.info.title).toBe('Demo service');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/items/{id}', '/items', '/health', '/ready']),
    );
  });

  it('serves the ReDoc page and its bundle locally', async () => {
    const { app } = await build();
    const page = await app.inject('/redoc');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<script src="/redoc/redoc.standalone.js"></script>');
    const bundle = await app.inject('/redoc/redoc.standalone.js');
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(500_000);
  });
});
