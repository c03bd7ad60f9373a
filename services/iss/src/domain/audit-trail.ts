import { assessCapability } from './capability.js';
import type { PulseRecord } from './pulse-record.js';
import type { DescriptorRecord } from './spice-descriptor.js';

/**
 * How a descriptor's glyph_range_start / glyph_range_end name pulses of the forensic chain:
 * - `seq:<n>` (or `#<n>`) names the pulse with that sequence number;
 * - 4 to 64 lowercase or uppercase hex digits are a prefix of a pulse's `hash`, naming the first
 *   pulse (lowest seq) whose hash starts with it;
 * - anything else (the guide's own sample uses "e5f6g7h8", which is not hex) names no pulse: the
 *   timeline is then empty and carries a note saying why, never an error.
 */
export type GlyphRef = { kind: 'seq'; seq: number } | { kind: 'hash_prefix'; prefix: string } | { kind: 'invalid'; reason: string };

/** Parses a glyph reference as documented on {@link GlyphRef}. */
export function parseGlyphRef(ref: string): GlyphRef {
  const seq = /^(?:seq:|#)(0|[1-9]\d{0,15})$/.exec(ref);
  if (seq) return { kind: 'seq', seq: Number(seq[1]) };
  if (/^[0-9a-fA-F]{4,64}$/.test(ref)) return { kind: 'hash_prefix', prefix: ref.toLowerCase() };
  return { kind: 'invalid', reason: `"${ref}" is neither seq:<n> nor a hex prefix (4–64 digits) of a pulse hash` };
}

/** A resolved vault reference. */
export interface VaultPointer {
  ref: string;
  vault: 'apriori' | 'aposteriori';
  found: boolean;
  entry: unknown;
}

/** One pulse of the timeline with its inclusion proof in the tree of `tree_size`. */
export interface TimelineEntry {
  pulse: PulseRecord;
  leaf_index: number;
  inclusion_proof: string[];
}

/** The forensic timeline between the descriptor's glyph range ends. */
export interface ForensicTimeline {
  glyph_range_start: string;
  glyph_range_end: string;
  start_index: number | null;
  end_index: number | null;
  tree_size: number;
  root: string;
  pulses: TimelineEntry[];
  truncated: boolean;
  note: string | null;
}

/** The audit trail of one descriptor: the guide's what / why / how / what-was-learned shape. */
export interface AuditTrail {
  descriptor_id: string;
  chain_position: { seq: number; hash: string; prev_hash: string; created_at: string };
  what: {
    process_name: string;
    process_version: string;
    process_outcome: string;
    capability_level: number;
    compliance_score: number;
  };
  why: { apriori_refs: string[]; active_constraints: string[]; evidence_required: string[] };
  how: {
    assessed_by: string;
    assessment_method: string;
    evidence_provided: string[];
    glyph_range: { start: string; end: string; count: number };
  };
  what_was_learned: {
    aposteriori_refs: string[];
    derived_capability_level: number | null;
    declared_level_supported: boolean;
    evidence_missing: string[];
  };
  vault_pointers: VaultPointer[];
  forensic_timeline: ForensicTimeline;
}

/** Assembles the trail from a stored descriptor, its resolved vault pointers and its timeline. */
export function buildAuditTrail(record: DescriptorRecord, vaultPointers: VaultPointer[], timeline: ForensicTimeline): AuditTrail {
  const d = record.descriptor;
  const cap = assessCapability({
    descriptor_id: record.descriptor_id,
    process_name: d.process_name,
    process_version: d.process_version,
    capability_level: d.capability_level,
    process_attributes: d.process_attributes,
  });
  const provided = new Set(d.evidence_provided);
  return {
    descriptor_id: record.descriptor_id,
    chain_position: { seq: record.seq, hash: record.hash, prev_hash: record.prev_hash, created_at: record.created_at },
    what: {
      process_name: d.process_name,
      process_version: d.process_version,
      process_outcome: d.process_outcome,
      capability_level: d.capability_level,
      compliance_score: d.compliance_score,
    },
    why: { apriori_refs: d.apriori_refs, active_constraints: d.active_constraints, evidence_required: d.evidence_required },
    how: {
      assessed_by: d.assessed_by,
      assessment_method: d.assessment_method,
      evidence_provided: d.evidence_provided,
      glyph_range: { start: d.glyph_range_start, end: d.glyph_range_end, count: d.glyph_count },
    },
    what_was_learned: {
      aposteriori_refs: d.aposteriori_refs,
      derived_capability_level: cap.derived_level,
      declared_level_supported: cap.supported,
      evidence_missing: d.evidence_required.filter((e) => !provided.has(e)),
    },
    vault_pointers: vaultPointers,
    forensic_timeline: timeline,
  };
}

/** Most pulses a timeline lists; a longer range is cut with `truncated: true`. */
export const MAX_TIMELINE_PULSES = 1000;

/**
 * Decides which pulse indices a timeline covers, given the resolved start/end indices (null when a
 * ref named no pulse). Returns the inclusive range, or a note explaining why it is empty.
 */
export function timelineRange(
  start: string,
  end: string,
  startIndex: number | null,
  endIndex: number | null,
): { from: number; to: number; truncated: boolean } | { note: string } {
  if (startIndex === null || endIndex === null) {
    const which = startIndex === null ? ['glyph_range_start', start] : ['glyph_range_end', end];
    const parsed = parseGlyphRef(which[1] as string);
    const why = parsed.kind === 'invalid' ? parsed.reason : `no pulse matches "${which[1] as string}"`;
    return { note: `${which[0] as string}: ${why}` };
  }
  if (startIndex > endIndex) return { note: `glyph_range_start (pulse ${startIndex}) comes after glyph_range_end (pulse ${endIndex})` };
  const to = Math.min(endIndex, startIndex + MAX_TIMELINE_PULSES - 1);
  return { from: startIndex, to, truncated: to < endIndex };
}
