import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSpiceStore } from '../src/adapters/spice-store.js';
import { verifyChain } from '../src/domain/chain-verifier.js';
import { descriptorRecordSchemaViolation, parseDescriptor } from '../src/domain/spice-descriptor.js';
import { SAMPLE_DESCRIPTOR } from './fixtures/sample-descriptor.js';

const dirs: string[] = [];
function tempDirs(): { dir: string; forensicDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'iss-spice-'));
  dirs.push(root);
  return { dir: join(root, 'spice_layer'), forensicDir: join(root, 'forensic_logs') };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const variant = (i: number) => parseDescriptor({ ...SAMPLE_DESCRIPTOR, glyph_count: i + 1, glyph_range_start: `g${i % 3}` });

describe('FileSpiceStore', () => {
  it('stores the guide sample once, by content id, and finds it by id, glyph and a-priori ref', async () => {
    const paths = tempDirs();
    const store = await FileSpiceStore.open(paths);
    const first = await store.put(parseDescriptor(SAMPLE_DESCRIPTOR));
    expect(first.created).toBe(true);
    expect(first.record).toMatchObject({ seq: 0, prev_hash: '0'.repeat(64), descriptor: SAMPLE_DESCRIPTOR });
    const again = await store.put(parseDescriptor({ ...SAMPLE_DESCRIPTOR }));
    expect(again).toEqual({ record: first.record, created: false });
    const id = first.record.descriptor_id;
    expect(await store.get(id)).toEqual(first.record);
    expect(await store.get('spice_00000000000000000000000000000000')).toBeNull();
    expect((await store.findByGlyph('a1b2c3d4')).map((r) => r.descriptor_id)).toEqual([id]);
    expect((await store.findByGlyph('e5f6g7h8')).map((r) => r.descriptor_id)).toEqual([id]);
    expect((await store.findByApriori('constraint:deterministic_replay')).map((r) => r.descriptor_id)).toEqual([id]);
    expect(await store.findByGlyph('nope')).toEqual([]);
    await store.close();

    const binding = readFileSync(join(paths.dir, 'constitutional_binding.jsonl'), 'utf8').trim().split('\n');
    expect(binding).toHaveLength(1);
    expect(JSON.parse(binding[0] as string)).toMatchObject({ event: 'spice.descriptor.created', article: 'VII', descriptor_id: id });
    expect(readFileSync(join(paths.forensicDir, 'forensic_audit.log'), 'utf8')).toContain(id);
  });

  it('keeps a hash-chained log the verifier accepts', async () => {
    const paths = tempDirs();
    const store = await FileSpiceStore.open(paths);
    for (let i = 0; i < 10; i++) await store.put(variant(i));
    expect((await verifyChain(store.lines(), { schemaViolation: descriptorRecordSchemaViolation })).ok).toBe(true);
    const seen: number[] = [];
    for await (const r of store.records()) seen.push(r.seq);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await store.close();
  });

  it('rebuilds a missing or corrupt index and catches up a stale one', async () => {
    const paths = tempDirs();
    const store = await FileSpiceStore.open(paths);
    for (let i = 0; i < 6; i++) await store.put(variant(i));
    await store.close();
    const indexPath = join(paths.dir, 'spice_index.json');
    const saved = JSON.parse(readFileSync(indexPath, 'utf8')) as { ids: Record<string, unknown>; glyphs: Record<string, string[]> };
    expect(Object.keys(saved.ids)).toHaveLength(6);
    expect(saved.glyphs['g0']).toHaveLength(2);

    const loaded = await FileSpiceStore.open(paths);
    expect(loaded.indexState).toBe('loaded');
    await loaded.close();

    unlinkSync(indexPath);
    const rebuilt = await FileSpiceStore.open(paths);
    expect(rebuilt.indexState).toBe('rebuilt: index missing');
    expect(await rebuilt.findByGlyph('g1')).toHaveLength(2);
    await rebuilt.close();

    writeFileSync(indexPath, '{"version":1,');
    const fromCorrupt = await FileSpiceStore.open(paths);
    expect(fromCorrupt.indexState).toBe('rebuilt: index unreadable');
    await fromCorrupt.close();

    // Stale: an index saved at 6 records while the log has grown to 8.
    const staleIndex = readFileSync(indexPath, 'utf8');
    const writer = await FileSpiceStore.open(paths);
    await writer.put(variant(6));
    await writer.put(variant(7));
    await writer.close();
    writeFileSync(indexPath, staleIndex);
    const caughtUp = await FileSpiceStore.open(paths);
    expect(caughtUp.indexState).toBe('caught_up');
    expect(await caughtUp.count()).toBe(8);
    expect(await caughtUp.findByGlyph('g0')).toHaveLength(3);
    await caughtUp.close();
  });

  it('reads a single-line index written by earlier versions and rebuilds a truncated one', async () => {
    const paths = tempDirs();
    const store = await FileSpiceStore.open(paths);
    for (let i = 0; i < 5; i++) await store.put(variant(i));
    await store.close();
    const indexPath = join(paths.dir, 'spice_index.json');
    const chunked = readFileSync(indexPath, 'utf8');

    writeFileSync(indexPath, JSON.stringify(JSON.parse(chunked)));
    const legacy = await FileSpiceStore.open(paths);
    expect(legacy.indexState).toBe('loaded');
    expect(await legacy.findByGlyph('g0')).toHaveLength(2);
    await legacy.close();

    // A crash while saving leaves the chunked index cut off mid-way: never trusted, always rebuilt.
    writeFileSync(indexPath, chunked.slice(0, Math.floor(chunked.length / 2)));
    const truncated = await FileSpiceStore.open(paths);
    expect(truncated.indexState.startsWith('rebuilt')).toBe(true);
    expect(await truncated.count()).toBe(5);
    expect(await truncated.findByGlyph('g1')).toHaveLength(2);
    await truncated.close();
  });

  it('shares one log between two replicas on one folder without losing index updates', async () => {
    const paths = tempDirs();
    const a = await FileSpiceStore.open(paths);
    const b = await FileSpiceStore.open(paths);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).put(variant(i))),
    );
    expect(results.every((r) => r.created)).toBe(true);
    for (const r of results) {
      expect((await a.get(r.record.descriptor_id))?.seq).toBe(r.record.seq);
      expect((await b.get(r.record.descriptor_id))?.seq).toBe(r.record.seq);
    }
    expect(await a.count()).toBe(30);
    expect(await b.findByGlyph('g2')).toHaveLength(10);
    // The same content posted to the other replica is recognized, not duplicated.
    expect((await b.put(variant(0))).created).toBe(false);
    expect((await verifyChain(a.lines(), { schemaViolation: descriptorRecordSchemaViolation })).ok).toBe(true);
    await a.close();
    await b.close();
  });
});
