import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { FileChainStore } from '../src/adapters/file-chain-store.js';
import { verifyChain } from '../src/domain/chain-verifier.js';
import { verifyConsistency, verifyInclusion } from '../src/domain/merkle-tree.js';
import { pulseSchemaViolation } from '../src/domain/pulse-record.js';

const REPO = resolve(import.meta.dirname, '../../..');
const CHILD = resolve(import.meta.dirname, 'fixtures/append-pulses.ts');
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'iss-chain-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const verifyFile = (path: string) =>
  verifyChain(
    readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0),
    { schemaViolation: pulseSchemaViolation },
  );

function runChild(dir: string, nodeId: string, count: number, concurrency: number) {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, dir, nodeId, String(count), String(concurrency)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('FileChainStore', () => {
  it('appends durable pulses that verify clean after reopening', async () => {
    const dir = tempDir();
    let t = Date.parse('2026-03-01T00:00:00Z');
    const store = await FileChainStore.open({ dir, nodeId: 'N1', now: () => (t += 250) });
    const first = await store.appendPulse();
    expect(first).toMatchObject({ seq: 0, prev_hash: '0'.repeat(64), node_id: 'N1', utc_iso: '2026-03-01T00:00:00.250Z', unix: 1772323200.25 });
    for (let i = 0; i < 9; i++) await store.appendPulse();
    await store.close();

    const reopened = await FileChainStore.open({ dir, nodeId: 'N1' });
    expect(await reopened.size()).toBe(10);
    const next = await reopened.appendPulse();
    expect(next.seq).toBe(10);
    const report = await verifyChain(reopened.lines(), { schemaViolation: pulseSchemaViolation });
    expect(report).toMatchObject({ ok: true, records: 11 });
    expect(report.root).toBe(await reopened.root());
    expect((await reopened.history(3)).map((p) => p.seq)).toEqual([8, 9, 10]);
    await reopened.close();
    expect(readFileSync(join(dir, 'forensic_audit.log'), 'utf8')).toContain('"event":"pulse.append"');
  });

  it('serves inclusion and consistency proofs that verify against its roots', async () => {
    const store = await FileChainStore.open({ dir: tempDir(), nodeId: 'N1' });
    for (let i = 0; i < 13; i++) await store.appendPulse();
    const root = Buffer.from(await store.root(), 'hex');
    for (const index of [0, 6, 12]) {
      const proof = (await store.inclusionProof(index)).map((h) => Buffer.from(h, 'hex'));
      expect(verifyInclusion(index, 13, Buffer.from(await store.leafHash(index), 'hex'), proof, root)).toBe(true);
    }
    const proof = (await store.consistencyProof(5)).map((h) => Buffer.from(h, 'hex'));
    expect(verifyConsistency(5, 13, proof, Buffer.from(await store.root(5), 'hex'), root)).toBe(true);
    const [p7] = await store.range(7, 8);
    expect(await store.findByHashPrefix((p7?.hash ?? '').slice(0, 9))).toBe(7);
    expect(await store.findByHashPrefix('zz')).toBeNull();
    await expect(store.inclusionProof(13)).rejects.toMatchObject({ code: 'ISS_OUT_OF_RANGE' });
    await store.close();
  });

  it('turns 50 clients × 100 concurrent appends into 5,000 records in one valid chain', async () => {
    const dir = tempDir();
    const store = await FileChainStore.open({ dir, nodeId: 'N1' });
    const acked: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let i = 0; i < 100; i++) acked.push((await store.appendPulse()).seq);
      }),
    );
    await store.close();
    expect(acked.length).toBe(5000);
    expect(new Set(acked).size).toBe(5000);
    const report = await verifyFile(join(dir, 'glyph_chain.jsonl'));
    expect(report).toMatchObject({ ok: true, records: 5000 });
    // Group commit: far fewer write+fsync batches than pulses.
    const batches = readFileSync(join(dir, 'forensic_audit.log'), 'utf8').split('\n').filter((l) => l.includes('pulse.append'));
    expect(batches.length).toBeLessThan(1000);
  });

  it('keeps one linear chain when 3 OS processes append to one folder', async () => {
    const dir = tempDir();
    const children = ['P1', 'P2', 'P3'].map((id) => runChild(dir, id, 150, 5));
    const outputs = await Promise.all(
      children.map(
        (c) =>
          new Promise<string>((res, rej) => {
            let out = '';
            c.stdout.on('data', (d: Buffer) => (out += d.toString()));
            c.on('error', rej);
            c.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`child exited ${code}`))));
          }),
      ),
    );
    const acks = outputs.flatMap((o) => o.split('\n').filter((l) => l.startsWith('ack ')));
    expect(acks.length).toBe(450);
    const lines = readFileSync(join(dir, 'glyph_chain.jsonl'), 'utf8').split('\n').filter((l) => l.length > 0);
    expect(await verifyChain(lines, { schemaViolation: pulseSchemaViolation })).toMatchObject({ ok: true, records: 450 });
    const nodes = new Set(lines.map((l) => (JSON.parse(l) as { node_id: string }).node_id));
    expect([...nodes].sort()).toEqual(['P1', 'P2', 'P3']);
    for (const ack of acks) {
      const [, seq, hash] = ack.split(' ');
      expect((JSON.parse(lines[Number(seq)] as string) as { hash: string }).hash).toBe(hash);
    }
  });

  it('loses no acknowledged pulse when the writer is killed with SIGKILL mid-stream', async () => {
    const dir = tempDir();
    const child = runChild(dir, 'K1', 1_000_000, 20);
    const acks = new Map<number, string>();
    await new Promise<void>((res) => {
      const rl = createInterface({ input: child.stdout });
      rl.on('line', (line) => {
        const [word, seq, hash] = line.split(' ');
        if (word === 'ack') acks.set(Number(seq), hash as string);
        if (acks.size >= 400 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => res());
    });
    expect(acks.size).toBeGreaterThanOrEqual(400);

    const store = await FileChainStore.open({ dir, nodeId: 'R1' });
    const report = await verifyChain(store.lines(), { schemaViolation: pulseSchemaViolation });
    expect(report.ok).toBe(true);
    const size = await store.size();
    const stored = await store.range(0, size);
    for (const [seq, hash] of acks) expect(stored[seq]?.hash).toBe(hash);
    expect((await store.appendPulse()).seq).toBe(size);
    await store.close();
  });

  it('cuts a torn last line at startup, logs it, and keeps every complete record', async () => {
    const dir = tempDir();
    const store = await FileChainStore.open({ dir, nodeId: 'N1' });
    for (let i = 0; i < 5; i++) await store.appendPulse();
    await store.close();
    const path = join(dir, 'glyph_chain.jsonl');
    const intact = readFileSync(path, 'utf8');
    appendFileSync(path, '{"hash":"abc","node_id":"N1","pr');

    const reopened = await FileChainStore.open({ dir, nodeId: 'N1' });
    expect(readFileSync(path, 'utf8')).toBe(intact);
    expect(await reopened.size()).toBe(5);
    expect((await reopened.appendPulse()).seq).toBe(5);
    await reopened.close();
    const audit = readFileSync(join(dir, 'forensic_audit.log'), 'utf8').split('\n').filter((l) => l.includes('torn_tail'));
    expect(audit).toHaveLength(1);
    const entry = JSON.parse(audit[0] as string) as { bytes_removed: number; removed_base64: string };
    expect(entry.bytes_removed).toBe(32);
    expect(Buffer.from(entry.removed_base64, 'base64').toString()).toBe('{"hash":"abc","node_id":"N1","pr');
  });

  it('lets the verifier name record k after one byte of the file is tampered', async () => {
    const dir = tempDir();
    const store = await FileChainStore.open({ dir, nodeId: 'N1' });
    for (let i = 0; i < 30; i++) await store.appendPulse();
    await store.close();
    const path = join(dir, 'glyph_chain.jsonl');
    const original = readFileSync(path);
    const lineStarts = [0];
    original.forEach((b, i) => {
      if (b === 0x0a && i + 1 < original.length) lineStarts.push(i + 1);
    });
    for (const k of [0, 1, 17, 29]) {
      const tampered = Buffer.from(original);
      const pos = (lineStarts[k] as number) + 40;
      tampered[pos] = (tampered[pos] as number) === 0x35 ? 0x36 : 0x35;
      writeFileSync(path, tampered);
      expect((await verifyFile(path)).first_bad_index).toBe(k);
    }
  });
});

describe('FileChainStore regression guard', () => {
  it('refuses to restart from genesis when the chain file was deleted behind its back', async () => {
    const dir = tempDir();
    const store = await FileChainStore.open({ dir, nodeId: 'N1' });
    for (let i = 0; i < 4; i++) await store.appendPulse();
    await store.close();
    rmSync(join(dir, 'glyph_chain.jsonl'));

    const reopened = await FileChainStore.open({ dir, nodeId: 'N1' });
    expect(reopened.regression).toEqual({ audited_size: 4, chain_size: 0 });
    await expect(reopened.appendPulse()).rejects.toMatchObject({ code: 'ISS_CHAIN_BROKEN' });
    await reopened.close();
    expect(readFileSync(join(dir, 'forensic_audit.log'), 'utf8')).toContain('chain.regression_detected');
  });
});
