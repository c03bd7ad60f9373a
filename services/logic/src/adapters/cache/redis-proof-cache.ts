import { Redis } from 'ioredis';
import { withDeadline } from './circuit-breaker.js';
import {
  decodeProof,
  encodeProof,
  HitCounter,
  keyString,
  type CachedProof,
  type ProofCacheKey,
  type ProofCacheStats,
  type ProofCacheTier,
} from './proof-cache-tier.js';

export interface RedisProofCacheOptions {
  /** `redis://host:port/db`; the cache opens (and closes) its own fail-fast client. */
  readonly redisUrl?: string;
  /** Or an existing client (e.g. the kernel's); the cache then never closes it. */
  readonly redis?: Redis;
  /** Time to live in seconds (default 3600). */
  readonly ttlSeconds?: number;
  /** Key prefix (default `logic:proof:`). */
  readonly namespace?: string;
  /** Deadline of each command in ms (default 500). */
  readonly timeoutMs?: number;
}

/**
 * L2: answers shared by every replica through Redis. A dead Redis never stalls a request: no offline
 * queue, short connect and command timeouts, and while the client is not `ready` lookups are misses
 * at once and writes are dropped.
 *
 * @example
 * const l2 = new RedisProofCache({ redisUrl: 'redis://localhost:6379/0' });
 */
export class RedisProofCache implements ProofCacheTier {
  readonly name = 'redis';
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly ttlSeconds: number;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly counter = new HitCounter();
  private lastError: string | undefined;

  constructor(options: RedisProofCacheOptions) {
    this.ttlSeconds = options.ttlSeconds ?? 3600;
    this.prefix = options.namespace ?? 'logic:proof:';
    this.timeoutMs = options.timeoutMs ?? 500;
    if (options.redis !== undefined) {
      this.client = options.redis;
      this.ownsClient = false;
    } else {
      if (options.redisUrl === undefined || options.redisUrl === '') throw new TypeError('RedisProofCache needs redisUrl or redis');
      this.client = new Redis(options.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: this.timeoutMs,
        commandTimeout: this.timeoutMs,
        retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
      });
      this.ownsClient = true;
    }
    // Without a listener ioredis reports connection errors as unhandled; they are expected while Redis is down.
    this.client.on('error', (error: Error) => {
      this.lastError = error.message;
    });
  }

  private get usable(): boolean {
    return this.client.status === 'ready';
  }

  async get(key: ProofCacheKey): Promise<CachedProof | undefined> {
    if (!this.usable) {
      this.counter.errors++;
      return this.counter.record(undefined);
    }
    try {
      const text = await withDeadline(this.client.get(this.prefix + keyString(key)), this.timeoutMs, 'redis GET');
      return this.counter.record(text === null ? undefined : decodeProof(text));
    } catch (error) {
      this.failed(error);
      return this.counter.record(undefined);
    }
  }

  async set(key: ProofCacheKey, value: CachedProof): Promise<void> {
    if (!this.usable) {
      this.counter.errors++;
      return;
    }
    try {
      await withDeadline(this.client.set(this.prefix + keyString(key), encodeProof(value), 'EX', this.ttlSeconds), this.timeoutMs, 'redis SET');
    } catch (error) {
      this.failed(error);
    }
  }

  async has(key: ProofCacheKey): Promise<boolean> {
    if (!this.usable) return false;
    try {
      return (await withDeadline(this.client.exists(this.prefix + keyString(key)), this.timeoutMs, 'redis EXISTS')) === 1;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  stats(): ProofCacheStats {
    return this.counter.snapshot(-1);
  }

  check(): { status: 'ok' | 'degraded'; [detail: string]: unknown } {
    if (this.usable) return { status: 'ok' };
    return { status: 'degraded', error: this.lastError ?? `redis ${this.client.status}` };
  }

  /** Resolves true once the client is connected, false after `timeoutMs` (startup and tests). */
  whenReady(timeoutMs = 1000): Promise<boolean> {
    if (this.usable) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onReady = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.client.off('ready', onReady);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      this.client.once('ready', onReady);
    });
  }

  close(): Promise<void> {
    if (this.ownsClient) this.client.disconnect();
    return Promise.resolve();
  }

  private failed(error: unknown): void {
    this.counter.errors++;
    this.lastError = error instanceof Error ? error.message : String(error);
  }
}
