import type { CheckResult } from '@svc/kernel';
import { create, type KuboRPCClient } from 'kubo-rpc-client';
import { CID } from 'multiformats/cid';
import type { ContentStore } from './content-store.js';

export interface KuboEndpoint {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
  /** Deadline of each RPC call in ms. */
  readonly timeoutMs: number;
  /** MFS directory of the question → answer index (default `/logic-proof-cache`). */
  readonly indexPath?: string;
}

/** Kubo answers a missing MFS path with this message; that is a miss, not a failure. */
const NOT_FOUND = /does not exist|not found|no link named/i;

/**
 * L3 on a Kubo node through its RPC API: answers are pinned raw blocks (`block/put`, `block/get`),
 * the index lives in the node's MFS as one file per question holding the answer's CID.
 */
export class KuboContentStore implements ContentStore {
  readonly kind = 'kubo';
  private readonly client: KuboRPCClient;
  private readonly indexPath: string;

  constructor(private readonly endpoint: KuboEndpoint) {
    this.client = create({ host: endpoint.host, port: endpoint.port, protocol: endpoint.protocol, timeout: endpoint.timeoutMs });
    this.indexPath = endpoint.indexPath ?? '/logic-proof-cache';
  }

  private options(): { timeout: number; signal: AbortSignal } {
    return { timeout: this.endpoint.timeoutMs, signal: AbortSignal.timeout(this.endpoint.timeoutMs) };
  }

  putBlock(bytes: Uint8Array): Promise<CID> {
    return this.client.block.put(bytes, { format: 'raw', mhtype: 'sha2-256', version: 1, pin: true, ...this.options() });
  }

  async getBlock(cid: CID): Promise<Uint8Array | undefined> {
    // offline: a block this node does not hold is a miss now, not a network search until the deadline.
    // The client sends every option as a query parameter; an option passed as `searchParams` (a
    // URLSearchParams) is lost when it spreads the options, so `offline` goes in as a plain option.
    const options = { ...this.options(), offline: true };
    try {
      return await this.client.block.get(cid, options);
    } catch (error) {
      if (error instanceof Error && NOT_FOUND.test(error.message)) return undefined;
      throw error;
    }
  }

  async writeIndex(key: string, target: CID): Promise<void> {
    await this.client.files.write(`${this.indexPath}/${key}`, new TextEncoder().encode(target.toString()), {
      create: true,
      parents: true,
      truncate: true,
      ...this.options(),
    });
  }

  async readIndex(key: string): Promise<CID | undefined> {
    const chunks: Uint8Array[] = [];
    try {
      for await (const chunk of this.client.files.read(`${this.indexPath}/${key}`, this.options())) chunks.push(chunk);
    } catch (error) {
      if (error instanceof Error && NOT_FOUND.test(error.message)) return undefined;
      throw error;
    }
    return CID.parse(Buffer.concat(chunks).toString('utf8').trim());
  }

  async check(): Promise<CheckResult> {
    const { host, port, protocol } = this.endpoint;
    const where = `${protocol}://${host}:${port}`;
    try {
      const version = await this.client.version({ timeout: Math.min(this.endpoint.timeoutMs, 800), signal: AbortSignal.timeout(800) });
      return { status: 'ok', backend: 'kubo', endpoint: where, version: version.version };
    } catch (error) {
      return { status: 'degraded', backend: 'kubo', endpoint: where, error: error instanceof Error ? error.message : String(error) };
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
