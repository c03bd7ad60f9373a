import type { CheckResult } from '@svc/kernel';
import type { CachedProof, ProofCacheKey, ProofCacheStats, ProofCacheTier } from './proof-cache-tier.js';

export interface TieredLookup {
  readonly value: CachedProof;
  /** Name of the tier that answered (`memory`, `redis`, `ipfs`). */
  readonly tier: string;
}

/**
 * L1 → L2 → L3 in order: a hit in a lower tier back-fills every tier above it, so after a restart
 * the first hit comes from L3 (the only tier that survives) and the next one from memory. Writes
 * go to every tier; a tier that is down drops its write without failing the others.
 *
 * @example
 * const cache = new TieredProofCache([new ProofCache(), new RedisProofCache({ redisUrl }), new IPFSProofCache()]);
 */
export class TieredProofCache implements ProofCacheTier {
  readonly name = 'tiered';
  private hits = 0;
  private misses = 0;
  private readonly hitsByTier = new Map<string, number>();

  constructor(readonly tiers: readonly ProofCacheTier[]) {}

  async lookup(key: ProofCacheKey): Promise<TieredLookup | undefined> {
    for (let i = 0; i < this.tiers.length; i++) {
      const tier = this.tiers[i] as ProofCacheTier;
      const value = await tier.get(key);
      if (value === undefined) continue;
      await Promise.all(this.tiers.slice(0, i).map((upper) => upper.set(key, value)));
      this.hits++;
      this.hitsByTier.set(tier.name, (this.hitsByTier.get(tier.name) ?? 0) + 1);
      return { value, tier: tier.name };
    }
    this.misses++;
    return undefined;
  }

  async get(key: ProofCacheKey): Promise<CachedProof | undefined> {
    return (await this.lookup(key))?.value;
  }

  async set(key: ProofCacheKey, value: CachedProof): Promise<void> {
    await Promise.all(this.tiers.map((tier) => tier.set(key, value)));
  }

  async has(key: ProofCacheKey): Promise<boolean> {
    for (const tier of this.tiers) if (await tier.has(key)) return true;
    return false;
  }

  stats(): ProofCacheStats & { readonly byTier: Readonly<Record<string, number>> } {
    const lookups = this.hits + this.misses;
    const errors = this.tiers.reduce((n, tier) => n + tier.stats().errors, 0);
    return {
      hits: this.hits,
      misses: this.misses,
      errors,
      size: -1,
      hitRate: lookups === 0 ? 0 : this.hits / lookups,
      byTier: Object.fromEntries(this.hitsByTier),
    };
  }

  /** Worst status of the tiers, with each tier's own result. */
  async check(): Promise<CheckResult> {
    const results = await Promise.all(this.tiers.map(async (tier) => [tier.name, await tier.check()] as const));
    const statuses = results.map(([, result]) => result.status);
    const status = statuses.includes('fail') ? 'fail' : statuses.includes('degraded') ? 'degraded' : 'ok';
    return { status, tiers: Object.fromEntries(results) };
  }

  async close(): Promise<void> {
    await Promise.all(this.tiers.map((tier) => tier.close()));
  }
}
