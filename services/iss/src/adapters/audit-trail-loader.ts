import {
  buildAuditTrail,
  parseGlyphRef,
  timelineRange,
  type AuditTrail,
  type ForensicTimeline,
} from '../domain/audit-trail.js';
import type { ChainStore, DescriptorStore } from '../domain/storage-ports.js';
import type { VaultReader } from './vault-reader.js';

/** What the audit trail needs. */
export interface AuditTrailDeps {
  chain: ChainStore;
  descriptors: DescriptorStore;
  vaults: VaultReader;
}

/** Pulse index a glyph ref names (see parseGlyphRef), or null. */
export async function resolveGlyph(chain: ChainStore, ref: string, size: number): Promise<number | null> {
  const parsed = parseGlyphRef(ref);
  if (parsed.kind === 'seq') return parsed.seq < size ? parsed.seq : null;
  if (parsed.kind === 'hash_prefix') return chain.findByHashPrefix(parsed.prefix);
  return null;
}

/**
 * Reconstructs the audit trail of descriptor `id` (null if unknown): the descriptor's
 * what / why / how / what-was-learned, its vault pointers, and the pulses between its glyph range
 * ends with inclusion proofs against the current tree. An unresolvable range yields an empty
 * timeline with a note, never an error.
 */
export async function loadAuditTrail(deps: AuditTrailDeps, id: string): Promise<AuditTrail | null> {
  const record = await deps.descriptors.get(id);
  if (!record) return null;
  const d = record.descriptor;
  const size = await deps.chain.size();
  const root = await deps.chain.root(size);
  const startIndex = await resolveGlyph(deps.chain, d.glyph_range_start, size);
  const endIndex = await resolveGlyph(deps.chain, d.glyph_range_end, size);
  const range = timelineRange(d.glyph_range_start, d.glyph_range_end, startIndex, endIndex);
  const timeline: ForensicTimeline = {
    glyph_range_start: d.glyph_range_start,
    glyph_range_end: d.glyph_range_end,
    start_index: startIndex,
    end_index: endIndex,
    tree_size: size,
    root,
    pulses: [],
    truncated: false,
    note: null,
  };
  if ('note' in range) timeline.note = range.note;
  else {
    const pulses = await deps.chain.range(range.from, range.to + 1);
    for (const pulse of pulses) {
      timeline.pulses.push({ pulse, leaf_index: pulse.seq, inclusion_proof: await deps.chain.inclusionProof(pulse.seq, size) });
    }
    timeline.truncated = range.truncated;
  }
  const pointers = await deps.vaults.resolvePointers(d.apriori_refs, d.aposteriori_refs);
  return buildAuditTrail(record, pointers, timeline);
}
