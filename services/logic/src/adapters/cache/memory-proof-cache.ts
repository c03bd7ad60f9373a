import { LRUCache } from 'lru-cache';
import { HitCounter, keyString, type CachedProof, type ProofCacheKey, type ProofCacheStats, type ProofCacheTier } from './proof-cache-tier.js';

export interface ProofCacheOptions {
  /** Entries kept (default 1000). */
  readonly maxSize?: number;
  /** Time to live in seconds (default 3600). */
  readonly ttlSeconds?: number;
}

/**
 * L1: an in-memory LRU with a time to live, the guide's `ProofCache(max_size, ttl_seconds)`.
 *
 * @example
 * const l1 = new ProofCache({ maxSize: 1000, ttlSeconds: 300 });
 * await l1.set(cid, result); await l1.get(cid);
 */
export class ProofCache implements ProofCacheTier {
  readonly name = 'memory';
  private readonly entries: LRUCache<string, CachedProof>;
  private readonly counter = new HitCounter();

  constructor(options: ProofCacheOptions = {}) {
    this.entries = new LRUCache({ max: options.maxSize ?? 1000, ttl: (options.ttlSeconds ?? 3600) * 1000 });
  }

  get(key: ProofCacheKey): Promise<CachedProof | undefined> {
    return Promise.resolve(this.counter.record(this.entries.get(keyString(key))));
  }

  set(key: ProofCacheKey, value: CachedProof): Promise<void> {
    this.entries.set(keyString(key), value);
    return Promise.resolve();
  }

  has(key: ProofCacheKey): Promise<boolean> {
    return Promise.resolve(this.entries.has(keyString(key)));
  }

  delete(key: ProofCacheKey): void {
    this.entries.delete(keyString(key));
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): ProofCacheStats {
    return this.counter.snapshot(this.entries.size);
  }

  check(): { status: 'ok'; size: number } {
    return { status: 'ok', size: this.entries.size };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
