/**
 * `GET {prefix}/health/detailed`: the guide's detailed health: Redis, workers (HTTP processes and
 * computation threads), the result cache and the user-state storage with its TTLs.
 */
import { Type } from '@svc/kernel';
import type { ServiceApp } from '@svc/kernel';
import type { Redis } from 'ioredis';
import type { Computations } from '../../adapters/computations.js';
import { pingRedis } from '../../adapters/redis-readiness.js';

export interface DetailedHealthOptions {
  prefix: string;
  version: string;
  environment: string;
  /** Process start, ms since the epoch. */
  startedAt: number;
  /** The configured Redis and where it is (host:port/db, never the password). */
  redis?: { client: Redis; location: string };
  /** WORKERS: HTTP worker processes. */
  httpWorkers: number;
  computations: Computations;
  cache: {
    enabled: boolean;
    backend: 'memory' | 'memory+redis' | 'disabled';
    ttlSeconds: number;
    maxEntries: number;
    stats: () => { hits: number; misses: number; size: number };
  };
  storage: { backend: 'redis' | 'memory'; beliefsTtlSeconds: number; queriesTtlSeconds: number };
}

async function redisReport(redis: DetailedHealthOptions['redis']): Promise<{ status: string; [detail: string]: unknown }> {
  if (!redis) return { status: 'not_configured' };
  try {
    return { status: 'connected', location: redis.location, latency_ms: await pingRedis(redis.client) };
  } catch (error) {
    return {
      status: 'disconnected',
      location: redis.location,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Registers the detailed health route. */
export function registerDetailedHealthRoutes(app: ServiceApp, options: DetailedHealthOptions): void {
  app.get(
    `${options.prefix}/health/detailed`,
    {
      schema: {
        summary: 'Detailed health: Redis, workers, cache and storage',
        description:
          '`status` is `degraded` while a configured Redis is unreachable or computation threads cannot start ' +
          '(computations then run in-process). Always 200: liveness is GET /health, readiness GET /ready.',
        tags: ['operations'],
        response: {
          200: Type.Object(
            {
              status: Type.Union([Type.Literal('healthy'), Type.Literal('degraded')]),
              version: Type.String(),
              environment: Type.String(),
              timestamp: Type.String(),
              uptime_seconds: Type.Number(),
              redis: Type.Object({ status: Type.String() }, { additionalProperties: true }),
              workers: Type.Object({}, { additionalProperties: true }),
              cache: Type.Object({}, { additionalProperties: true }),
              storage: Type.Object({}, { additionalProperties: true }),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async () => {
      const redis = await redisReport(options.redis);
      const compute = options.computations.stats();
      const cacheStats = options.cache.stats();
      const lookups = cacheStats.hits + cacheStats.misses;
      const degraded = redis['status'] === 'disconnected' || compute.mode === 'in_process_fallback';
      return {
        status: degraded ? ('degraded' as const) : ('healthy' as const),
        version: options.version,
        environment: options.environment,
        timestamp: new Date().toISOString(),
        uptime_seconds: Math.round((Date.now() - options.startedAt) / 10) / 100,
        redis,
        workers: {
          http_workers: options.httpWorkers,
          compute: {
            mode: compute.mode,
            threads: compute.pool?.size ?? 0,
            alive: compute.pool?.alive ?? 0,
            ready: compute.pool?.ready ?? 0,
            busy: compute.pool?.busy ?? 0,
            queued: compute.pool?.queued ?? 0,
            completed: compute.pool?.completed ?? 0,
            failed: compute.pool?.failed ?? 0,
            timeouts: compute.pool?.timeouts ?? 0,
            crashes: compute.pool?.crashes ?? 0,
            restarts: compute.pool?.restarts ?? 0,
          },
        },
        cache: {
          enabled: options.cache.enabled,
          backend: options.cache.backend,
          ttl_seconds: options.cache.ttlSeconds,
          max_entries: options.cache.maxEntries,
          entries: cacheStats.size,
          hits: cacheStats.hits,
          misses: cacheStats.misses,
          hit_rate: lookups === 0 ? 0 : Math.round((cacheStats.hits / lookups) * 10_000) / 10_000,
        },
        storage: {
          backend: options.storage.backend,
          ttl_seconds: { beliefs: options.storage.beliefsTtlSeconds, queries: options.storage.queriesTtlSeconds },
        },
      };
    },
  );
}
