import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitFor } from '@svc/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const CLI = resolve(import.meta.dirname, '../src/cli.ts');
const base = mkdtempSync(join(tmpdir(), 'iss-workers-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

/** POST over a fresh connection so node:cluster can hand each request to either worker. */
function postFresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveResponse, reject) => {
    const outgoing = request(url, { method: 'POST', agent: false, timeout: 30_000 }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolveResponse({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('iss serve with WORKERS=2', () => {
  it('appends concurrent pulses from both workers to one linear, valid chain', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const storage = join(base, 'forensic_logs');
    child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        WORKERS: '2',
        STORAGE_PATH: storage,
        SPICE_STORAGE_PATH: join(base, 'spice_layer'),
        MATRIX_ROOT: join(base, 'memory_matrix'),
        SECRET_KEY: 'workers-test',
        DATABASE_URL: '',
        DISABLE_RATE_LIMIT: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitFor('iss workers', async () => (await fetch(`${url}/health`)).ok, 90_000);

    const responses = await Promise.all(Array.from({ length: 200 }, () => postFresh(`${url}/time/pulse`)));
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const acknowledged = responses.map((r) => JSON.parse(r.body) as { seq: number; hash: string });

    const verify = (await (await fetch(`${url}/time/verify`)).json()) as { valid: boolean; records: number };
    expect(verify).toMatchObject({ valid: true, records: 200 });
    // Every acknowledged pulse is in the one chain, exactly once, at the sequence it was given.
    const lines = readFileSync(join(storage, 'glyph_chain.jsonl'), 'utf8').trim().split('\n');
    const stored = lines.map((line) => JSON.parse(line) as { seq: number; hash: string });
    expect(stored.map((p) => p.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    for (const pulse of acknowledged) expect(stored[pulse.seq]?.hash).toBe(pulse.hash);
  });
});
