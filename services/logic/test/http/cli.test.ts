import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'logic-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns the CLI from its sources, as `node --import tsx services/logic/src/cli.ts …`. */
function spawnLogic(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'services/logic/src/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, LOGIC_MAX_PROOF_TIME: '10' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(guard);
      resolve({ status, stdout, stderr });
    });
  });
}

/** The same program in this process (each start of a process costs seconds under tsx). */
async function logic(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(['node', 'logic', ...args], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the logic process', () => {
  const runs: Run[] = [];
  beforeAll(async () => {
    runs.push(
      ...(await Promise.all([
        spawnLogic('prove', '/work/shared/data/tptp/06_socrates.p'),
        spawnLogic('prove', '/work/shared/data/tptp/07_socrates_missing_fact.p'),
      ])),
    );
  }, 120_000);

  it('prints the SZS status line and exits 0 for a theorem', () => {
    expect(runs[0]).toMatchObject({ stdout: '% SZS status Theorem for 06_socrates\n', status: 0 });
  });

  it('exits 1 for CounterSatisfiable', () => {
    expect(runs[1]).toMatchObject({ stdout: '% SZS status CounterSatisfiable for 07_socrates_missing_fact\n', status: 1 });
  });
});

describe('logic prove', () => {
  it('prints the refutation between SZS output markers with --proof', async () => {
    const run = await logic('prove', '--proof', file('mp.p', 'fof(a, axiom, p).\nfof(b, axiom, p => q).\nfof(c, conjecture, q).\n'));
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('% SZS status Theorem for mp');
    expect(lines[1]).toBe('% SZS output start CNFRefutation for mp');
    expect(lines.at(-1)).toBe('% SZS output end CNFRefutation for mp');
    expect(lines.at(-2)).toMatch(/^cnf\(c\d+, plain, \$false, inference\(/);
    expect(run.status).toBe(0);
  });

  it('decides with E through --engine eprover', async () => {
    const run = await logic('prove', '--engine', 'eprover', '/work/shared/data/tptp/06_socrates.p');
    expect(run).toMatchObject({ stdout: '% SZS status Theorem for 06_socrates\n', status: 0 });
  });

  it('exits 3 with SyntaxError for a malformed file', async () => {
    const run = await logic('prove', file('bad.p', 'fof(a, axiom, p'));
    expect(run.stdout).toBe('% SZS status SyntaxError for bad\n');
    expect(run.stderr).toContain("expected ')' closing the statement");
    expect(run.status).toBe(3);
  });

  it('exits 11 with InputError for an include()', async () => {
    const run = await logic('prove', file('inc.p', "include('Axioms/SET001-0.ax').\nfof(c, conjecture, p).\n"));
    expect(run.stdout).toBe('% SZS status InputError for inc\n');
    expect(run.status).toBe(11);
  });

  it('exits 5 for a missing file and 4 for a usage error', async () => {
    const missing = await logic('prove', join(dir, 'absent.p'));
    expect(missing.status).toBe(5);
    expect(missing.stderr).toContain('cannot read');
    expect((await logic('prove')).status).toBe(4);
    expect((await logic('prove', '--timeout', 'soon', 'x.p')).status).toBe(4);
    expect((await logic('prove', '--engine', 'vampire', 'x.p')).status).toBe(4);
  });
});

describe('logic convert', () => {
  it('prints one formula per text and exits 0 when all converted', async () => {
    const run = await logic('convert', 'All cats are animals', 'No dogs are cats');
    expect(run).toMatchObject({ stdout: '∀x (Cat(x) → Animal(x))\n∀x (Dog(x) → ¬Cat(x))\n', status: 0 });
  });

  it('exits 1 when a text is outside the grammar', async () => {
    const run = await logic('convert', 'Although it rained, we went out');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('% not converted\n');
  });
});

describe('logic batch', () => {
  it('writes one JSON line per input line, in order, with a bad line failing alone', async () => {
    const run = await logic('batch', file('sentences.txt', 'All cats are animals\n\n# a comment\nSocrates is a man\nbad\u0007input\n'));
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; ok: boolean; fol?: string; error?: { code: string } });
    expect(lines.map((l) => [l.line, l.ok, l.fol ?? l.error?.code])).toEqual([
      [1, true, '∀x (Cat(x) → Animal(x))'],
      [4, true, 'Man(socrates)'],
      [5, false, 'LOGIC_SUSPICIOUS_INPUT'],
    ]);
    expect(run.status).toBe(1);
  });

  it('decides one "premises ⊢ goal" problem per line with --prove', async () => {
    const run = await logic('batch', '--prove', file('problems.txt', 'All men are mortal; Socrates is a man ⊢ Socrates is mortal\np |- q\n'));
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; status: string; proved: boolean });
    expect(lines.map((l) => [l.line, l.status, l.proved])).toEqual([
      [1, 'Theorem', true],
      [2, 'CounterSatisfiable', false],
    ]);
    expect(run.status).toBe(0);
  });
});
