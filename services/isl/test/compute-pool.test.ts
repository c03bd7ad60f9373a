import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComputePool, workerScript } from '../src/adapters/compute-pool.js';
import type { ComputePool, PoolEvent } from '../src/adapters/compute-pool.js';
import { IslError } from '../src/errors.js';

const script = workerScript('fixtures/pool-test-worker', import.meta.url);
const open: ComputePool[] = [];

function pool(overrides: Partial<Parameters<typeof createComputePool>[0]> = {}): ComputePool {
  const created = createComputePool({ script, size: 1, timeoutMs: 10_000, maxQueue: 10, ...overrides });
  open.push(created);
  return created;
}

afterAll(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the job to fail');
    },
    (error: unknown) => error as Error,
  );
}

describe('workerScript', () => {
  it('starts .ts entries through a tsx bootstrap from sources and .js entries directly from dist', () => {
    const fromSource = workerScript('compute-worker', import.meta.url);
    expect(fromSource.url.protocol).toBe('data:');
    expect(decodeURIComponent(fromSource.url.href)).toContain(new URL('./compute-worker.ts', import.meta.url).href);
    const compiled = workerScript('compute-worker', 'file:///srv/isl/dist/adapters/compute-pool.js');
    expect(compiled.url.href).toBe('file:///srv/isl/dist/adapters/compute-worker.js');
    expect(compiled.execArgv).toEqual([]);
  });
});

describe('createComputePool', () => {
  // One warm pool for most cases: starting a worker from TypeScript sources takes seconds here.
  const events: PoolEvent[] = [];
  let shared: ComputePool;
  beforeAll(async () => {
    shared = pool({ timeoutMs: 1_500, maxQueue: 2, onEvent: (event) => events.push(event) });
    await shared.run('echo', 'warm');
  });

  it('runs jobs on a worker thread and returns a copy of the result', async () => {
    const input = { a: [1, 2, { b: 'c' }] };
    const output = await shared.run<typeof input>('echo', input);
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
    expect(await shared.run<number>('threadId', null)).toBeGreaterThan(0);
    expect(shared.stats()).toMatchObject({ mode: 'worker_threads', size: 1, alive: 1, ready: 1, busy: 0, queued: 0 });
  });

  it('revives a domain error with its code, field and details', async () => {
    const error = await failureOf(shared.run('fail', null));
    expect(error).toBeInstanceOf(IslError);
    const isl = error as IslError;
    expect([isl.code, isl.statusCode, isl.field]).toEqual(['ISL_MODEL_CYCLE', 400, 'model.equations']);
    expect(isl.details).toEqual({ cycle: ['A', 'B', 'A'] });
    expect(isl.message).toBe('Structural equations form a cycle: A → B → A');
  });

  it('turns an unexpected error into a plain Error (a 500 for HTTP)', async () => {
    const error = await failureOf(shared.run('bug', null));
    expect(error).not.toBeInstanceOf(IslError);
    expect(error.message).toBe('computation "bug" failed: secret internal detail');
  });

  it('queues jobs beyond the pool size and refuses them past the queue limit', async () => {
    const running = [shared.run('busy', 200), shared.run('busy', 1), shared.run('busy', 1)];
    expect(shared.stats()).toMatchObject({ busy: 1, queued: 2 });
    const refused = await failureOf(shared.run('busy', 1));
    expect((refused as IslError).code).toBe('ISL_COMPUTE_OVERLOADED');
    expect((refused as IslError).statusCode).toBe(503);
    expect(await Promise.all(running)).toEqual([200, 1, 1]);
  });

  it('fails a job past its deadline with ISL_COMPUTE_TIMEOUT and replaces the stuck worker', async () => {
    const before = shared.stats();
    const error = await failureOf(shared.run('spin', null));
    expect((error as IslError).code).toBe('ISL_COMPUTE_TIMEOUT');
    expect((error as IslError).statusCode).toBe(504);
    expect(error.message).toBe('computation "spin" exceeded 1500 ms');
    expect(await shared.run('echo', 'after the timeout')).toBe('after the timeout');
    const after = shared.stats();
    expect([after.timeouts - before.timeouts, after.restarts - before.restarts, after.alive]).toEqual([1, 1, 1]);
    expect(events).toContainEqual({ type: 'job', kind: 'spin', outcome: 'timeout' });
    expect(events).toContainEqual({ type: 'restart' });
  });

  it('fails the running job when its worker crashes and keeps serving with a replacement', async () => {
    const before = shared.stats();
    const error = await failureOf(shared.run('crash', null));
    expect(error.message).toBe('computation worker stopped (exit code 3) while running "crash"');
    expect(await shared.run('echo', 42)).toBe(42);
    const after = shared.stats();
    expect([after.crashes - before.crashes, after.restarts - before.restarts, after.alive]).toEqual([1, 1, 1]);
    expect(events).toContainEqual({ type: 'job', kind: 'crash', outcome: 'crash' });
  });

  it('runs jobs in-process when workers cannot start', async () => {
    const broken = workerScript('fixtures/no-such-worker', import.meta.url);
    const p = pool({ script: broken, fallback: (kind, input) => Promise.resolve({ kind, input }) });
    expect(await p.run('echo', 7)).toEqual({ kind: 'echo', input: 7 });
    expect(p.stats().mode).toBe('in_process_fallback');
  });

  it('fails waiting jobs when closed', async () => {
    const p = pool();
    const waiting = [failureOf(p.run('busy', 1)), failureOf(p.run('busy', 1))];
    await p.close();
    expect((await Promise.all(waiting)).map((error) => error.message)).toEqual([
      'the service is shutting down',
      'the service is shutting down',
    ]);
  });
});
