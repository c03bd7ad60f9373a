/**
 * What every proof cache tier shares: L1 memory, L2 Redis, L3 IPFS (Kubo or a local blockstore),
 * and their composition. Keys are the CIDs of proof questions (proof-key.ts), given as a CID or its
 * string; values are prover answers, which must survive a JSON round trip.
 */
import type { CheckResult } from '@svc/kernel';
import type { CID } from 'multiformats/cid';
import type { ProofResult } from '../../domain/prover/proof-result.js';

/** A prover answer as cached: only definitive statuses are worth caching (see cached-prover.ts). */
export type CachedProof = ProofResult;

export type ProofCacheKey = CID | string;

export interface ProofCacheStats {
  readonly hits: number;
  readonly misses: number;
  /** Calls that failed or were skipped because the tier was unreachable (each also counted as a miss). */
  readonly errors: number;
  /** Entries held, where the tier can tell cheaply (memory); -1 otherwise. */
  readonly size: number;
  /** hits / (hits + misses), 0 before the first lookup. */
  readonly hitRate: number;
}

export interface ProofCacheTier {
  /** `memory`, `redis`, `ipfs`, or `tiered`. */
  readonly name: string;
  /** The cached answer, or undefined on a miss. An unreachable backend is a miss, never an error or a hang. */
  get(key: ProofCacheKey): Promise<CachedProof | undefined>;
  /** Stores an answer; an unreachable backend drops the write silently (counted in `errors`). */
  set(key: ProofCacheKey, value: CachedProof): Promise<void>;
  has(key: ProofCacheKey): Promise<boolean>;
  stats(): ProofCacheStats;
  /** For /ready: `ok`, or `degraded` while the backend is unreachable (requests are still served). */
  check(): CheckResult | Promise<CheckResult>;
  close(): Promise<void>;
}

export function keyString(key: ProofCacheKey): string {
  return typeof key === 'string' ? key : key.toString();
}

/** Counts hits, misses and errors for a tier's stats(). */
export class HitCounter {
  hits = 0;
  misses = 0;
  errors = 0;

  record<T>(value: T | undefined): T | undefined {
    if (value === undefined) this.misses++;
    else this.hits++;
    return value;
  }

  snapshot(size: number): ProofCacheStats {
    const lookups = this.hits + this.misses;
    return { hits: this.hits, misses: this.misses, errors: this.errors, size, hitRate: lookups === 0 ? 0 : this.hits / lookups };
  }
}

/** Serialises an answer for Redis and IPFS (JSON; undefined fields dropped). */
export function encodeProof(value: CachedProof): string {
  return JSON.stringify(value);
}

export function decodeProof(text: string): CachedProof {
  return JSON.parse(text) as CachedProof;
}
