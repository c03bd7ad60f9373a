/**
 * A small fixed pool of worker threads for heavy computations (counterfactual Monte Carlo, sensitivity
 * sweeps, bootstrap estimation), so the event loop keeps answering /health and light requests while
 * they run. Jobs wait in a bounded queue; each has a deadline once running; a worker that crashes or overruns its
 * deadline is terminated and replaced.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ServiceError } from '@svc/kernel';
import type { ServiceContext } from '@svc/kernel';
import { ISL_ERRORS, IslError } from '../errors.js';
import type { IslErrorCode } from '../errors.js';
import type { JobFailure, JobRequest, WorkerMessage } from './compute-protocol.js';

type Logger = ServiceContext<unknown>['log'];

/** The file a worker thread runs, and the Node flags it needs. */
export interface WorkerScript {
  readonly url: URL;
  readonly execArgv: readonly string[];
}

/**
 * Locates a worker entry next to the calling module, from compiled `dist` (plain `.js`) or from
 * TypeScript sources (vitest, tsx). Node 20 does not apply `--import` loader hooks inside worker
 * threads, so a source worker starts from a small bootstrap that registers tsx's ESM hooks with
 * `tsx/esm/api` and then imports the `.ts` entry.
 *
 * @example
 * const script = workerScript('compute-worker', import.meta.url);
 */
export function workerScript(name: string, callerUrl: string): WorkerScript {
  if (!callerUrl.endsWith('.ts')) return { url: new URL(`./${name}.js`, callerUrl), execArgv: [] };
  const entry = new URL(`./${name}.ts`, callerUrl);
  const tsxRoot = dirname(createRequire(callerUrl).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap =
    `const { register } = await import(${JSON.stringify(tsxApi)});\n` +
    `register();\n` +
    `await import(${JSON.stringify(entry.href)});\n`;
  return { url: new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), execArgv: [] };
}

/** What happened to one job, for metrics. */
export type JobOutcome = 'ok' | 'error' | 'timeout' | 'crash' | 'rejected';

export type PoolEvent =
  | { readonly type: 'job'; readonly kind: string; readonly outcome: JobOutcome }
  | { readonly type: 'restart' };

export interface ComputePoolOptions {
  readonly script: WorkerScript;
  /** Worker threads (at least 1). */
  readonly size: number;
  /** Deadline of one job once a worker runs it, in ms; past it the job fails and its worker is replaced. */
  readonly timeoutMs: number;
  /** Jobs allowed to wait for a free worker; more are refused with ISL_COMPUTE_OVERLOADED. */
  readonly maxQueue: number;
  readonly log?: Logger;
  readonly onEvent?: (event: PoolEvent) => void;
  /**
   * Runs a job in this thread when workers cannot start at all (e.g. a broken install), so the
   * service degrades to slower answers instead of failing every request.
   */
  readonly fallback?: (kind: string, input: unknown) => Promise<unknown>;
}

export interface ComputePoolStats {
  readonly mode: 'worker_threads' | 'in_process_fallback';
  readonly size: number;
  readonly alive: number;
  readonly ready: number;
  readonly busy: number;
  readonly queued: number;
  readonly completed: number;
  readonly failed: number;
  readonly timeouts: number;
  readonly crashes: number;
  readonly restarts: number;
}

export interface ComputePool {
  /** Runs `kind` on a worker thread with a structured-clone copy of `input`. */
  run<T>(kind: string, input: unknown): Promise<T>;
  stats(): ComputePoolStats;
  /** Terminates the workers; waiting and running jobs fail. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly kind: string;
  readonly input: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
  slot: Slot | undefined;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  /** Terminated after an overrun: takes no more jobs while it exits. */
  retiring: boolean;
  job: Job | undefined;
}

/** Workers that die before they ever report ready this many times in a row mean the pool cannot start. */
const MAX_START_FAILURES = 3;

function reviveError(kind: string, failure: JobFailure): Error {
  if (failure.code !== undefined && failure.statusCode !== undefined) {
    if (Object.hasOwn(ISL_ERRORS, failure.code)) {
      const details = failure.details as Record<string, unknown> | undefined;
      return new IslError(failure.code as IslErrorCode, failure.message, {
        ...(failure.field !== undefined ? { field: failure.field } : {}),
        ...(details !== undefined ? { details } : {}),
      });
    }
    return new ServiceError(failure.code, failure.statusCode, failure.message, failure.details);
  }
  return new Error(`computation "${kind}" failed: ${failure.message}`);
}

/** Starts the pool's workers; call `close()` on shutdown. */
export function createComputePool(options: ComputePoolOptions): ComputePool {
  const size = Math.max(1, Math.floor(options.size));
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let broken = false;
  let startFailures = 0;
  const counts = { completed: 0, failed: 0, timeouts: 0, crashes: 0, restarts: 0 };

  const emit = (event: PoolEvent) => options.onEvent?.(event);
  const settle = (job: Job, outcome: JobOutcome, error?: Error, value?: unknown) => {
    clearTimeout(job.timer);
    job.timer = undefined;
    emit({ type: 'job', kind: job.kind, outcome });
    if (outcome === 'ok') {
      counts.completed++;
      job.resolve(value);
    } else {
      if (outcome === 'error' || outcome === 'crash') counts.failed++;
      job.reject(error ?? new Error(`computation "${job.kind}" failed`));
    }
  };

  const runFallback = (job: Job) => {
    const fallback = options.fallback;
    if (!fallback) {
      settle(job, 'rejected', new IslError('ISL_COMPUTE_OVERLOADED', 'computation workers are unavailable'));
      return;
    }
    clearTimeout(job.timer);
    fallback(job.kind, job.input).then(
      (value) => settle(job, 'ok', undefined, value),
      (error: unknown) => settle(job, 'error', error instanceof Error ? error : new Error(String(error))),
    );
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.ready || slot.retiring || slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      job.slot = slot;
      job.timer = setTimeout(() => onTimeout(job), options.timeoutMs);
      try {
        slot.worker.postMessage({ id: job.id, kind: job.kind, input: job.input } satisfies JobRequest);
      } catch (error) {
        slot.job = undefined;
        settle(job, 'error', new IslError('ISL_INVALID_INPUT', `input cannot be sent to a worker: ${String(error)}`));
      }
    }
  };

  const spawn = () => {
    const worker = new Worker(options.script.url, { execArgv: [...options.script.execArgv] });
    const slot: Slot = { worker, ready: false, retiring: false, job: undefined };
    slots.add(slot);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        startFailures = 0;
        dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return; // the answer of a job that already timed out
      slot.job = undefined;
      if (message.ok) settle(job, 'ok', undefined, message.result);
      else settle(job, 'error', reviveError(job.kind, message.error));
      dispatch();
    });
    worker.on('error', (error) => {
      options.log?.error({ err: error }, 'computation worker failed');
    });
    worker.on('exit', (code) => {
      slots.delete(slot);
      const job = slot.job;
      slot.job = undefined;
      if (job) {
        counts.crashes++;
        settle(job, 'crash', new Error(`computation worker stopped (exit code ${code}) while running "${job.kind}"`));
      }
      if (closed) return;
      if (!slot.ready && ++startFailures >= MAX_START_FAILURES) {
        broken = true;
        options.log?.error({ failures: startFailures }, 'computation workers cannot start; running computations in-process');
        for (const waiting of queue.splice(0)) runFallback(waiting);
        return;
      }
      counts.restarts++;
      emit({ type: 'restart' });
      options.log?.warn({ code }, 'computation worker exited; starting a replacement');
      spawn();
    });
  };

  const onTimeout = (job: Job) => {
    job.timer = undefined;
    const slot = job.slot;
    if (slot && slot.job === job) {
      // The thread is busy with a computation that overran; terminating it is the only way to stop it.
      slot.job = undefined;
      slot.retiring = true;
      void slot.worker.terminate();
    }
    counts.timeouts++;
    settle(job, 'timeout', new IslError('ISL_COMPUTE_TIMEOUT', `computation "${job.kind}" exceeded ${options.timeoutMs} ms`));
  };

  for (let i = 0; i < size; i++) spawn();

  return {
    run<T>(kind: string, input: unknown): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const job: Job = { id: nextId++, kind, input, resolve: resolve as (value: unknown) => void, reject, timer: undefined, slot: undefined };
        if (closed) {
          settle(job, 'rejected', new IslError('ISL_COMPUTE_OVERLOADED', 'the service is shutting down'));
          return;
        }
        if (broken) {
          runFallback(job);
          return;
        }
        if (queue.length >= options.maxQueue) {
          settle(job, 'rejected', new IslError('ISL_COMPUTE_OVERLOADED', `${queue.length} computations are already waiting; retry later`));
          return;
        }
        queue.push(job);
        dispatch();
      });
    },
    stats() {
      let ready = 0;
      let busy = 0;
      for (const slot of slots) {
        if (slot.ready && !slot.retiring) ready++;
        if (slot.job) busy++;
      }
      return { mode: broken ? 'in_process_fallback' : 'worker_threads', size, alive: slots.size, ready, busy, queued: queue.length, ...counts };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) settle(job, 'rejected', new IslError('ISL_COMPUTE_OVERLOADED', 'the service is shutting down'));
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}
