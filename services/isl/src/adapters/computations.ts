/**
 * How the routes' heavy work runs: on the worker-thread pool (or in-process when COMPUTE_THREADS=0),
 * behind an optional result cache. Every job is deterministic (seeded), so equal requests may share
 * an answer; the cache key is a hash of the job kind and the request's canonical JSON.
 */
import { createHash } from 'node:crypto';
import type { Cache } from '@svc/kernel';
import { canonicalJson } from '../domain/scm/canonical-json.js';
import type { BusinessMetrics } from './business-metrics.js';
import type { ComputePool, ComputePoolStats } from './compute-pool.js';
import type { ComputeJobKind, JobInput, JobOutput } from './compute-jobs.js';
import { runJobInProcess } from './compute-jobs.js';

export interface ComputationsOptions {
  /** Worker threads; absent means in-process (COMPUTE_THREADS=0). */
  readonly pool?: ComputePool;
  /** Result cache (ENABLE_CACHE); absent means every request computes. */
  readonly cache?: Cache<object>;
  readonly metrics?: BusinessMetrics;
}

export interface ComputationsStats {
  readonly mode: ComputePoolStats['mode'] | 'in_process';
  readonly pool?: ComputePoolStats;
}

export interface Computations {
  run<K extends ComputeJobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>>;
  stats(): ComputationsStats;
}

/** The cache key of a job: kind and canonical request, hashed (requests can be large). */
export function jobCacheKey(kind: ComputeJobKind, input: unknown): string {
  return createHash('sha256').update(kind).update('\u0000').update(canonicalJson(input)).digest('hex');
}

export function createComputations(options: ComputationsOptions): Computations {
  const execute = <K extends ComputeJobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> => {
    if (options.pool) return options.pool.run<JobOutput<K>>(kind, input);
    return runJobInProcess(kind, input).then(
      (result) => {
        options.metrics?.computeJob(kind, 'ok');
        return result;
      },
      (error: unknown) => {
        options.metrics?.computeJob(kind, 'error');
        throw error;
      },
    );
  };

  return {
    async run(kind, input) {
      const cache = options.cache;
      if (!cache) return execute(kind, input);
      const key = jobCacheKey(kind, input);
      const cached = await cache.get(key);
      options.metrics?.cacheLookup(kind, cached !== undefined);
      if (cached !== undefined) return cached as JobOutput<typeof kind>;
      const result = await execute(kind, input);
      await cache.set(key, result);
      return result;
    },
    stats() {
      const pool = options.pool?.stats();
      return pool ? { mode: pool.mode, pool } : { mode: 'in_process' };
    },
  };
}
