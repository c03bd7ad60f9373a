import type { Redis } from 'ioredis';
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface ClientLimiterSettings {
  /** Requests allowed per window per client. */
  readonly points: number;
  readonly windowSeconds: number;
  /** Namespace in the shared store, e.g. the service name. */
  readonly keyPrefix: string;
  /** A fail-fast client (see createRedisClient); limits then hold across replicas. */
  readonly redis?: Redis;
  /** Under node:cluster: count in the primary so N workers do not allow N times the limit. */
  readonly clustered: boolean;
}

export type LimitDecision =
  | {
      readonly allowed: true;
      readonly limit: number;
      readonly remaining: number;
      readonly resetSeconds: number;
    }
  | { readonly allowed: false; readonly limit: number; readonly remaining: 0; readonly resetSeconds: number };

export interface ClientLimiter {
  /** Counts one request for `key`; never waits on a dead store for more than about 0.5 s. */
  consume(key: string): Promise<LimitDecision>;
  /** True while Redis is configured but unusable and the in-memory limiter stands in. */
  fallbackActive(): boolean;
}

/**
 * Per-client fixed-window limits: in memory, in the cluster primary, or in Redis with an in-memory
 * insurance limiter that takes over when Redis is unreachable (rejectIfRedisNotReady: no queueing).
 */
export function createClientLimiter(settings: ClientLimiterSettings): ClientLimiter {
  const base = {
    points: settings.points,
    duration: settings.windowSeconds,
    keyPrefix: `rl:${settings.keyPrefix}`,
  };
  const local: RateLimiterAbstract = settings.clustered
    ? new RateLimiterCluster({ ...base, timeoutMs: 500, insuranceLimiter: new RateLimiterMemory(base) })
    : new RateLimiterMemory(base);
  const limiter: RateLimiterAbstract = settings.redis
    ? new RateLimiterRedis({
        ...base,
        storeClient: settings.redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: local,
      })
    : local;

  return {
    async consume(key) {
      try {
        return decision(true, settings.points, await limiter.consume(key));
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decision(false, settings.points, rejection);
        // The store failed and no insurance answered: let the request through rather than fail it.
        return {
          allowed: true,
          limit: settings.points,
          remaining: settings.points,
          resetSeconds: settings.windowSeconds,
        };
      }
    },
    fallbackActive: () => settings.redis !== undefined && settings.redis.status !== 'ready',
  };
}

function decision(allowed: boolean, limit: number, result: RateLimiterRes): LimitDecision {
  const resetSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return allowed
    ? { allowed: true, limit, remaining: Math.max(0, result.remainingPoints), resetSeconds }
    : { allowed: false, limit, remaining: 0, resetSeconds };
}
