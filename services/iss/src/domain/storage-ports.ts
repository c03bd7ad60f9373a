import type { PulseRecord } from './pulse-record.js';
import type { DescriptorRecord, SpiceDescriptor } from './spice-descriptor.js';

/**
 * The forensic pulse chain, whatever holds it (JSONL files or PostgreSQL). Every method sees appends
 * made by other processes or replicas. Hashes and proofs are lowercase hex.
 */
export interface ChainStore {
  /** Appends one pulse stamped now; resolves only once it is durable (group-committed). */
  appendPulse(): Promise<PulseRecord>;
  /** Number of pulses (after catching up with other writers). */
  size(): Promise<number>;
  /** Pulses with seq in [from, to), in order. */
  range(from: number, to: number): Promise<PulseRecord[]>;
  /** The last `limit` pulses, oldest first. */
  history(limit: number): Promise<PulseRecord[]>;
  /** seq of the first pulse whose hash starts with `prefix` (lowercase hex), or null. */
  findByHashPrefix(prefix: string): Promise<number | null>;
  /** RFC 6962 root over the JSONL lines of the first `size` pulses (default: all). */
  root(size?: number): Promise<string>;
  /** Leaf hash H(0x00 || line) of pulse `index`. */
  leafHash(index: number): Promise<string>;
  /** Audit path of leaf `index` in the tree of `size` leaves (default: all). */
  inclusionProof(index: number, size?: number): Promise<string[]>;
  /** Consistency proof between tree sizes `from` and `to` (default: all). */
  consistencyProof(from: number, to?: number): Promise<string[]>;
  /** The chain as JSONL lines (the export format the verifier checks). */
  lines(): AsyncIterable<string>;
  close(): Promise<void>;
}

/** Result of storing a descriptor: ids derive from content, so a repeat returns the stored record. */
export interface PutDescriptorResult {
  record: DescriptorRecord;
  created: boolean;
}

/** SPICE descriptors: a hash-chained log plus id / glyph / a-priori-ref indexes. */
export interface DescriptorStore {
  /** Stores a validated descriptor durably (no-op returning the existing record if its id exists). */
  put(descriptor: SpiceDescriptor): Promise<PutDescriptorResult>;
  /** O(1) lookup by id. */
  get(id: string): Promise<DescriptorRecord | null>;
  /** Descriptors whose glyph_range_start or glyph_range_end equals `glyph`. */
  findByGlyph(glyph: string): Promise<DescriptorRecord[]>;
  /** Descriptors that list `ref` in apriori_refs. */
  findByApriori(ref: string): Promise<DescriptorRecord[]>;
  count(): Promise<number>;
  /** Every record in log order (for reports). */
  records(): AsyncIterable<DescriptorRecord>;
  /** The log as JSONL lines (the export format the verifier checks). */
  lines(): AsyncIterable<string>;
  close(): Promise<void>;
}
