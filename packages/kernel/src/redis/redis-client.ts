import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis client that fails fast: no offline queue and short timeouts, so a dead Redis makes a command
 * fail within about half a second instead of stalling the request that issued it. It keeps
 * reconnecting in the background; callers fall back to memory while `status !== 'ready'`.
 *
 * @example
 * const redis = createRedisClient(config.REDIS_URL, log);
 * if (redis.status === 'ready') await redis.get(key);
 */
export function createRedisClient(url: string, log: Logger, overrides: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 500, // ms
    commandTimeout: 500, // ms
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
    ...overrides,
  });
  let lastWarning = 0;
  client.on('error', (error: Error) => {
    // Connection errors repeat on every retry; one warning every 30 s is enough.
    const now = Date.now();
    if (now - lastWarning > 30_000) {
      lastWarning = now;
      log.warn({ err: { message: error.message } }, 'redis unavailable; using in-memory fallback');
    }
  });
  return client;
}
