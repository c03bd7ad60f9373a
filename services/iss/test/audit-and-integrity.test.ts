import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAuditTrail } from '../src/adapters/audit-trail-loader.js';
import { loadCapabilityReport } from '../src/adapters/capability-report-loader.js';
import { deriveFromSecret } from '../src/adapters/checkpoint-key.js';
import { saveCheckpointNote } from '../src/adapters/checkpoint-file.js';
import { FileChainStore } from '../src/adapters/file-chain-store.js';
import { FileSpiceStore } from '../src/adapters/spice-store.js';
import { verifyStorageFiles } from '../src/adapters/storage-verifier.js';
import { VaultReader } from '../src/adapters/vault-reader.js';
import { signCheckpoint } from '../src/domain/checkpoint.js';
import { verifyInclusion } from '../src/domain/merkle-tree.js';
import { parseDescriptor } from '../src/domain/spice-descriptor.js';
import { SAMPLE_DESCRIPTOR } from './fixtures/sample-descriptor.js';

const roots: string[] = [];
afterEach(() => {
  for (const d of roots.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setup() {
  const root = mkdtempSync(join(tmpdir(), 'iss-audit-'));
  roots.push(root);
  const storagePath = join(root, 'forensic_logs');
  const spicePath = join(root, 'spice_layer');
  const matrix = join(root, 'memory_matrix');
  mkdirSync(matrix);
  writeFileSync(join(matrix, 'apriori_vault.jsonl'), '{"ref":"constraint:deterministic_replay","rule":"replayable"}\n');
  const chain = await FileChainStore.open({ dir: storagePath, nodeId: 'N1' });
  const descriptors = await FileSpiceStore.open({ dir: spicePath, forensicDir: storagePath });
  return { storagePath, spicePath, chain, descriptors, vaults: new VaultReader(matrix) };
}

describe('loadAuditTrail', () => {
  it('returns the timeline between hash-prefix glyphs with verifiable inclusion proofs', async () => {
    const deps = await setup();
    const pulses = [];
    for (let i = 0; i < 10; i++) pulses.push(await deps.chain.appendPulse());
    const start = (pulses[2]?.hash ?? '').slice(0, 8);
    const end = (pulses[5]?.hash ?? '').slice(0, 8);
    const { record } = await deps.descriptors.put(parseDescriptor({ ...SAMPLE_DESCRIPTOR, glyph_range_start: start, glyph_range_end: end }));
    const trail = await loadAuditTrail(deps, record.descriptor_id);
    expect(trail?.forensic_timeline).toMatchObject({ start_index: 2, end_index: 5, tree_size: 10, note: null, truncated: false });
    expect(trail?.forensic_timeline.pulses.map((p) => p.leaf_index)).toEqual([2, 3, 4, 5]);
    const root = Buffer.from(trail?.forensic_timeline.root ?? '', 'hex');
    for (const entry of trail?.forensic_timeline.pulses ?? []) {
      const leaf = Buffer.from(await deps.chain.leafHash(entry.leaf_index), 'hex');
      expect(verifyInclusion(entry.leaf_index, 10, leaf, entry.inclusion_proof.map((h) => Buffer.from(h, 'hex')), root)).toBe(true);
    }
    expect(trail?.vault_pointers).toEqual([
      { ref: 'constraint:deterministic_replay', vault: 'apriori', found: true, entry: { ref: 'constraint:deterministic_replay', rule: 'replayable' } },
      { ref: 'outcome:job_success', vault: 'aposteriori', found: false, entry: null },
    ]);
    await deps.chain.close();
    await deps.descriptors.close();
  });

  it('gives the guide sample an empty timeline with a note, and null for an unknown id', async () => {
    const deps = await setup();
    await deps.chain.appendPulse();
    const { record } = await deps.descriptors.put(parseDescriptor(SAMPLE_DESCRIPTOR));
    const trail = await loadAuditTrail(deps, record.descriptor_id);
    expect(trail?.forensic_timeline.pulses).toEqual([]);
    expect(trail?.forensic_timeline.note).toMatch(/^glyph_range_start: no pulse matches "a1b2c3d4"$/);
    expect(await loadAuditTrail(deps, 'spice_00000000000000000000000000000000')).toBeNull();
    const report = await loadCapabilityReport(deps.descriptors);
    expect(report).toMatchObject({ total_descriptors: 1, median_level: 4 });
    await deps.chain.close();
    await deps.descriptors.close();
  });
});

describe('verifyStorageFiles', () => {
  it('is clean on untouched storage and catches truncation against the signed checkpoint', async () => {
    const deps = await setup();
    for (let i = 0; i < 12; i++) await deps.chain.appendPulse();
    await deps.descriptors.put(parseDescriptor(SAMPLE_DESCRIPTOR));
    const key = deriveFromSecret('test-secret');
    const size = await deps.chain.size();
    const cp = signCheckpoint({ size, root: await deps.chain.root(), timestamp: '2026-01-01T00:00:00.000Z', node_id: 'N1' }, key.privateKey);
    await saveCheckpointNote(deps.storagePath, cp.note, size);
    await deps.chain.close();
    await deps.descriptors.close();

    const opts = { storagePath: deps.storagePath, spicePath: deps.spicePath, publicKey: key.publicKey };
    const clean = await verifyStorageFiles(opts);
    expect(clean).toMatchObject({ ok: true, torn_tail_bytes: 0, checkpoint: { present: true, signature_ok: true, size: 12 } });
    expect(clean.chain.records).toBe(12);
    expect(clean.descriptors.records).toBe(1);

    const chainPath = join(deps.storagePath, 'glyph_chain.jsonl');
    const lines = readFileSync(chainPath, 'utf8').split('\n').filter((l) => l.length > 0);
    writeFileSync(chainPath, `${lines.slice(0, 9).join('\n')}\n`);
    const truncated = await verifyStorageFiles(opts);
    expect(truncated.ok).toBe(false);
    expect(truncated.chain.issue).toMatchObject({ index: 9, kind: 'truncated' });

    appendFileSync(chainPath, '{"seq":9,"no');
    expect((await verifyStorageFiles(opts)).torn_tail_bytes).toBe(12);

    const otherKey = deriveFromSecret('other');
    const wrongKey = await verifyStorageFiles({ ...opts, publicKey: otherKey.publicKey });
    expect(wrongKey.checkpoint).toMatchObject({ signature_ok: false });
    expect(wrongKey.ok).toBe(false);
  });
});
