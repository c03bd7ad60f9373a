import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltService } from '../src/index.js';
import { freePort, startRedis, type TestRedis } from '../src/testing/index.js';
import { demoService } from './fixtures/demo-service.js';

const open: BuiltService<unknown>[] = [];
async function build(env: Record<string, string>) {
  const service = await demoService.build({ env: { LOG_LEVEL: 'silent', RATE_LIMIT_REQUESTS: '3', ...env } });
  open.push(service);
  return service;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((service) => service.close()));
});

describe('rate limiting in memory', () => {
  it('answers 429 with Retry-After and RateLimit headers past the limit', async () => {
    const { app } = await build({});
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject('/items/1')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.inject('/items/1');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['ratelimit-limit']).toBe('3');
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'KERNEL_RATE_LIMITED' });
  });

  it('never limits health, ready and metrics', async () => {
    const { app } = await build({});
    for (let i = 0; i < 5; i++) await app.inject('/items/1');
    for (const path of ['/health', '/ready', '/metrics'])
      expect((await app.inject(path)).statusCode).toBe(200);
  });

  it('counts each client IP separately', async () => {
    const { app } = await build({});
    for (let i = 0; i < 3; i++) await app.inject({ url: '/items/1', remoteAddress: '10.0.0.1' });
    expect((await app.inject({ url: '/items/1', remoteAddress: '10.0.0.1' })).statusCode).toBe(429);
    expect((await app.inject({ url: '/items/1', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });

  it('ignores a spoofed X-Forwarded-For from an untrusted peer', async () => {
    const { app } = await build({});
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const spoofed = { 'x-forwarded-for': `203.0.113.${i}` };
      statuses.push(
        (await app.inject({ url: '/items/1', remoteAddress: '10.0.0.9', headers: spoofed })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('uses X-Forwarded-For only when the peer is a trusted proxy', async () => {
    const { app } = await build({ TRUST_PROXY: '10.0.0.0/8' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const headers = { 'x-forwarded-for': `203.0.113.${i}` };
      statuses.push((await app.inject({ url: '/items/1', remoteAddress: '10.0.0.9', headers })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
  });

  it('is off with DISABLE_RATE_LIMIT=1', async () => {
    const { app } = await build({ DISABLE_RATE_LIMIT: '1' });
    for (let i = 0; i < 5; i++) expect((await app.inject('/items/1')).statusCode).toBe(200);
  });
});

describe('rate limiting in Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis.stop());

  async function ready(service: BuiltService<unknown>) {
    // The limiter uses Redis only once the client is connected, as a live replica would be.
    for (let i = 0; i < 100 && service.context.redis?.status !== 'ready'; i++)
      await new Promise((r) => setTimeout(r, 20));
  }

  it('shares one limit between replicas', async () => {
    const prefix = `shared-${Date.now()}`;
    const env = { REDIS_URL: redis.url, RATE_LIMIT_STORAGE_URI: redis.url, DEMO_GREETING: prefix };
    const a = await build(env);
    const b = await build(env);
    await Promise.all([ready(a), ready(b)]);
    const remote = { remoteAddress: `10.9.${Date.now() % 250}.1` };
    const statuses = [
      (await a.app.inject({ url: '/items/1', ...remote })).statusCode,
      (await b.app.inject({ url: '/items/1', ...remote })).statusCode,
      (await a.app.inject({ url: '/items/1', ...remote })).statusCode,
      (await b.app.inject({ url: '/items/1', ...remote })).statusCode,
    ];
    expect(statuses).toEqual([200, 200, 200, 429]);
    const metrics = (await a.app.inject('/metrics')).body;
    expect(metrics).toContain('demo_rate_limit_fallback_active 0');
  });

  it('falls back to memory when Redis is refused, and shows it in a gauge', async () => {
    const port = await freePort(); // nothing listens here
    const { app } = await build({ REDIS_URL: `redis://127.0.0.1:${port}` });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject('/items/1')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await app.inject('/metrics')).body).toContain('demo_rate_limit_fallback_active 1');
  });

  describe('with a Redis that accepts connections but never answers', () => {
    let blackhole: Server;
    let port: number;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      port = await freePort();
      blackhole = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => blackhole.listen(port, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackhole.close(resolve));
    });

    it('answers every request within the fail-fast bound, not the TCP timeout', async () => {
      const { app } = await build({ REDIS_URL: `redis://127.0.0.1:${port}` });
      const started = Date.now();
      const response = await app.inject('/items/1');
      const waited = Date.now() - started;
      expect(response.statusCode).toBe(200);
      // A correctness bound (about 0.5 s per the contract, with slack for a loaded CI machine), not a benchmark.
      expect(waited).toBeLessThan(1_500);
    });
  });
});
