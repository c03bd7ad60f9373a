import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { RevisionStore } from '../src/adapters/revision-store.js';
import { applyTemplate } from '../src/domain/revisions/index.js';
import { ROOT } from './support/spawn-cli.js';
import { tempDir } from './support/test-context.js';

const WRITER = join(ROOT, 'services/acgs/test/fixtures/revision-writer.ts');
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function stateDir(): string {
  const dir = tempDir('revision-lock');
  dirs.push(dir);
  return dir;
}

function startWriter(args: string[]): { child: ChildProcessWithoutNullStreams; next: () => Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: ROOT });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done === true) throw new Error(`writer ${args.join(' ')} ended early: ${stderr}`);
    return line.value;
  };
  return { child, next };
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('RevisionStore across processes', () => {
  it('keeps all 120 revisions when 3 processes each apply 40 concurrent updates to one history', async () => {
    const dir = stateDir();
    const writers = ['w1', 'w2', 'w3'].map((name) => ({
      name,
      ...startWriter(['updates', dir, 'api', name, '40']),
    }));
    for (const writer of writers) expect(await writer.next()).toBe('ready');
    for (const writer of writers) writer.child.stdin.write('go\n');
    for (const writer of writers) {
      expect(await writer.next()).toBe('done');
      expect(await exited(writer.child)).toBe(0);
    }

    const history = await new RevisionStore(dir, 'local').get('api');
    expect(history.revisions.map((r) => r.revision)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const written = history.revisions.map((r) => {
      const template = r.template as { writer: string; n: number };
      return `${template.writer}:${template.n}`;
    });
    const expected = writers.flatMap(({ name }) => Array.from({ length: 40 }, (_, n) => `${name}:${n}`));
    expect(written.sort()).toEqual(expected.sort());
    expect(existsSync(join(dir, 'local-revisions.lock'))).toBe(true);
  });

  it('waits while another process holds the lock and goes ahead once that process is killed with SIGKILL', async () => {
    const dir = stateDir();
    const store = new RevisionStore(dir, 'local');
    await store.update('api', (history) => ({
      history: applyTemplate(history, { v: 1 }, { at: 1, runId: 'r1' }).history,
      result: undefined,
    }));

    const holder = startWriter(['hold', dir]);
    expect(await holder.next()).toBe('locked');
    let finished = false;
    const pending = store
      .update('api', (history) => {
        const applied = applyTemplate(history, { v: 2 }, { at: 2, runId: 'r2' });
        return { history: applied.history, result: applied.revision.revision };
      })
      .finally(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(finished).toBe(false);

    const killedAt = Date.now();
    holder.child.kill('SIGKILL');
    expect(await pending).toBe(2);
    expect(Date.now() - killedAt).toBeLessThan(2_000);
    expect((await store.get('api')).revisions.map((r) => r.template)).toEqual([{ v: 1 }, { v: 2 }]);
    // The lock file outlives its holder and blocks nobody.
    expect(existsSync(store.lockPath)).toBe(true);
    await expect(store.update('api', (history) => ({ history, result: 'unchanged' }))).resolves.toBe(
      'unchanged',
    );
  });
});
