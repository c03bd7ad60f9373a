import { describe, expect, it } from 'vitest';
import { verifyChain } from './chain-verifier.js';
import { GENESIS_HASH, toLine } from './hash-chain.js';
import {
  createDescriptorRecord,
  descriptorId,
  descriptorRecordSchemaViolation,
  parseDescriptor,
  validateDescriptor,
  type DescriptorRecord,
} from './spice-descriptor.js';
import { SAMPLE_DESCRIPTOR as SAMPLE } from '../../test/fixtures/sample-descriptor.js';

const fieldsOf = (input: unknown): string[] => {
  const r = validateDescriptor(input);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('validateDescriptor', () => {
  it('accepts the guide sample unchanged', () => {
    const r = validateDescriptor(SAMPLE);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual(SAMPLE);
  });

  it('names the field for a bad outcome, level 6, score 1.01 and glyph_count 0', () => {
    expect(fieldsOf({ ...SAMPLE, process_outcome: 'excellent' })).toEqual(['process_outcome']);
    expect(fieldsOf({ ...SAMPLE, capability_level: 6 })).toEqual(['capability_level']);
    expect(fieldsOf({ ...SAMPLE, capability_level: 2.5 })).toEqual(['capability_level']);
    expect(fieldsOf({ ...SAMPLE, compliance_score: 1.01 })).toEqual(['compliance_score']);
    expect(fieldsOf({ ...SAMPLE, glyph_count: 0 })).toEqual(['glyph_count']);
  });

  it('names every missing field', () => {
    for (const field of Object.keys(SAMPLE)) {
      const copy: Record<string, unknown> = { ...SAMPLE };
      delete copy[field];
      expect(fieldsOf(copy)).toEqual([field]);
    }
  });

  it('names bad list items, unknown fields and bad PA ratings', () => {
    expect(fieldsOf({ ...SAMPLE, apriori_refs: ['ok', 3] })).toEqual(['apriori_refs.1']);
    expect(fieldsOf({ ...SAMPLE, evidence_provided: 'log' })).toEqual(['evidence_provided']);
    expect(fieldsOf({ ...SAMPLE, extra: 1 })).toEqual(['extra']);
    expect(fieldsOf({ ...SAMPLE, process_attributes: { 'PA1.1': 'X', 'PA6.1': 'F' } })).toEqual([
      'process_attributes.PA1.1',
      'process_attributes.PA6.1',
    ]);
    expect(fieldsOf({ ...SAMPLE, process_attributes: { 'PA1.1': 'F' } })).toEqual([]);
    expect(fieldsOf([])).toEqual(['(body)']);
  });

  it('throws ISS_VALIDATION naming the field from parseDescriptor', () => {
    expect(() => parseDescriptor({ ...SAMPLE, compliance_score: 1.01 })).toThrow(
      expect.objectContaining({ code: 'ISS_VALIDATION', field: 'compliance_score', statusCode: 422 }),
    );
  });
});

describe('descriptorId', () => {
  it('depends on content only, not key order', () => {
    const reordered = Object.fromEntries(Object.entries(SAMPLE).reverse());
    expect(descriptorId(parseDescriptor(reordered))).toBe(descriptorId(parseDescriptor(SAMPLE)));
    expect(descriptorId(parseDescriptor(SAMPLE))).toMatch(/^spice_[0-9a-f]{32}$/);
    expect(descriptorId(parseDescriptor({ ...SAMPLE, glyph_count: 43 }))).not.toBe(
      descriptorId(parseDescriptor(SAMPLE)),
    );
  });
});

describe('descriptor log', () => {
  it('forms a hash chain the generic verifier accepts, and catches an edit', async () => {
    const records: DescriptorRecord[] = [];
    let tip: DescriptorRecord | null = null;
    for (let i = 0; i < 4; i++) {
      tip = createDescriptorRecord(
        tip,
        parseDescriptor({ ...SAMPLE, glyph_count: i + 1 }),
        '2026-01-01T00:00:00.000Z',
        GENESIS_HASH,
      );
      records.push(tip);
    }
    const lines = records.map(toLine);
    expect((await verifyChain(lines, { schemaViolation: descriptorRecordSchemaViolation })).ok).toBe(true);
    lines[2] = (lines[2] as string).replace('"compliance_score":0.94', '"compliance_score":0.95');
    expect(
      (await verifyChain(lines, { schemaViolation: descriptorRecordSchemaViolation })).issue,
    ).toMatchObject({ index: 2 });
  });
});
