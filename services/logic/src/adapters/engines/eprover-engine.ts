import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { LogicError } from '../../errors.js';
import type { Problem, SzsStatus } from '../../domain/formula.js';
import type { ProofResult, ProofStep } from '../../domain/prover/proof-result.js';
import { printTptpProblem } from '../../domain/syntax/tptp-printer.js';
import type { ProveOptions, ProverEngine } from './prover-engine.js';

const KNOWN: ReadonlySet<string> = new Set(['Theorem', 'CounterSatisfiable', 'Unsatisfiable', 'Satisfiable', 'ContradictoryAxioms', 'Timeout', 'GaveUp']);

/** Maps E's SZS answer onto ours (ResourceOut means E ran out of its CPU limit). */
export function mapSzsStatus(status: string | undefined): SzsStatus {
  if (status === undefined) return 'GaveUp';
  if (KNOWN.has(status)) return status as SzsStatus;
  return status === 'ResourceOut' ? 'Timeout' : 'GaveUp';
}

/** Extracts `% SZS status X` (or `# SZS status X`) from prover output. */
export function parseSzsStatus(output: string): string | undefined {
  return /^[%#]\s*SZS status\s+(\w+)/m.exec(output)?.[1];
}

/** The TPTP lines of E's proof object, one step each (rule and parents read from the inference term). */
export function parseTstpProof(output: string): ProofStep[] {
  const start = output.indexOf('SZS output start');
  const end = output.indexOf('SZS output end');
  if (start < 0 || end < 0) return [];
  const lines = output.slice(output.indexOf('\n', start) + 1, end).split('\n');
  const steps: ProofStep[] = [];
  let buffer = '';
  for (const line of lines) {
    if (line.startsWith('#') || line.startsWith('%')) continue;
    buffer += line.trim();
    if (!buffer.endsWith(').')) continue;
    const m = /^(?:fof|cnf)\(([^,]+),\s*(\w+),\s*(.*)\)\.$/.exec(buffer);
    buffer = '';
    if (m === null) continue;
    const [, name, role, rest] = m as unknown as [string, string, string, string];
    const inference = /inference\((\w+)/.exec(rest);
    const parents = [...rest.matchAll(/\[([\w,\s]+)\]\)/g)].flatMap((p) => (p[1] ?? '').split(',').map((s) => s.trim())).filter((s) => /^c_\d+_\d+$/.test(s));
    steps.push({
      id: steps.length,
      clause: rest.replace(/,\s*(inference|file)\(.*$/, ''),
      rule: inference?.[1] ?? (role === 'conjecture' || role === 'axiom' ? 'input' : role),
      parents: parents.map((p) => steps.findIndex((s) => s.source === p)).filter((i) => i >= 0),
      source: name,
    });
  }
  return steps;
}

export interface EproverEngineOptions {
  /** The binary (default `eprover` on PATH). */
  readonly binary?: string;
}

/**
 * E (`eprover --auto --tstp-format -s --cpu-limit=N`) on the TPTP print of the problem, read from
 * stdin. The process is killed at the hard timeout.
 */
export class EproverEngine implements ProverEngine {
  readonly name = 'eprover';

  constructor(private readonly options: EproverEngineOptions = {}) {}

  prove(problem: Problem, { timeoutMs }: ProveOptions): Promise<ProofResult> {
    const start = performance.now();
    const input = printTptpProblem(problem);
    const cpuLimit = Math.max(1, Math.ceil(timeoutMs / 1000));
    return new Promise((resolve, reject) => {
      const child = spawn(this.options.binary ?? 'eprover', ['--auto', '--tstp-format', '-s', '--proof-object', `--cpu-limit=${cpuLimit}`], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (error.code === 'ENOENT') reject(new LogicError('LOGIC_ENGINE_UNAVAILABLE', 'eprover is not installed', { field: 'prover' }));
        else reject(new LogicError('LOGIC_ENGINE_FAILED', `eprover failed: ${error.message}`, { field: 'prover', cause: error }));
      });
      child.on('close', () => {
        clearTimeout(timer);
        const elapsedMs = performance.now() - start;
        const raw = parseSzsStatus(stdout);
        if (timedOut && raw === undefined) {
          resolve({ status: 'Timeout', engine: this.name, elapsedMs, reason: `hard timeout of ${timeoutMs} ms` });
          return;
        }
        const status = mapSzsStatus(raw);
        const proof = parseTstpProof(stdout);
        const reason = raw === undefined ? stderr.trim().split('\n').slice(-3).join(' ') || 'no SZS status in eprover output' : undefined;
        resolve({
          status,
          engine: this.name,
          elapsedMs,
          ...(proof.length > 0 ? { proof } : {}),
          ...(reason === undefined ? {} : { reason }),
        });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
