import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveFromSecret, loadCheckpointKey } from '../src/adapters/checkpoint-key.js';
import { VaultReader } from '../src/adapters/vault-reader.js';
import { rawPublicKey, signCheckpoint, verifyCheckpoint } from '../src/domain/checkpoint.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(join(d, 'memory_matrix'), 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

function readOnlyMatrix(): string {
  const root = mkdtempSync(join(tmpdir(), 'iss-vault-'));
  dirs.push(root);
  const matrix = join(root, 'memory_matrix');
  mkdirSync(matrix);
  writeFileSync(join(matrix, 'apriori_vault.jsonl'), '{"ref":"constraint:deterministic_replay","rule":"same input, same output"}\nnot json\n');
  writeFileSync(join(matrix, 'aposteriori_vault.jsonl'), '{"id":"outcome:job_success","observed":true}\n');
  chmodSync(join(matrix, 'apriori_vault.jsonl'), 0o444);
  chmodSync(join(matrix, 'aposteriori_vault.jsonl'), 0o444);
  chmodSync(matrix, 0o555);
  return matrix;
}

function snapshot(dir: string): string {
  return ['apriori', 'aposteriori', 'trace']
    .map((v) => {
      try {
        const p = join(dir, `${v}_vault.jsonl`);
        return `${v}:${statSync(p).mtimeMs}:${readFileSync(p, 'utf8')}`;
      } catch {
        return `${v}:absent`;
      }
    })
    .join('|') + `|dir:${statSync(dir).mtimeMs}`;
}

describe('VaultReader', () => {
  it('resolves refs from a read-only matrix and never writes there', async () => {
    const matrix = readOnlyMatrix();
    const before = snapshot(matrix);
    const reader = new VaultReader(matrix);
    const pointers = await reader.resolvePointers(['constraint:deterministic_replay', 'constraint:unknown'], ['outcome:job_success']);
    expect(pointers).toEqual([
      { ref: 'constraint:deterministic_replay', vault: 'apriori', found: true, entry: { ref: 'constraint:deterministic_replay', rule: 'same input, same output' } },
      { ref: 'constraint:unknown', vault: 'apriori', found: false, entry: null },
      { ref: 'outcome:job_success', vault: 'aposteriori', found: true, entry: { id: 'outcome:job_success', observed: true } },
    ]);
    const status = await reader.status();
    expect(status.map((s) => [s.vault, s.present, s.entries, s.unparseable_lines])).toEqual([
      ['apriori', true, 1, 1],
      ['aposteriori', true, 1, 0],
      ['trace', false, 0, 0],
    ]);
    expect(snapshot(matrix)).toBe(before);
  });
});

describe('loadCheckpointKey', () => {
  it('derives the same key from the same SECRET_KEY and signs verifiable checkpoints', async () => {
    const a = await loadCheckpointKey({ secretKey: 'your-secret-key-here' });
    const b = deriveFromSecret('your-secret-key-here');
    expect(a.source).toBe('secret_key');
    expect(rawPublicKey(a.publicKey).equals(rawPublicKey(b.publicKey))).toBe(true);
    expect(rawPublicKey(deriveFromSecret('other').publicKey).equals(rawPublicKey(a.publicKey))).toBe(false);
    const cp = signCheckpoint({ size: 1, root: 'ab'.repeat(32), timestamp: '2026-01-01T00:00:00.000Z', node_id: 'N' }, a.privateKey);
    expect(verifyCheckpoint(cp.note, b.publicKey).ok).toBe(true);
  });

  it('reads a hex seed key file (RFC 8032 test 1 seed → its public key)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iss-key-'));
    const file = join(dir, 'checkpoint.key');
    writeFileSync(file, '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60\n');
    const key = await loadCheckpointKey({ keyFile: file, secretKey: 'ignored' });
    expect(key.source).toBe('key_file');
    expect(rawPublicKey(key.publicKey).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    rmSync(dir, { recursive: true, force: true });
    expect((await loadCheckpointKey({})).source).toBe('ephemeral');
  });
});
