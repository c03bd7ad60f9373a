import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface Cache<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Hits and misses since start, across both tiers. */
  stats(): { hits: number; misses: number; size: number };
}

export interface CacheSettings {
  /** Entries kept in memory. */
  readonly max: number;
  /** Default time to live in milliseconds. */
  readonly ttlMs: number;
  /** Optional shared second tier; a dead Redis degrades to memory only, never to an error. */
  readonly redis?: Redis;
  /** Key namespace in Redis, e.g. `involution:positions`. */
  readonly namespace?: string;
}

/**
 * An LRU with TTL in memory, backed by an optional Redis tier, behind one interface. Values must be
 * JSON-serialisable when Redis is used. A Redis hit back-fills memory.
 *
 * @example
 * const cache = createCache<Chart>({ max: 10_000, ttlMs: 3_600_000, redis, namespace: 'charts' });
 * const chart = (await cache.get(key)) ?? compute();
 */
export function createCache<V extends NonNullable<unknown>>(settings: CacheSettings): Cache<V> {
  const memory = new LRUCache<string, V>({ max: settings.max, ttl: settings.ttlMs });
  const prefix = `${settings.namespace ?? 'cache'}:`;
  const redis = settings.redis;
  const redisUsable = () => redis !== undefined && redis.status === 'ready';
  let hits = 0;
  let misses = 0;

  return {
    async get(key) {
      const local = memory.get(key);
      if (local !== undefined) {
        hits++;
        return local;
      }
      if (redisUsable()) {
        try {
          const [text, ttl] = await Promise.all([redis!.get(prefix + key), redis!.pttl(prefix + key)]);
          if (text !== null) {
            const value = JSON.parse(text) as V;
            memory.set(key, value, ttl > 0 ? { ttl } : {});
            hits++;
            return value;
          }
        } catch {
          // Redis failing mid-request is a miss, not an error.
        }
      }
      misses++;
      return undefined;
    },
    async set(key, value, ttlMs = settings.ttlMs) {
      memory.set(key, value, { ttl: ttlMs });
      if (redisUsable())
        await redis!.set(prefix + key, JSON.stringify(value), 'PX', ttlMs).catch(() => undefined);
    },
    async delete(key) {
      memory.delete(key);
      if (redisUsable()) await redis!.del(prefix + key).catch(() => undefined);
    },
    stats: () => ({ hits, misses, size: memory.size }),
  };
}
