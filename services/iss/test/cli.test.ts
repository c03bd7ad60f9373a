import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileChainStore } from '../src/adapters/file-chain-store.js';
import { backup, restore } from '../src/adapters/snapshot.js';
import { FileSpiceStore } from '../src/adapters/spice-store.js';
import { parseDescriptor } from '../src/domain/spice-descriptor.js';
import { SAMPLE_DESCRIPTOR } from './fixtures/sample-descriptor.js';

const REPO = resolve(import.meta.dirname, '../../..');
const CLI = resolve(import.meta.dirname, '../src/cli.ts');
const base = mkdtempSync(join(tmpdir(), 'iss-cli-'));
const env = {
  ...process.env,
  STORAGE_PATH: join(base, 'forensic_logs'),
  SPICE_STORAGE_PATH: join(base, 'spice_layer'),
  MATRIX_ROOT: join(base, 'memory_matrix'),
  SECRET_KEY: '',
  CHECKPOINT_KEY_FILE: '',
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
};
afterAll(() => rmSync(base, { recursive: true, force: true }));

function iss(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function seed(): Promise<void> {
  mkdirSync(env.MATRIX_ROOT, { recursive: true });
  writeFileSync(join(env.MATRIX_ROOT, 'apriori_vault.jsonl'), '{"ref":"a"}\n');
  const chain = await FileChainStore.open({ dir: env.STORAGE_PATH, nodeId: 'CLI' });
  for (let i = 0; i < 8; i++) await chain.appendPulse();
  await chain.close();
  const spice = await FileSpiceStore.open({ dir: env.SPICE_STORAGE_PATH, forensicDir: env.STORAGE_PATH });
  await spice.put(parseDescriptor(SAMPLE_DESCRIPTOR));
  await spice.close();
}

describe('iss CLI', () => {
  it('verify exits 0 on clean storage and 1 naming the record after tampering', async () => {
    await seed();
    const clean = iss('verify', '--dir', base);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toMatchObject({ ok: true, chain: { records: 8 }, descriptors: { records: 1 } });

    const chainPath = join(env.STORAGE_PATH, 'glyph_chain.jsonl');
    writeFileSync(chainPath, readFileSync(chainPath, 'utf8').replace('"seq":5,', '"seq":50,'));
    const tampered = iss('verify', '--dir', env.STORAGE_PATH);
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.out)).toMatchObject({ ok: false, chain: { first_bad_index: 5 } });
  });
});

describe('backup and restore', () => {
  it('round-trips the storage folders through a snapshot', async () => {
    const folders = { storagePath: env.STORAGE_PATH, spicePath: env.SPICE_STORAGE_PATH, matrixRoot: env.MATRIX_ROOT };
    const chainPath = join(env.STORAGE_PATH, 'glyph_chain.jsonl');
    if (!existsSync(chainPath)) await seed();
    const before = readFileSync(chainPath, 'utf8');
    const archive = join(base, 'snapshot.tar.gz');
    await backup(folders, archive);
    writeFileSync(chainPath, 'garbage\n');
    writeFileSync(join(env.SPICE_STORAGE_PATH, 'stray.txt'), 'x');
    await restore(folders, archive);
    expect(readFileSync(chainPath, 'utf8')).toBe(before);
    expect(existsSync(join(env.SPICE_STORAGE_PATH, 'stray.txt'))).toBe(false);
    expect(readFileSync(join(env.MATRIX_ROOT, 'apriori_vault.jsonl'), 'utf8')).toBe('{"ref":"a"}\n');
  });
});
