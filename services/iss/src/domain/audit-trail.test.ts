import { describe, expect, it } from 'vitest';
import { buildAuditTrail, parseGlyphRef, timelineRange, type ForensicTimeline } from './audit-trail.js';
import { GENESIS_HASH } from './hash-chain.js';
import { createDescriptorRecord, parseDescriptor } from './spice-descriptor.js';
import { SAMPLE_DESCRIPTOR as SAMPLE } from '../../test/fixtures/sample-descriptor.js';

describe('parseGlyphRef', () => {
  it('reads seq refs, hex prefixes, and rejects the rest', () => {
    expect(parseGlyphRef('seq:12')).toEqual({ kind: 'seq', seq: 12 });
    expect(parseGlyphRef('#0')).toEqual({ kind: 'seq', seq: 0 });
    expect(parseGlyphRef('A1B2c3d4')).toEqual({ kind: 'hash_prefix', prefix: 'a1b2c3d4' });
    expect(parseGlyphRef('e5f6g7h8').kind).toBe('invalid');
    expect(parseGlyphRef('abc').kind).toBe('invalid');
  });
});

describe('timelineRange', () => {
  it('explains an unresolved or inverted range instead of failing', () => {
    expect(timelineRange('a1b2c3d4', 'e5f6g7h8', 3, null)).toEqual({
      note: 'glyph_range_end: "e5f6g7h8" is neither seq:<n> nor a hex prefix (4–64 digits) of a pulse hash',
    });
    expect(timelineRange('a1b2', 'ffff', null, 2)).toEqual({
      note: 'glyph_range_start: no pulse matches "a1b2"',
    });
    expect(timelineRange('seq:5', 'seq:2', 5, 2)).toHaveProperty('note');
    expect(timelineRange('seq:2', 'seq:5', 2, 5)).toEqual({ from: 2, to: 5, truncated: false });
    expect(timelineRange('seq:0', 'seq:5000', 0, 5000)).toEqual({ from: 0, to: 999, truncated: true });
  });
});

describe('buildAuditTrail', () => {
  it('fills what / why / how / what-was-learned from the descriptor', () => {
    const record = createDescriptorRecord(
      null,
      parseDescriptor(SAMPLE),
      '2026-01-01T00:00:00.000Z',
      GENESIS_HASH,
    );
    const timeline: ForensicTimeline = {
      glyph_range_start: 'a1b2c3d4',
      glyph_range_end: 'e5f6g7h8',
      start_index: null,
      end_index: null,
      tree_size: 0,
      root: '',
      pulses: [],
      truncated: false,
      note: 'x',
    };
    const trail = buildAuditTrail(record, [], timeline);
    expect(trail.what).toEqual({
      process_name: 'WorkerSKG_Job_Execution',
      process_version: '2.1.0',
      process_outcome: 'compliant',
      capability_level: 4,
      compliance_score: 0.94,
    });
    expect(trail.why.apriori_refs).toEqual(['constraint:deterministic_replay']);
    expect(trail.how.glyph_range).toEqual({ start: 'a1b2c3d4', end: 'e5f6g7h8', count: 42 });
    expect(trail.what_was_learned).toEqual({
      aposteriori_refs: ['outcome:job_success'],
      derived_capability_level: null,
      declared_level_supported: true,
      evidence_missing: ['job_input', 'execution_log'],
    });
    expect(trail.chain_position.seq).toBe(0);
  });
});
