import { createService } from '@svc/kernel';
import type { BuiltService } from '@svc/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTeachingRoutes } from '../teaching/teaching-routes.js';
import { registerPreferenceRoutes } from './preference-routes.js';
import { BELIEFS_TTL_SECONDS, QUERIES_TTL_SECONDS } from './user-state-store.js';
import type { UserStateStore } from './user-state-store.js';

// The routes' contract with the per-user store, kept in a Map so the TTLs they ask for can be read.
class RecordingStore implements UserStateStore {
  readonly entries = new Map<string, { value: unknown; ttl: number }>();
  get(userId: string, key: string): Promise<unknown> {
    return Promise.resolve(structuredClone(this.entries.get(`${userId}/${key}`)?.value));
  }
  set(userId: string, key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.entries.set(`${userId}/${key}`, { value: structuredClone(value), ttl: ttlSeconds });
    return Promise.resolve();
  }
}

const store = new RecordingStore();
const testService = createService({
  name: 'isl-preferences-test',
  version: '0.0.0',
  routes(app) {
    registerPreferenceRoutes(app, { prefix: '/api/v1', store });
    registerTeachingRoutes(app, { prefix: '/api/v1', store });
  },
});

let service: BuiltService<unknown>;
beforeAll(async () => {
  service = await testService.build({ env: { LOG_LEVEL: 'silent' } });
});
afterAll(async () => {
  await service.close();
});

interface Query {
  id: string;
  information_gain: number;
}

describe('preference routes', () => {
  it('elicit → update works on the very first call and moves the weights', async () => {
    const elicit = await service.app.inject({
      method: 'POST',
      url: '/api/v1/preferences/elicit',
      payload: {
        user_id: 'alice',
        context: { domain: 'pricing', variables: ['revenue', 'churn'] },
        num_queries: 3,
      },
    });
    expect(elicit.statusCode).toBe(200);
    const { queries } = elicit.json<{ queries: Query[] }>();
    expect(queries).toHaveLength(3);
    expect(queries[0]!.information_gain).toBeGreaterThan(queries[2]!.information_gain);
    expect(store.entries.get('alice/preferences:beliefs')?.ttl).toBe(BELIEFS_TTL_SECONDS);
    expect(store.entries.get(`alice/preferences:query:${queries[0]!.id}`)?.ttl).toBe(QUERIES_TTL_SECONDS);

    const update = await service.app.inject({
      method: 'POST',
      url: '/api/v1/preferences/update',
      payload: { user_id: 'alice', query_id: queries[0]!.id, response: 'A', confidence: 1 },
    });
    expect(update.statusCode).toBe(200);
    const body = update.json<{
      queries_completed: number;
      updated_beliefs: Record<string, { parameters: { mean: number } }>;
      next_queries: Query[];
    }>();
    expect(body.queries_completed).toBe(1);
    expect(body.updated_beliefs['revenue']?.parameters.mean).not.toBe(0.5);
    expect(body.next_queries.length).toBeGreaterThan(0);
    expect(store.entries.has(`alice/preferences:query:${body.next_queries[0]!.id}`)).toBe(true);
  });

  it('answers 404 for an unknown query and 400 for a bad user id', async () => {
    const missing = await service.app.inject({
      method: 'POST',
      url: '/api/v1/preferences/update',
      payload: { user_id: 'bob', query_id: 'q_nope', response: 'B' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('ISL_QUERY_NOT_FOUND');
    const bad = await service.app.inject({
      method: 'POST',
      url: '/api/v1/preferences/elicit',
      payload: { user_id: 'bob smith!', context: { domain: 'd', variables: ['a', 'b'] } },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('teaching route', () => {
  it('teaches from the stored beliefs and stores the new ones', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/teaching/teach',
      payload: { user_id: 'carol', target_concept: 'confounding', max_examples: 2 },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ examples: { information_value: number }[]; belief_after: number }>();
    expect(body.examples).toHaveLength(2);
    expect(body.examples[0]!.information_value).toBe(0.375);
    const stored = store.entries.get('carol/teaching:beliefs');
    expect(stored?.ttl).toBe(BELIEFS_TTL_SECONDS);
    expect((stored?.value as Record<string, number[]>)['confounding']?.[0]).toBe(body.belief_after);
  });

  it('answers 400 listing the concepts for an unknown one', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/teaching/teach',
      payload: { user_id: 'carol', target_concept: 'astrology' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string }>();
    expect(body.code).toBe('ISL_UNKNOWN_CONCEPT');
    expect(body.message).toContain(
      'confounding, mediation, selection_bias, collider_bias, regression_to_the_mean, simpsons_paradox',
    );
  });
});
