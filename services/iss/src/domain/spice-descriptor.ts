import { createHash } from 'node:crypto';
import { IssError } from '../errors.js';
import { canonicalize } from './canonical-json.js';
import { isHex64, seal } from './hash-chain.js';
import { PROCESS_ATTRIBUTES, type PaRating } from './capability.js';

/** Outcomes a process assessment can have. */
export const PROCESS_OUTCOMES = ['compliant', 'partially_compliant', 'non_compliant', 'not_assessed'] as const;
/** One of {@link PROCESS_OUTCOMES}. */
export type ProcessOutcome = (typeof PROCESS_OUTCOMES)[number];

/** A validated SPICE process descriptor (the guide's sample fields plus optional PA ratings). */
export interface SpiceDescriptor {
  process_name: string;
  process_version: string;
  capability_level: number;
  process_outcome: ProcessOutcome;
  compliance_score: number;
  apriori_refs: string[];
  aposteriori_refs: string[];
  glyph_range_start: string;
  glyph_range_end: string;
  glyph_count: number;
  evidence_required: string[];
  evidence_provided: string[];
  assessed_by: string;
  assessment_method: string;
  active_constraints: string[];
  process_attributes?: Partial<Record<string, PaRating>>;
}

/** One validation failure, naming the field (dotted path, e.g. `apriori_refs.2`). */
export interface FieldError {
  field: string;
  message: string;
}

const STRING_FIELDS = [
  ['process_name', 200],
  ['process_version', 64],
  ['glyph_range_start', 128],
  ['glyph_range_end', 128],
  ['assessed_by', 200],
  ['assessment_method', 200],
] as const;
const LIST_FIELDS = [
  'apriori_refs',
  'aposteriori_refs',
  'evidence_required',
  'evidence_provided',
  'active_constraints',
] as const;
const KNOWN_FIELDS = new Set<string>([
  ...STRING_FIELDS.map(([f]) => f),
  ...LIST_FIELDS,
  'capability_level',
  'process_outcome',
  'compliance_score',
  'glyph_count',
  'process_attributes',
]);
const MAX_LIST = 1000;
const MAX_ITEM = 256;
const RATINGS = ['N', 'P', 'L', 'F'];

/**
 * Validates every field; returns the descriptor with fields in a fixed shape, or every error found.
 * Unknown fields are rejected so that the content-derived id covers everything that was sent.
 */
export function validateDescriptor(input: unknown): { ok: true; value: SpiceDescriptor } | { ok: false; errors: FieldError[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '(body)', message: 'must be a JSON object' }] };
  }
  const o = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => void errors.push({ field, message });

  for (const key of Object.keys(o)) if (!KNOWN_FIELDS.has(key)) fail(key, 'unknown field');
  for (const [field, max] of STRING_FIELDS) {
    const v = o[field];
    if (v === undefined) fail(field, 'is required');
    else if (typeof v !== 'string' || v.trim().length === 0) fail(field, 'must be a non-empty string');
    else if (v.length > max) fail(field, `must be at most ${max} characters`);
  }
  for (const field of LIST_FIELDS) {
    const v = o[field];
    if (v === undefined) fail(field, 'is required');
    else if (!Array.isArray(v)) fail(field, 'must be an array of strings');
    else if (v.length > MAX_LIST) fail(field, `must have at most ${MAX_LIST} items`);
    else {
      v.forEach((item, i) => {
        if (typeof item !== 'string' || item.length === 0 || item.length > MAX_ITEM) {
          fail(`${field}.${i}`, `must be a non-empty string of at most ${MAX_ITEM} characters`);
        }
      });
    }
  }
  const level = o['capability_level'];
  if (level === undefined) fail('capability_level', 'is required');
  else if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 5) {
    fail('capability_level', 'must be an integer from 0 to 5');
  }
  const outcome = o['process_outcome'];
  if (outcome === undefined) fail('process_outcome', 'is required');
  else if (typeof outcome !== 'string' || !(PROCESS_OUTCOMES as readonly string[]).includes(outcome)) {
    fail('process_outcome', `must be one of ${PROCESS_OUTCOMES.join(', ')}`);
  }
  const score = o['compliance_score'];
  if (score === undefined) fail('compliance_score', 'is required');
  else if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) {
    fail('compliance_score', 'must be a number from 0 to 1');
  }
  const count = o['glyph_count'];
  if (count === undefined) fail('glyph_count', 'is required');
  else if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
    fail('glyph_count', 'must be an integer ≥ 1');
  }
  const pa = o['process_attributes'];
  if (pa !== undefined) {
    if (typeof pa !== 'object' || pa === null || Array.isArray(pa)) fail('process_attributes', 'must be an object');
    else {
      for (const [key, rating] of Object.entries(pa as Record<string, unknown>)) {
        if (!PROCESS_ATTRIBUTES.includes(key)) fail(`process_attributes.${key}`, `unknown process attribute (use ${PROCESS_ATTRIBUTES.join(', ')})`);
        else if (typeof rating !== 'string' || !RATINGS.includes(rating)) fail(`process_attributes.${key}`, 'must be one of N, P, L, F');
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const value: SpiceDescriptor = {
    process_name: o['process_name'] as string,
    process_version: o['process_version'] as string,
    capability_level: level as number,
    process_outcome: outcome as ProcessOutcome,
    compliance_score: score as number,
    apriori_refs: [...(o['apriori_refs'] as string[])],
    aposteriori_refs: [...(o['aposteriori_refs'] as string[])],
    glyph_range_start: o['glyph_range_start'] as string,
    glyph_range_end: o['glyph_range_end'] as string,
    glyph_count: count as number,
    evidence_required: [...(o['evidence_required'] as string[])],
    evidence_provided: [...(o['evidence_provided'] as string[])],
    assessed_by: o['assessed_by'] as string,
    assessment_method: o['assessment_method'] as string,
    active_constraints: [...(o['active_constraints'] as string[])],
  };
  if (pa !== undefined) value.process_attributes = { ...(pa as Record<string, PaRating>) };
  return { ok: true, value };
}

/** Like {@link validateDescriptor} but throws ISS_VALIDATION naming the first bad field (all in details). */
export function parseDescriptor(input: unknown): SpiceDescriptor {
  const r = validateDescriptor(input);
  if (r.ok) return r.value;
  const first = r.errors[0] as FieldError;
  throw new IssError('ISS_VALIDATION', `${first.field} ${first.message}`, { field: first.field, details: r.errors });
}

/**
 * Content-derived id: "spice_" + the first 32 hex digits of SHA-256 over the RFC 8785 bytes of the
 * validated descriptor. The same content always gets the same id.
 */
export function descriptorId(descriptor: SpiceDescriptor): string {
  return `spice_${createHash('sha256').update(canonicalize(descriptor), 'utf8').digest('hex').slice(0, 32)}`;
}

/** One line of spice_descriptors.jsonl: a hash-chained descriptor. */
export interface DescriptorRecord {
  seq: number;
  descriptor_id: string;
  /** ISO-8601 UTC time it was stored. */
  created_at: string;
  descriptor: SpiceDescriptor;
  prev_hash: string;
  hash: string;
}

/** Seals the next descriptor record. */
export function createDescriptorRecord(
  tip: { seq: number; hash: string } | null,
  descriptor: SpiceDescriptor,
  createdAt: string,
  genesis: string,
): DescriptorRecord {
  return seal({
    seq: tip ? tip.seq + 1 : 0,
    descriptor_id: descriptorId(descriptor),
    created_at: createdAt,
    descriptor,
    prev_hash: tip ? tip.hash : genesis,
  });
}

const RECORD_FIELDS = ['seq', 'descriptor_id', 'created_at', 'descriptor', 'prev_hash', 'hash'];

/** Schema check of a parsed descriptor-log line for the chain verifier; returns the bad field or null. */
export function descriptorRecordSchemaViolation(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(record)';
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!RECORD_FIELDS.includes(key)) return key;
  const seq = o['seq'];
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return 'seq';
  if (typeof o['descriptor_id'] !== 'string' || !/^spice_[0-9a-f]{32}$/.test(o['descriptor_id'])) return 'descriptor_id';
  if (typeof o['created_at'] !== 'string') return 'created_at';
  const d = validateDescriptor(o['descriptor']);
  if (!d.ok) return `descriptor.${(d.errors[0] as FieldError).field}`;
  if (descriptorId(d.value) !== o['descriptor_id']) return 'descriptor_id';
  if (!isHex64(o['prev_hash'])) return 'prev_hash';
  if (!isHex64(o['hash'])) return 'hash';
  return null;
}
