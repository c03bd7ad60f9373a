import { afterEach, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../src/testing/index.js';
import { getFresh, spawnDemo, waitUntilServing, type RunningProcess } from './fixtures/spawn-service.js';

const running: RunningProcess[] = [];
afterEach(() => {
  for (const process of running.splice(0)) process.child.kill('SIGKILL');
});

describe('configuration at start', () => {
  it('exits 2 and reports every bad variable at once', async () => {
    const service = spawnDemo({ PORT: '99999', WORKERS: 'lots', TRUST_PROXY: 'true' });
    running.push(service);
    expect(await service.exited).toBe(2);
    expect(service.output()).toContain('PORT:');
    expect(service.output()).toContain('WORKERS:');
  });
});

describe('graceful shutdown', () => {
  it('turns /ready to 503, finishes the in-flight request and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const service = spawnDemo({ PORT: String(port), SHUTDOWN_DRAIN_DELAY_MS: '300' });
    running.push(service);
    await waitUntilServing(port);

    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
    await new Promise((resolve) => setTimeout(resolve, 50));
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(503);
    expect(await inFlight).toEqual({ done: true });
    const code = await service.exited;
    expect(service.output()).toContain('shutdown complete');
    expect(code).toBe(0);
  });
});

describe('WORKERS', () => {
  it(
    'runs N workers, aggregates their metrics, shares rate limits and replaces a crashed worker',
    { timeout: 90_000 },
    async () => {
      const port = await freePort();
      const service = spawnDemo({ PORT: String(port), WORKERS: '2', RATE_LIMIT_REQUESTS: '30' });
      running.push(service);
      await waitUntilServing(port);

      // New connections are spread across workers: collect both pids.
      const pids = new Set<number>();
      await waitFor('requests served by two workers', async () => {
        const response = await getFresh(`http://127.0.0.1:${port}/pid`);
        pids.add((JSON.parse(response.body) as { pid: number }).pid);
        return pids.size === 2;
      });
      const served = (await getFresh(`http://127.0.0.1:${port}/metrics`)).body;
      const line = served
        .split('\n')
        .find((l) => l.startsWith('demo_http_requests_total{method="GET",route="/pid",status_code="200"}'));
      const count = Number(line?.split(' ').pop());
      // Every /pid request, whichever worker served it, appears in the one aggregated view.
      const pidRequests = Number((service.output().match(/"route":"\/pid"/g) ?? []).length);
      expect(count).toBe(pidRequests);

      // The limit (30 per window) holds across both workers together, not 30 each.
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        statuses.push((await getFresh(`http://127.0.0.1:${port}/items/1`)).status);
      }
      // /pid requests counted against the same client too; exactly what is left of the 30 passes.
      expect(statuses.filter((s) => s === 200).length).toBe(30 - count);

      const [victim] = [...pids];
      process.kill(victim!, 'SIGKILL');
      await waitFor('a replacement worker', async () => {
        const response = await getFresh(`http://127.0.0.1:${port}/health`);
        return response.status === 200 && service.output().includes('worker died; starting a replacement');
      });
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    },
  );
});
