/**
 * The engine's position cache (ENABLE_POSITION_CACHE, POSITION_CACHE_TTL): answers keyed by a hash of
 * the canonical request plus the provider and service version, in memory with a Redis tier when
 * REDIS_URL is set. The same hash is the answer's ETag, so a client holding it gets 304 without the
 * engine computing anything: positions for a given request never change for one provider build.
 */
import { createHash } from 'node:crypto';
import { createCache, type Cache, type ServiceContext } from '@svc/kernel';

type Redis = NonNullable<ServiceContext<unknown>['redis']>;

/** Cache settings from the engine's config. */
export interface PositionCacheSettings {
  enabled: boolean;
  /** Seconds. */
  ttlSeconds: number;
  /** Entries kept in memory. */
  maxEntries: number;
  redis: Redis | undefined;
}

/** A cache of JSON answers keyed by request hash; a disabled cache stores nothing. */
export interface PositionCache {
  readonly enabled: boolean;
  get(key: string): Promise<object | undefined>;
  set(key: string, value: object): Promise<void>;
  stats(): { hits: number; misses: number; size: number };
}

/** JSON with object keys sorted at every level, so equal requests hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The cache key and strong ETag of a request: SHA-256 over the route, the canonical request and the
 * provider id (with the service version, so a new build never serves an old answer).
 * @example requestKey('/calculate', { jdUt: 2451545 }, 'analytic-vsop87b-elpmpp02@0.2.0').etag // '"3f…"'
 */
export function requestKey(route: string, canonicalRequest: unknown, providerId: string): { key: string; etag: string } {
  const hash = createHash('sha256').update(`${route}\n${providerId}\n${canonicalJson(canonicalRequest)}`).digest('hex').slice(0, 40);
  return { key: hash, etag: `"${hash}"` };
}

/** True when an If-None-Match header names `etag` (or is `*`); weak validators compare equal too. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}

/** Creates the cache. */
export function createPositionCache(settings: PositionCacheSettings): PositionCache {
  if (!settings.enabled) {
    let misses = 0;
    return {
      enabled: false,
      get: () => {
        misses++;
        return Promise.resolve(undefined);
      },
      set: () => Promise.resolve(),
      stats: () => ({ hits: 0, misses, size: 0 }),
    };
  }
  const cache: Cache<object> = createCache<object>({
    max: settings.maxEntries,
    ttlMs: settings.ttlSeconds * 1000,
    namespace: 'involution:positions',
    ...(settings.redis ? { redis: settings.redis } : {}),
  });
  return {
    enabled: true,
    get: (key) => cache.get(key),
    set: (key, value) => cache.set(key, value),
    stats: () => cache.stats(),
  };
}
