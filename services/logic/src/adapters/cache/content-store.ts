import type { CheckResult } from '@svc/kernel';
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';

/**
 * Where L3 keeps answers. Blocks are content-addressed for real (a block's CID is the hash of its
 * bytes, as IPFS requires, so Kubo can store and share them); since a question's CID is not the hash
 * of its answer, a small index maps question CID → answer CID.
 */
export interface ContentStore {
  /** `local` (blockstore on disk) or `kubo` (an IPFS node's RPC API). */
  readonly kind: string;
  putBlock(bytes: Uint8Array): Promise<CID>;
  /** The block's bytes, or undefined when the store does not hold it. */
  getBlock(cid: CID): Promise<Uint8Array | undefined>;
  writeIndex(key: string, target: CID): Promise<void>;
  readIndex(key: string): Promise<CID | undefined>;
  check(): Promise<CheckResult>;
  close(): Promise<void>;
}

/** CIDv1, raw codec, sha2-256 of some bytes: how answers are named. */
export async function rawCid(bytes: Uint8Array): Promise<CID> {
  return CID.createV1(raw.code, await sha256.digest(bytes));
}

/** True when `bytes` hash to `cid` (a store that returns anything else is corrupt or lying). */
export async function verifyBlock(cid: CID, bytes: Uint8Array): Promise<boolean> {
  return (await rawCid(bytes)).equals(cid);
}
