import { describe, expect, it } from 'vitest';
import { verifyChain } from './chain-verifier.js';
import { seal, toLine } from './hash-chain.js';
import { MerkleTree, hashLeaf } from './merkle-tree.js';
import { createPulse, pulseSchemaViolation, type PulseRecord } from './pulse-record.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function chain(n: number): string[] {
  const lines: string[] = [];
  let tip: PulseRecord | null = null;
  for (let i = 0; i < n; i++) {
    tip = createPulse(tip, 'NODE_A', T0 + i * 1000);
    lines.push(toLine(tip));
  }
  return lines;
}

const verify = (lines: string[], checkpoint?: { size: number; root: string }) =>
  verifyChain(lines, checkpoint ? { schemaViolation: pulseSchemaViolation, checkpoint } : { schemaViolation: pulseSchemaViolation });

function rootOf(lines: string[]): string {
  const tree = new MerkleTree();
  for (const l of lines) tree.appendLeafHash(hashLeaf(Buffer.from(l)));
  return tree.root().toString('hex');
}

describe('verifyChain', () => {
  it('verifies an untouched chain clean, and an empty one', async () => {
    const lines = chain(20);
    const report = await verify(lines);
    expect(report).toMatchObject({ ok: true, records: 20, first_bad_index: null, issue: null });
    expect(report.root).toBe(rootOf(lines));
    expect((await verify([])).ok).toBe(true);
  });

  it('names the record when one byte is flipped in any record k', async () => {
    const lines = chain(12);
    for (let k = 0; k < 12; k++) {
      const line = lines[k] as string;
      for (const pos of [2, Math.floor(line.length / 2), line.length - 3]) {
        const tampered = [...lines];
        const code = line.charCodeAt(pos);
        tampered[k] = line.slice(0, pos) + String.fromCharCode(code === 0x31 ? 0x32 : 0x31) + line.slice(pos + 1);
        if (tampered[k] === line) continue;
        const report = await verify(tampered);
        expect(report.first_bad_index).toBe(k);
      }
    }
  });

  it('reports an edited field as a hash mismatch at that index', async () => {
    const lines = chain(5);
    const rec = JSON.parse(lines[3] as string) as PulseRecord;
    const edited: PulseRecord = { ...rec, node_id: 'EVIL' };
    lines[3] = toLine(edited);
    const report = await verify(lines);
    expect(report.issue).toMatchObject({ index: 3, kind: 'edited' });
  });

  it('reports a deleted record at the index where the gap starts', async () => {
    const lines = chain(6);
    lines.splice(2, 1);
    expect((await verify(lines)).issue).toMatchObject({ index: 2, kind: 'deleted', field: 'seq' });
  });

  it('reports swapped records as reordered', async () => {
    const lines = chain(6);
    [lines[2], lines[3]] = [lines[3] as string, lines[2] as string];
    expect((await verify(lines)).issue).toMatchObject({ index: 2, kind: 'reordered' });
  });

  it('reports a record moved far later as reordered', async () => {
    const lines = chain(8);
    const [moved] = lines.splice(1, 1);
    lines.push(moved as string);
    expect((await verify(lines)).issue).toMatchObject({ index: 1, kind: 'reordered' });
  });

  it('reports a duplicated record', async () => {
    const lines = chain(5);
    lines.splice(3, 0, lines[2] as string);
    expect((await verify(lines)).issue).toMatchObject({ index: 3, kind: 'duplicated' });
    const later = chain(5);
    later.push(later[1] as string);
    expect((await verify(later)).issue).toMatchObject({ index: 5, kind: 'duplicated' });
  });

  it('reports forged lines: garbage, schema violations, non-canonical bytes, broken links', async () => {
    const lines = chain(4);
    expect((await verify([...lines.slice(0, 2), 'not json', ...lines.slice(2)])).issue).toMatchObject({ index: 2, kind: 'forged' });
    const extra = JSON.parse(lines[1] as string) as Record<string, unknown>;
    extra['note'] = 'x';
    expect((await verify([lines[0] as string, JSON.stringify(extra)])).issue).toMatchObject({ index: 1, kind: 'forged', field: 'note' });
    const spaced = (lines[1] as string).replace(',', ', ');
    expect((await verify([lines[0] as string, spaced])).issue).toMatchObject({ index: 1, kind: 'forged' });
    // A forger rewrites record 1 and recomputes its hash: record 2 no longer links.
    const rec1 = JSON.parse(lines[1] as string) as PulseRecord;
    const { hash: _drop, ...body } = { ...rec1, node_id: 'EVIL' };
    void _drop;
    const forgedLines = [lines[0] as string, toLine(seal(body)), lines[2] as string, lines[3] as string];
    expect((await verify(forgedLines)).issue).toMatchObject({ index: 2, kind: 'forged', field: 'prev_hash' });
  });

  it('detects a truncated tail and a whole-file rewrite against a checkpoint', async () => {
    const lines = chain(10);
    const cp = { size: 10, root: rootOf(lines) };
    expect((await verify(lines, cp)).ok).toBe(true);
    expect((await verify(lines.slice(0, 7), cp)).issue).toMatchObject({ index: 7, kind: 'truncated' });
    // Same length, fully valid chain, different content: only the checkpoint catches it.
    const rewritten: string[] = [];
    let tip: PulseRecord | null = null;
    for (let i = 0; i < 10; i++) {
      tip = createPulse(tip, 'NODE_A', T0 + i * 1000 + 1);
      rewritten.push(toLine(tip));
    }
    expect((await verify(rewritten)).ok).toBe(true);
    const report = await verify(rewritten, cp);
    expect(report.issue).toMatchObject({ kind: 'rewritten' });
    expect(report.checkpoint?.matches).toBe(false);
  });

  it('accepts a longer honest chain against an older checkpoint', async () => {
    const lines = chain(15);
    const cp = { size: 9, root: rootOf(lines.slice(0, 9)) };
    const report = await verify(lines, cp);
    expect(report.ok).toBe(true);
    expect(report.checkpoint).toMatchObject({ size: 9, matches: true });
  });
});
