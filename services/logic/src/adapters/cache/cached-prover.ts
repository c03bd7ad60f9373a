import type { CID } from 'multiformats/cid';
import type { SzsStatus } from '../../domain/formula.js';
import type { ProofResult } from '../../domain/prover/proof-result.js';
import type { ProverEngine } from '../engines/prover-engine.js';
import { proofKey, type ProofKeyInput } from './proof-key.js';
import type { TieredProofCache } from './tiered-proof-cache.js';
import type { ProofCacheTier } from './proof-cache-tier.js';

/** Answers that hold whatever the time limit: worth caching. Timeout and GaveUp are not. */
const DEFINITIVE: ReadonlySet<SzsStatus> = new Set(['Theorem', 'CounterSatisfiable', 'Unsatisfiable', 'Satisfiable', 'ContradictoryAxioms']);

export interface CachedProofOutcome {
  readonly result: ProofResult;
  readonly cid: CID;
  readonly cached: boolean;
  /** Tier that answered when cached (`memory`, `redis`, `ipfs`). */
  readonly tier?: string;
}

function isTiered(cache: ProofCacheTier): cache is TieredProofCache {
  return 'lookup' in cache;
}

/**
 * Looks the question up by its CID and runs the engine only on a miss; definitive answers are
 * stored in every tier. Without a cache it still names the question by its CID.
 */
export async function proveThroughCache(
  engine: ProverEngine,
  question: { readonly problem: Parameters<ProverEngine['prove']>[0]; readonly key: Omit<ProofKeyInput, 'prover'> },
  options: { readonly timeoutMs: number; readonly cache: ProofCacheTier | undefined },
): Promise<CachedProofOutcome> {
  const cid = await proofKey({ ...question.key, prover: engine.name });
  const cache = options.cache;
  if (cache !== undefined) {
    if (isTiered(cache)) {
      const hit = await cache.lookup(cid);
      if (hit !== undefined) return { result: hit.value, cid, cached: true, tier: hit.tier };
    } else {
      const value = await cache.get(cid);
      if (value !== undefined) return { result: value, cid, cached: true, tier: cache.name };
    }
  }
  const result = await engine.prove(question.problem, { timeoutMs: options.timeoutMs });
  if (cache !== undefined && DEFINITIVE.has(result.status)) await cache.set(cid, result);
  return { result, cid, cached: false };
}
