/**
 * The assembled service through HTTP (inject): health, detailed health, routes on the thread pool,
 * error bodies naming the field, business counters counting exactly, and the guide's configuration.
 */
import type { BuiltService } from '@svc/kernel';
import { ConfigError } from '@svc/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { islService } from '../src/app.js';
import type { IslConfig } from '../src/config.js';
import { computeThreadCount, islEnvironment } from '../src/config.js';
import { seriesValue } from './fixtures/prometheus-text.js';
import { chainConfounder, joe, joeEvidence, linear } from './fixtures/requests.js';

const BASE_ENV = { LOG_LEVEL: 'silent', SECRET_KEY: 'isl-service-test-secret', COMPUTE_THREADS: '1', DISABLE_RATE_LIMIT: '1' };

let service: BuiltService<IslConfig>;
beforeAll(async () => {
  service = await islService.build({ env: BASE_ENV });
});
afterAll(async () => {
  await service?.close();
});

const post = (url: string, payload: object) => service.app.inject({ method: 'POST', url, payload });
const metricsText = async () => (await service.app.inject('/metrics')).body;

describe('GET /health', () => {
  it('answers {"status":"healthy","version":…} with the compute check', async () => {
    const response = await service.app.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'healthy',
      service: 'isl',
      version: '0.1.0',
      checks: { compute: { status: 'ok', threads: 1 } },
    });
  });
});

describe('GET /api/v1/health/detailed', () => {
  it('reports Redis, workers, cache and storage', async () => {
    const response = await service.app.inject('/api/v1/health/detailed');
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      status: 'healthy',
      version: '0.1.0',
      environment: 'development',
      redis: { status: 'not_configured' },
      workers: { http_workers: 1, compute: { mode: 'worker_threads', threads: 1, alive: 1 } },
      cache: { enabled: true, backend: 'memory', ttl_seconds: 3600, max_entries: 1000 },
      storage: { backend: 'memory', ttl_seconds: { beliefs: 86_400, queries: 604_800 } },
    });
  });
});

describe('computation routes on the thread pool', () => {
  it("answers Joe's counterfactual 1.90 with evidence and E[Y | do(H=2)] = 0.80 without", async () => {
    const withEvidence = await post('/api/v1/causal/counterfactual', { ...joe, evidence: joeEvidence });
    expect(withEvidence.statusCode).toBe(200);
    expect(withEvidence.json<{ prediction: { point_estimate: number } }>().prediction.point_estimate).toBe(1.9);
    const interventional = await post('/api/v1/causal/counterfactual', joe);
    expect(interventional.json<{ prediction: { point_estimate: number } }>().prediction.point_estimate).toBe(0.8);
  });

  it('answers Y = 10 + 2X under do(X=10) with 30 exactly, equations out of order', async () => {
    const response = await post('/api/v1/causal/counterfactual', linear);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ prediction: { point_estimate: number } }>().prediction.point_estimate).toBe(30);
  });

  it('finds the adjustment sets {C} and {B}', async () => {
    const response = await post('/api/v1/causal/validate', chainConfounder);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'identifiable', adjustment_sets: [['C'], ['B']], minimal_set: ['C'] });
  });

  it('answers the E-value 3.4142 for a risk ratio of 2', async () => {
    const response = await post('/api/v1/analysis/sensitivity', {
      model: { equations: { Y: '2 * X' }, variables: ['X', 'Y'] },
      assumptions: [{ name: 'X', variable: 'X', current_value: 1 }],
      outcome: 'Y',
      effect_estimates: [{ type: 'risk_ratio', estimate: 2 }],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ e_values: { e_value: number }[] }>();
    expect(body.e_values[0]?.e_value).toBeCloseTo(3.4142, 4);
  });
});

describe('error bodies', () => {
  it('names the field of a domain error raised on a worker thread', async () => {
    const response = await post('/api/v1/causal/counterfactual', {
      ...joe,
      model: { ...joe.model, equations: { ...joe.model.equations, Y: 'X + W' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'ISL_MODEL_UNKNOWN_SYMBOL',
      details: { field: 'model.equations.Y' },
    });
  });

  it('names the field of a domain error raised in-process, keeping its details', async () => {
    const response = await post('/api/v1/teaching/teach', { user_id: 'field-test', target_concept: 'astrology' });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; details: { field: string; valid: string[] } }>();
    expect(body.code).toBe('ISL_UNKNOWN_CONCEPT');
    expect(body.details.field).toBe('target_concept');
    expect(body.details.valid).toContain('confounding');
  });

  it('answers a graph cycle with 400 and the cycle in details', async () => {
    const response = await post('/api/v1/causal/validate', {
      dag: { nodes: ['A', 'B'], edges: [['A', 'B'], ['B', 'A']] },
      treatment: 'A',
      outcome: 'B',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'ISL_GRAPH_CYCLE', details: { cycle: ['A', 'B', 'A'] } });
  });
});

describe('business metrics', () => {
  it('count each business request exactly once, with cache hits for repeated requests', async () => {
    const before = await metricsText();
    const count = (text: string, series: string) => seriesValue(text, series) ?? 0;
    const request = { ...joe, seed: 424242 };
    expect((await post('/api/v1/causal/counterfactual', request)).statusCode).toBe(200);
    expect((await post('/api/v1/causal/counterfactual', request)).statusCode).toBe(200);
    expect((await post('/api/v1/causal/validate', chainConfounder)).statusCode).toBe(200);
    const elicit = await post('/api/v1/preferences/elicit', {
      user_id: 'metrics-user',
      context: { domain: 'pricing', variables: ['revenue', 'churn'] },
      num_queries: 2,
    });
    const queryId = elicit.json<{ queries: { id: string }[] }>().queries[0]!.id;
    expect((await post('/api/v1/preferences/update', { user_id: 'metrics-user', query_id: queryId, response: 'A' })).statusCode).toBe(200);
    expect((await service.app.inject({ method: 'DELETE', url: '/api/v1/users/metrics-user' })).statusCode).toBe(200);
    const after = await metricsText();

    const delta = (series: string) => count(after, series) - count(before, series);
    expect(delta('isl_counterfactuals_total')).toBe(2);
    expect(delta('isl_cache_misses_total{cache="counterfactual"}')).toBe(1);
    expect(delta('isl_cache_hits_total{cache="counterfactual"}')).toBe(1);
    expect(delta('isl_compute_jobs_total{kind="counterfactual",outcome="ok"}')).toBe(1);
    expect(delta('isl_validations_total{kind="causal_graph"}')).toBe(1);
    expect(delta('isl_preference_elicitations_total')).toBe(1);
    expect(delta('isl_belief_updates_total')).toBe(1);
    expect(delta('isl_user_erasures_total')).toBe(1);
    expect(after).toContain('isl_http_requests_total{method="POST",route="/api/v1/causal/counterfactual",status_code="200"}');
    expect(after).toContain('isl_http_requests_total{method="DELETE",route="/api/v1/users/:user_id",status_code="200"}');
    expect(after).not.toContain('metrics-user');
  });
});

describe('configuration', () => {
  it('builds REDIS_URL from the guide’s REDIS_HOST/PORT/DB/PASSWORD unless REDIS_URL is set', () => {
    expect(islEnvironment({ REDIS_HOST: 'redis.internal', REDIS_PORT: '6380', REDIS_DB: '2', REDIS_PASSWORD: 'p@ss word' })['REDIS_URL']).toBe(
      'redis://:p%40ss%20word@redis.internal:6380/2',
    );
    expect(islEnvironment({ REDIS_HOST: 'localhost' })['REDIS_URL']).toBe('redis://localhost:6379/0');
    expect(islEnvironment({ REDIS_HOST: 'a', REDIS_URL: 'redis://b:1/0' })['REDIS_URL']).toBe('redis://b:1/0');
    expect(islEnvironment({})['REDIS_URL']).toBeUndefined();
  });

  it('reads the guide’s .env example: ENV, LOG_LEVEL=INFO, PORT default 8001, API_V1_PREFIX', () => {
    const config = islService.loadConfig({ ENV: 'staging', LOG_LEVEL: 'INFO', API_V1_PREFIX: '/api/v2' });
    expect([config.ENVIRONMENT, config.LOG_LEVEL, config.PORT, config.API_V1_PREFIX]).toEqual(['staging', 'info', 8001, '/api/v2']);
    expect([config.ENABLE_MONITORING, config.ENABLE_CACHE, config.REDIS_URL]).toEqual([true, true, '']);
  });

  it('refuses ENV=production without a SECRET_KEY', () => {
    expect(() => islService.loadConfig({ ENV: 'production' })).toThrow(ConfigError);
    expect(() => islService.loadConfig({ ENV: 'production' })).toThrow(/SECRET_KEY/);
    expect(islService.loadConfig({ ENV: 'production', SECRET_KEY: 'a'.repeat(64) }).ENVIRONMENT).toBe('production');
  });

  it('sizes the compute pool to max(1, (cores - 1) / WORKERS) when COMPUTE_THREADS=auto', () => {
    expect(computeThreadCount({ COMPUTE_THREADS: 'auto', WORKERS: '1' }, 8)).toBe(7);
    expect(computeThreadCount({ COMPUTE_THREADS: 'auto', WORKERS: '2' }, 8)).toBe(3);
    expect(computeThreadCount({ COMPUTE_THREADS: 'auto', WORKERS: '1' }, 1)).toBe(1);
    expect(computeThreadCount({ COMPUTE_THREADS: '0', WORKERS: '4' }, 8)).toBe(0);
  });
});

describe('feature flags', () => {
  it('hides /metrics with ENABLE_MONITORING=false, serves the API under API_V1_PREFIX and computes in-process with COMPUTE_THREADS=0', async () => {
    const other = await islService.build({
      env: { ...BASE_ENV, ENABLE_MONITORING: 'false', ENABLE_CACHE: 'false', COMPUTE_THREADS: '0', API_V1_PREFIX: '/v2' },
    });
    try {
      expect((await other.app.inject('/metrics')).statusCode).toBe(404);
      const response = await other.app.inject({ method: 'POST', url: '/v2/causal/counterfactual', payload: linear });
      expect(response.statusCode).toBe(200);
      expect((await other.app.inject({ method: 'POST', url: '/api/v1/causal/counterfactual', payload: linear })).statusCode).toBe(404);
      const detailed = (await other.app.inject('/v2/health/detailed')).json<Record<string, unknown>>();
      expect(detailed).toMatchObject({ workers: { compute: { mode: 'in_process', threads: 0 } }, cache: { enabled: false, backend: 'disabled' } });
    } finally {
      await other.close();
    }
  });
});
