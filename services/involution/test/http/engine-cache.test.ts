/**
 * The position cache and ETags: keyed by everything that changes the answer, 304 on If-None-Match,
 * and a Redis tier (a real redis-server) shared by two engine instances.
 */
import { startRedis, waitFor, type TestRedis } from '@svc/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from './engine-app.js';

type Engine = Awaited<ReturnType<typeof buildEngine>>;
const body = { birth_time: '2024-06-21T18:00:00Z', latitude: 37.7749, longitude: -122.4194, elevation: 25, zodiac: 'tropical', ayanamsa: 'lahiri' };

async function post(engine: Engine, payload: object, headers: Record<string, string> = {}) {
  return engine.app.inject({ method: 'POST', url: '/calculate', payload, headers });
}

describe('ETag and 304', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await buildEngine();
  });

  it('answers 304 with no body when If-None-Match names the ETag', async () => {
    const first = await post(engine, body);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const again = await post(engine, body, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['etag']).toBe(etag);
    expect((await post(engine, body, { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('serves a repeated request from the cache and a changed one afresh', async () => {
    const payload = { ...body, birth_time: '2024-06-22T18:00:00Z' };
    expect((await post(engine, payload)).headers['x-cache']).toBe('MISS');
    const hit = await post(engine, payload);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.json()).toEqual((await post(engine, payload)).json());
  });

  it('keys on every field that changes the answer and on nothing else', async () => {
    const etag = async (payload: object) => (await post(engine, payload)).headers['etag'];
    const base = await etag(body);
    expect(await etag({ ...body, birth_time: '2024-06-21T18:00:01Z' })).not.toBe(base);
    expect(await etag({ ...body, zodiac: 'sidereal' })).not.toBe(base);
    expect(await etag({ ...body, topocentric: true })).not.toBe(base);
    expect(await etag({ ...body, bodies: ['Sun'] })).not.toBe(base);
    expect(await etag({ ...body, houses: 'placidus' })).not.toBe(base);
    expect(await etag({ ...body, latitude: 37.775 })).not.toBe(base);
    // Same instant written in another zone, and an ayanamsa a tropical chart ignores: same answer.
    expect(await etag({ ...body, birth_time: '2024-06-21T20:00:00+02:00' })).toBe(base);
    expect(await etag({ ...body, ayanamsa: 'raman' })).toBe(base);
    const sidereal = await etag({ ...body, zodiac: 'sidereal' });
    expect(await etag({ ...body, zodiac: 'sidereal', ayanamsa: 'raman' })).not.toBe(sidereal);
  });

  it('bypasses the cache when ENABLE_POSITION_CACHE=false but keeps ETags', async () => {
    const uncached = await buildEngine({ ENABLE_POSITION_CACHE: 'false' });
    const first = await post(uncached, body);
    expect(first.headers['x-cache']).toBe('BYPASS');
    expect((await post(uncached, body)).headers['x-cache']).toBe('BYPASS');
    expect((await post(uncached, body, { 'if-none-match': first.headers['etag'] as string })).statusCode).toBe(304);
  });

  it('sends POSITION_CACHE_TTL as max-age', async () => {
    const short = await buildEngine({ POSITION_CACHE_TTL: '120' });
    expect((await post(short, body)).headers['cache-control']).toBe('public, max-age=120');
  });
});

describe('Redis tier', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('lets a second engine serve an answer the first computed', async () => {
    const a = await buildEngine({ REDIS_URL: redis.url });
    const b = await buildEngine({ REDIS_URL: redis.url });
    await waitFor('both engines connected to Redis', () => Promise.resolve(a.context.redis?.status === 'ready' && b.context.redis?.status === 'ready'));
    const payload = { ...body, birth_time: '2030-01-01T00:00:00Z' };
    expect((await post(a, payload)).headers['x-cache']).toBe('MISS');
    const fromRedis = await post(b, payload);
    expect(fromRedis.headers['x-cache']).toBe('HIT');
    expect(fromRedis.json()).toEqual((await post(a, payload)).json());
  });
});
