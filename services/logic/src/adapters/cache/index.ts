export { canonicalJson, type JsonValue } from './canonical-json.js';
export { proofKey, proofKeyDocument, canonicalAxioms, type ProofKeyInput } from './proof-key.js';
export {
  keyString,
  type CachedProof,
  type ProofCacheKey,
  type ProofCacheStats,
  type ProofCacheTier,
} from './proof-cache-tier.js';
export { ProofCache, type ProofCacheOptions } from './memory-proof-cache.js';
export { RedisProofCache, type RedisProofCacheOptions } from './redis-proof-cache.js';
export { IPFSProofCache, type IPFSProofCacheOptions } from './ipfs-proof-cache.js';
export { TieredProofCache, type TieredLookup } from './tiered-proof-cache.js';
export { rawCid, verifyBlock, type ContentStore } from './content-store.js';
export { LocalContentStore } from './local-content-store.js';
export { KuboContentStore, type KuboEndpoint } from './kubo-content-store.js';
