/**
 * `isl serve` as a real process, configured the guide's way (ENV=production, LOG_LEVEL=INFO,
 * REDIS_HOST/REDIS_PORT, SECRET_KEY), from TypeScript sources through tsx and from the compiled
 * `dist` (built by `npm test` before the tests run): health, a computation on a worker thread, and
 * a clean exit on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, startRedis, waitFor } from '@svc/kernel/testing';
import type { TestRedis } from '@svc/kernel/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobCacheKey } from '../src/adapters/computations.js';
import { linear } from './fixtures/requests.js';

const sourceCli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const distCli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

// Each variant gets its own Redis database: the result cache there is shared between processes.
const variants: [string, string[], boolean, string][] = [
  ['sources (tsx)', ['--import', 'tsx', sourceCli], true, '7'],
  ['dist', [distCli], existsSync(distCli), '8'],
];

describe.each(variants)('isl serve from %s', (_name, entry, available, db) => {
  it.runIf(available)('serves health and computations on worker threads, then exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const url = new URL(redis.url);
    // A shared REDIS_URL may still cache this answer from an earlier run; the thread must compute it.
    const client = new Redis({ host: url.hostname, port: Number(url.port || 6379), password: url.password || undefined, db: Number(db) });
    await client.del(`isl:results:${jobCacheKey('counterfactual', linear)}`);
    await client.quit();
    const proc = run([...entry, 'serve'], {
      ENV: 'production',
      LOG_LEVEL: 'INFO',
      HOST: '127.0.0.1',
      PORT: String(port),
      REDIS_HOST: url.hostname,
      REDIS_PORT: url.port || '6379',
      REDIS_DB: db,
      SECRET_KEY: 'cli-serve-test-secret-0123456789abcdef',
      COMPUTE_THREADS: '1',
    });
    try {
      await waitFor(`isl on port ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok, 30_000);
      const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: 'healthy', version: '0.1.0', checks: { redis: { status: 'ok' } } });

      const response = await fetch(`http://127.0.0.1:${port}/api/v1/causal/counterfactual`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(linear),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { prediction: { point_estimate: number } }).prediction.point_estimate).toBe(30);

      const detailed = (await (await fetch(`http://127.0.0.1:${port}/api/v1/health/detailed`)).json()) as Record<string, unknown>;
      expect(detailed).toMatchObject({
        environment: 'production',
        redis: { status: 'connected' },
        workers: { compute: { mode: 'worker_threads', threads: 1, completed: 1 } },
        storage: { backend: 'redis' },
      });
    } finally {
      proc.child.kill('SIGTERM');
    }
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('"msg":"shutdown complete"');
  });

  it.runIf(available)('exits 2 naming SECRET_KEY when ENV=production has none', async () => {
    const proc = run([...entry, 'serve'], { ENV: 'production', PORT: '0' });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain('SECRET_KEY: required in production');
  });
});
