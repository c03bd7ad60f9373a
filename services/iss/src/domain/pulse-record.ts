import { GENESIS_HASH, isHex64, seal } from './hash-chain.js';
import { timeScales } from './time-scales.js';

/** One forensic time pulse: one line of glyph_chain.jsonl. */
export interface PulseRecord {
  /** 0-based position in the chain. */
  seq: number;
  node_id: string;
  utc_iso: string;
  /** Unix seconds, millisecond precision. */
  unix: number;
  tai_seconds_j2000: number;
  tt_seconds_j2000: number;
  /** Julian date (UTC). */
  julian_date: number;
  prev_hash: string;
  /** SHA-256 of the canonical bytes of every other field. */
  hash: string;
}

/** The link a new pulse chains onto; null for genesis. */
export interface ChainTip {
  seq: number;
  hash: string;
}

/**
 * Builds and seals the pulse that follows `tip` (or the genesis pulse) at UTC `unixMs`.
 * @example createPulse(null, 'ISS_MODULE_V2', Date.parse('2017-01-01T00:00:00Z')).seq // 0
 */
export function createPulse(tip: ChainTip | null, nodeId: string, unixMs: number): PulseRecord {
  const t = timeScales(unixMs);
  return seal({
    seq: tip ? tip.seq + 1 : 0,
    node_id: nodeId,
    utc_iso: t.utc_iso,
    unix: t.unix,
    tai_seconds_j2000: t.tai_seconds_j2000,
    tt_seconds_j2000: t.tt_seconds_j2000,
    julian_date: t.julian_date_utc,
    prev_hash: tip ? tip.hash : GENESIS_HASH,
  });
}

const PULSE_FIELDS = [
  'seq', 'node_id', 'utc_iso', 'unix', 'tai_seconds_j2000', 'tt_seconds_j2000', 'julian_date', 'prev_hash', 'hash',
] as const;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Schema check of a parsed line; returns the name of the first offending field, or null when the
 * object has exactly the pulse fields with the right types.
 */
export function pulseSchemaViolation(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(record)';
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!(PULSE_FIELDS as readonly string[]).includes(key)) return key;
  const seq = o['seq'];
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return 'seq';
  const node = o['node_id'];
  if (typeof node !== 'string' || node.length === 0 || node.length > 128) return 'node_id';
  if (typeof o['utc_iso'] !== 'string' || !ISO_UTC.test(o['utc_iso'])) return 'utc_iso';
  for (const f of ['unix', 'tai_seconds_j2000', 'tt_seconds_j2000', 'julian_date'] as const) {
    const v = o[f];
    if (typeof v !== 'number' || !Number.isFinite(v)) return f;
  }
  if (!isHex64(o['prev_hash'])) return 'prev_hash';
  if (!isHex64(o['hash'])) return 'hash';
  return null;
}
