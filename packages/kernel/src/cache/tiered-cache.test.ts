import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../testing/index.js';
import { createCache } from './tiered-cache.js';

describe('createCache (memory only)', () => {
  it('returns what was set until the TTL passes', async () => {
    const cache = createCache<{ n: number }>({ max: 10, ttlMs: 40 });
    await cache.set('a', { n: 1 });
    expect(await cache.get('a')).toEqual({ n: 1 });
    await sleep(80);
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, size: 0 });
  });

  it('evicts the least recently used entry beyond max', async () => {
    const cache = createCache<number>({ max: 2, ttlMs: 60_000 });
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.get('a');
    await cache.set('c', 3);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
  });
});

describe('createCache (with a real Redis tier)', () => {
  let server: TestRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = new Redis(server.url);
    await redis.ping(); // the tier is used only once the client is ready
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('serves a value written by another instance from Redis and back-fills memory', async () => {
    const writer = createCache<string>({ max: 10, ttlMs: 60_000, redis, namespace: 'kernel-test' });
    const reader = createCache<string>({ max: 10, ttlMs: 60_000, redis, namespace: 'kernel-test' });
    await writer.set('k', 'shared');
    expect(await reader.get('k')).toBe('shared');
    expect(reader.stats().size).toBe(1);
    expect(await redis.pttl('kernel-test:k')).toBeGreaterThan(59_000);
  });

  it('degrades to memory when Redis is unreachable', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false });
    dead.on('error', () => undefined);
    const cache = createCache<number>({ max: 10, ttlMs: 60_000, redis: dead });
    await cache.set('x', 7);
    expect(await cache.get('x')).toBe(7);
    expect(await cache.get('missing')).toBeUndefined();
    dead.disconnect();
  });
});
