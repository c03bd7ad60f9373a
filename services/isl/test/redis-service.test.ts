/**
 * The service on a real Redis, configured the guide's way (REDIS_HOST/REDIS_PORT/REDIS_DB): user state
 * survives between requests, keys carry pseudonyms with the guide's TTLs, and DELETE /users/{id}
 * leaves nothing of the user behind.
 */
import type { BuiltService } from '@svc/kernel';
import { hashIdentifier } from '@svc/kernel';
import { freePort, startRedis } from '@svc/kernel/testing';
import type { TestRedis } from '@svc/kernel/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobCacheKey } from '../src/adapters/computations.js';
import { userKeys } from '../src/adapters/user-data-store.js';
import { islService } from '../src/app.js';
import type { IslConfig } from '../src/config.js';
import { seriesValue } from './fixtures/prometheus-text.js';

const SECRET = 'redis-service-test-secret-0123456789';
const DB = 5;

let redisServer: TestRedis;
let redis: Redis;
let service: BuiltService<IslConfig>;
let location: string;

beforeAll(async () => {
  redisServer = await startRedis();
  const url = new URL(redisServer.url);
  location = `${url.hostname}:${url.port || '6379'}/${DB}`;
  redis = new Redis({ host: url.hostname, port: Number(url.port || 6379), password: url.password || undefined, db: DB });
  service = await islService.build({
    env: {
      LOG_LEVEL: 'silent',
      SECRET_KEY: SECRET,
      COMPUTE_THREADS: '0',
      DISABLE_RATE_LIMIT: '1',
      REDIS_HOST: url.hostname,
      REDIS_PORT: url.port || '6379',
      REDIS_DB: String(DB),
      ...(url.password ? { REDIS_PASSWORD: decodeURIComponent(url.password) } : {}),
    },
  });
});
afterAll(async () => {
  await service?.close();
  await redis?.quit();
  await redisServer?.stop();
});

const post = (url: string, payload: object) => service.app.inject({ method: 'POST', url, payload });

interface Query {
  id: string;
}

describe('user state in Redis', () => {
  it('elicit → update works on the very first call and stores the posterior under a pseudonym for 24 h', async () => {
    const elicit = await post('/api/v1/preferences/elicit', {
      user_id: 'alice-0001',
      context: { domain: 'pricing', variables: ['revenue', 'churn', 'nps'] },
      num_queries: 3,
    });
    expect(elicit.statusCode).toBe(200);
    const queries = elicit.json<{ queries: Query[] }>().queries;
    expect(queries).toHaveLength(3);

    const update = await post('/api/v1/preferences/update', { user_id: 'alice-0001', query_id: queries[0]!.id, response: 'A' });
    expect(update.statusCode).toBe(200);
    const body = update.json<{ queries_completed: number; updated_beliefs: Record<string, { parameters: { mean: number } }> }>();
    expect(body.queries_completed).toBe(1);
    expect(body.updated_beliefs['revenue']?.parameters.mean).not.toBe(body.updated_beliefs['churn']?.parameters.mean);

    const pseudonym = hashIdentifier('alice-0001', SECRET);
    const keys = await redis.keys('*');
    expect(keys.some((key) => key.includes('alice-0001'))).toBe(false);
    expect(await redis.ttl(userKeys.entry(pseudonym, 'preferences:beliefs'))).toBe(86_400);
    expect(await redis.ttl(userKeys.entry(pseudonym, `preferences:query:${queries[0]!.id}`))).toBe(604_800);
    const pttl = await redis.pttl(userKeys.entry(pseudonym, 'preferences:beliefs'));
    expect(pttl).toBeGreaterThan(86_400_000 - 2_000);
    expect(pttl).toBeLessThanOrEqual(86_400_000);
  });

  it('keeps the learned posterior between requests: a second update continues from the first', async () => {
    const elicit = await post('/api/v1/preferences/elicit', {
      user_id: 'bob-0002',
      context: { domain: 'pricing', variables: ['revenue', 'churn'] },
      num_queries: 2,
    });
    const [first, second] = elicit.json<{ queries: Query[] }>().queries;
    const one = await post('/api/v1/preferences/update', { user_id: 'bob-0002', query_id: first!.id, response: 'A' });
    const two = await post('/api/v1/preferences/update', { user_id: 'bob-0002', query_id: second!.id, response: 'B' });
    expect(one.json<{ queries_completed: number }>().queries_completed).toBe(1);
    expect(two.json<{ queries_completed: number }>().queries_completed).toBe(2);
  });

  it("DELETE /api/v1/users/{id} erases every key of that user and nobody else's", async () => {
    const user = 'carol-0003';
    const elicit = await post('/api/v1/preferences/elicit', {
      user_id: user,
      context: { domain: 'hiring', variables: ['cost', 'quality'] },
      num_queries: 2,
    });
    const queryId = elicit.json<{ queries: Query[] }>().queries[0]!.id;
    expect((await post('/api/v1/preferences/update', { user_id: user, query_id: queryId, response: 'B' })).statusCode).toBe(200);
    expect((await post('/api/v1/teaching/teach', { user_id: user, target_concept: 'confounding' })).statusCode).toBe(200);

    const pseudonym = hashIdentifier(user, SECRET);
    const userKeysBefore = await redis.keys(`${userKeys.prefix(pseudonym)}*`);
    const entries = userKeysBefore.filter((key) => key !== userKeys.index(pseudonym));
    expect(entries).toContain(userKeys.entry(pseudonym, 'preferences:beliefs'));
    expect(entries).toContain(userKeys.entry(pseudonym, 'teaching:beliefs'));
    const othersBefore = (await redis.keys('isl:user:*')).length - userKeysBefore.length;

    const erase = await service.app.inject({ method: 'DELETE', url: `/api/v1/users/${user}` });
    expect(erase.statusCode).toBe(200);
    expect(erase.json()).toEqual({ user_id: user, deleted: true, entries_deleted: entries.length });
    expect(await redis.keys(`${userKeys.prefix(pseudonym)}*`)).toEqual([]);
    expect((await redis.keys('isl:user:*')).length).toBe(othersBefore);

    const after = await post('/api/v1/preferences/update', { user_id: user, query_id: queryId, response: 'A' });
    expect(after.statusCode).toBe(404);
    expect(after.json()).toMatchObject({ code: 'ISL_QUERY_NOT_FOUND' });
    const again = await service.app.inject({ method: 'DELETE', url: `/api/v1/users/${user}` });
    expect(again.json()).toEqual({ user_id: user, deleted: true, entries_deleted: 0 });
  });

  it('refuses a user id outside the original pattern with 400 naming the field', async () => {
    const response = await service.app.inject({ method: 'DELETE', url: '/api/v1/users/bad%20id' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'KERNEL_VALIDATION_FAILED', details: [{ field: 'params/user_id' }] });
  });
});

describe('health and metrics with Redis', () => {
  it('reports Redis connected in the detailed health, /ready and the isl_redis_connected gauge', async () => {
    const detailed = await service.app.inject('/api/v1/health/detailed');
    expect(detailed.json()).toMatchObject({
      status: 'healthy',
      redis: { status: 'connected', location },
      cache: { enabled: true, backend: 'memory+redis' },
      storage: { backend: 'redis' },
      workers: { compute: { mode: 'in_process' } },
    });
    expect(typeof detailed.json<{ redis: { latency_ms: unknown } }>().redis.latency_ms).toBe('number');
    expect((await service.app.inject('/ready')).json()).toEqual({ status: 'ready', checks: { redis: { status: 'ok' } } });
    const health = await service.app.inject('/health');
    expect(health.json()).toMatchObject({ status: 'healthy', checks: { redis: { status: 'ok' } } });
    const text = (await service.app.inject('/metrics')).body;
    expect(seriesValue(text, 'isl_redis_connected')).toBe(1);
  });

  it('shares cached results through Redis under a namespace without user data', async () => {
    const linear = { model: { equations: { Y: '10 + 2 * X', X: '3' } }, intervention: { X: 10 }, outcome: 'Y' };
    const key = `isl:results:${jobCacheKey('counterfactual', linear)}`;
    await redis.del(key); // a shared REDIS_URL may hold it from an earlier run
    const response = await post('/api/v1/causal/counterfactual', linear);
    expect(response.json<{ prediction: { point_estimate: number } }>().prediction.point_estimate).toBe(30);
    expect(await redis.ttl(key)).toBe(3_600);
    expect(JSON.parse((await redis.get(key))!)).toMatchObject({ prediction: { point_estimate: 30 } });
  });
});

describe('with the configured Redis unreachable', () => {
  it('answers user-state requests 503, fails /ready, reports degraded health and still computes', async () => {
    const deadPort = await freePort();
    const down = await islService.build({
      env: { LOG_LEVEL: 'silent', SECRET_KEY: SECRET, COMPUTE_THREADS: '0', DISABLE_RATE_LIMIT: '1', REDIS_HOST: '127.0.0.1', REDIS_PORT: String(deadPort) },
    });
    try {
      const elicit = await down.app.inject({
        method: 'POST',
        url: '/api/v1/preferences/elicit',
        payload: { user_id: 'dave', context: { domain: 'pricing', variables: ['revenue', 'churn'] } },
      });
      expect(elicit.statusCode).toBe(503);
      expect(elicit.json()).toMatchObject({ code: 'ISL_STORAGE_UNAVAILABLE' });
      expect((await down.app.inject('/ready')).statusCode).toBe(503);
      expect((await down.app.inject('/health')).json()).toMatchObject({ status: 'degraded', checks: { redis: { status: 'degraded' } } });
      expect((await down.app.inject('/api/v1/health/detailed')).json()).toMatchObject({
        status: 'degraded',
        redis: { status: 'disconnected', location: `127.0.0.1:${deadPort}/0` },
      });
      const linear = { model: { equations: { Y: '10 + 2 * X', X: '3' } }, intervention: { X: 10 }, outcome: 'Y' };
      const computed = await down.app.inject({ method: 'POST', url: '/api/v1/causal/counterfactual', payload: linear });
      expect(computed.statusCode).toBe(200);
      expect(seriesValue((await down.app.inject('/metrics')).body, 'isl_redis_connected')).toBe(0);
    } finally {
      await down.close();
    }
  });
});
