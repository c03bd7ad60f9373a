import type { CheckResult } from '@svc/kernel';
import { CID } from 'multiformats/cid';
import { CircuitBreaker, withDeadline } from './circuit-breaker.js';
import { rawCid, verifyBlock, type ContentStore } from './content-store.js';
import { KuboContentStore } from './kubo-content-store.js';
import { LocalContentStore } from './local-content-store.js';
import {
  decodeProof,
  encodeProof,
  HitCounter,
  type CachedProof,
  type ProofCacheKey,
  type ProofCacheStats,
  type ProofCacheTier,
} from './proof-cache-tier.js';

export interface IPFSProofCacheOptions {
  /** Kubo RPC host; with it (or `ipfsPort`) the cache talks to a Kubo node. */
  readonly ipfsHost?: string;
  /** Kubo RPC port (default 5001). */
  readonly ipfsPort?: number;
  readonly ipfsProtocol?: 'http' | 'https';
  /** Without a Kubo node: the local blockstore directory (default `./proof-cache`). */
  readonly directory?: string;
  /** Deadline of each backend call in ms (default 1000). */
  readonly timeoutMs?: number;
  /** After a failure the backend is skipped for this long (default 5000 ms). */
  readonly cooldownMs?: number;
  /** Any other ContentStore (tests, other backends). */
  readonly store?: ContentStore;
}

/**
 * L3: persistent, content-addressed answers that survive restarts. By default a local blockstore on
 * disk; with `ipfsHost`/`ipfsPort`, a Kubo node's RPC API. Every block read is verified against its
 * CID, so a corrupt or foreign block is a miss. A failing backend is skipped for a cool-down and
 * reported `degraded`; it never fails or stalls a request.
 *
 * @example
 * const l3 = new IPFSProofCache({ directory: '/var/lib/logic/proof-cache' });
 * const kubo = new IPFSProofCache({ ipfsHost: 'localhost', ipfsPort: 5001 });
 */
export class IPFSProofCache implements ProofCacheTier {
  readonly name = 'ipfs';
  readonly store: ContentStore;
  private readonly timeoutMs: number;
  private readonly breaker: CircuitBreaker;
  private readonly counter = new HitCounter();

  constructor(options: IPFSProofCacheOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.breaker = new CircuitBreaker(options.cooldownMs ?? 5000);
    if (options.store !== undefined) this.store = options.store;
    else if (options.ipfsHost !== undefined || options.ipfsPort !== undefined) {
      this.store = new KuboContentStore({
        host: options.ipfsHost ?? 'localhost',
        port: options.ipfsPort ?? 5001,
        protocol: options.ipfsProtocol ?? 'http',
        timeoutMs: this.timeoutMs,
      });
    } else this.store = new LocalContentStore(options.directory ?? './proof-cache');
  }

  async get(key: ProofCacheKey): Promise<CachedProof | undefined> {
    const name = await questionName(key);
    if (this.breaker.open) {
      this.counter.errors++;
      return this.counter.record(undefined);
    }
    try {
      const value = await withDeadline(this.read(name), this.timeoutMs, `ipfs (${this.store.kind}) read`);
      this.breaker.success();
      return this.counter.record(value);
    } catch (error) {
      this.failed(error);
      return this.counter.record(undefined);
    }
  }

  async set(key: ProofCacheKey, value: CachedProof): Promise<void> {
    const name = await questionName(key);
    if (this.breaker.open) {
      this.counter.errors++;
      return;
    }
    try {
      await withDeadline(this.write(name, value), this.timeoutMs, `ipfs (${this.store.kind}) write`);
      this.breaker.success();
    } catch (error) {
      this.failed(error);
    }
  }

  async has(key: ProofCacheKey): Promise<boolean> {
    const name = await questionName(key);
    if (this.breaker.open) return false;
    try {
      return (await withDeadline(this.store.readIndex(name), this.timeoutMs, 'ipfs index read')) !== undefined;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  stats(): ProofCacheStats {
    return this.counter.snapshot(-1);
  }

  async check(): Promise<CheckResult> {
    const result = await this.store.check();
    if (result.status === 'ok') this.breaker.success();
    return result;
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async read(name: string): Promise<CachedProof | undefined> {
    const target = await this.store.readIndex(name);
    if (target === undefined) return undefined;
    const bytes = await this.store.getBlock(target);
    if (bytes === undefined || !(await verifyBlock(target, bytes))) return undefined;
    return decodeProof(new TextDecoder().decode(bytes));
  }

  private async write(name: string, value: CachedProof): Promise<void> {
    const cid = await this.store.putBlock(new TextEncoder().encode(encodeProof(value)));
    await this.store.writeIndex(name, cid);
  }

  private failed(error: unknown): void {
    this.counter.errors++;
    this.breaker.failure(error);
  }
}

/**
 * The key as a CID string, safe as a file or MFS name: a CID key as itself (normalised to v1), any
 * other string (the guide keys its examples by formula text) by the CID of its UTF-8 bytes.
 */
async function questionName(key: ProofCacheKey): Promise<string> {
  if (typeof key !== 'string') return key.toV1().toString();
  try {
    return CID.parse(key).toV1().toString();
  } catch {
    return (await rawCid(new TextEncoder().encode(key))).toString();
  }
}
