/**
 * Heavy computations run on worker threads: while eight Monte Carlo counterfactuals are pending,
 * /health still answers. (Latency targets are measured by `npm run bench`, never asserted here.)
 */
import type { BuiltService } from '@svc/kernel';
import { waitFor } from '@svc/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { islService } from '../src/app.js';
import type { IslConfig } from '../src/config.js';
import { seriesValue } from './fixtures/prometheus-text.js';
import { joe } from './fixtures/requests.js';

let service: BuiltService<IslConfig>;
beforeAll(async () => {
  service = await islService.build({
    env: { LOG_LEVEL: 'silent', COMPUTE_THREADS: '1', ENABLE_CACHE: 'false', DISABLE_RATE_LIMIT: '1' },
  });
  // Warm the thread up, so the jobs below are pending on computation, not on its start.
  await service.app.inject({ method: 'POST', url: '/api/v1/causal/counterfactual', payload: joe });
});
afterAll(async () => {
  await service?.close();
});

interface DetailedHealth {
  workers: { compute: { busy: number; queued: number; completed: number } };
}

describe('the computation pool', () => {
  it('keeps /health answering 200 while 8 counterfactuals are pending', async () => {
    let settled = 0;
    const jobs = Array.from({ length: 8 }, (_, i) =>
      service.app
        .inject({ method: 'POST', url: '/api/v1/causal/counterfactual', payload: { ...joe, samples: 20_000, seed: 1000 + i } })
        .finally(() => {
          settled++;
        }),
    );

    // Wait until the jobs have reached the pool (request parsing is asynchronous too).
    const pending = async () => {
      const { compute } = (await service.app.inject('/api/v1/health/detailed')).json<DetailedHealth>().workers;
      return compute.busy + compute.queued;
    };
    await waitFor('counterfactuals to reach the pool', async () => (await pending()) > 0, 10_000);

    const health = await service.app.inject('/health');
    const pendingAfterProbe = await pending();
    const settledAfterProbe = settled;

    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'healthy' });
    expect(pendingAfterProbe).toBeGreaterThan(0);
    expect(settledAfterProbe).toBeLessThan(8);

    const responses = await Promise.all(jobs);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    // Different seeds, different Monte Carlo draws: these were eight real computations.
    expect(new Set(responses.map((r) => r.body)).size).toBe(8);
    const text = (await service.app.inject('/metrics')).body;
    expect(seriesValue(text, 'isl_counterfactuals_total')).toBe(9);
    expect(seriesValue(text, 'isl_compute_jobs_total{kind="counterfactual",outcome="ok"}')).toBe(9);
  });
});
