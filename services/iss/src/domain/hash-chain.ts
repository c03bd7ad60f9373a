import { createHash } from 'node:crypto';
import { canonicalize } from './canonical-json.js';

/** prev_hash of the first record of every chain: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields every hash-chained record carries. */
export interface ChainLink {
  seq: number;
  prev_hash: string;
  hash: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** True for a lowercase 64-hex-digit SHA-256 string. */
export function isHex64(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

/** SHA-256 (hex) of the RFC 8785 bytes of every field of `record` except `hash`, so every field is covered. */
export function recordHash(record: Record<string, unknown>): string {
  const body: Record<string, unknown> = { ...record };
  delete body['hash'];
  return createHash('sha256').update(canonicalize(body), 'utf8').digest('hex');
}

/** Returns the record with its `hash` computed. */
export function seal<T extends Omit<ChainLink, 'hash'>>(body: T): T & { hash: string } {
  return { ...body, hash: recordHash(body) };
}

/** One JSONL line (no newline): the record's canonical JSON, so a line's bytes are reproducible. */
export function toLine(record: ChainLink): string {
  return canonicalize(record);
}
