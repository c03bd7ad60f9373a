/**
 * A minimal prover-engine interface and an E (`eprover`) implementation for the evaluation scripts
 * and the integration tests. It runs `eprover --auto --tstp-format -s` on a TPTP text and reads the
 * `SZS status` line. The service's own engine adapters (src/adapters/engines) should replace this
 * once they exist; the interface is deliberately the smallest one the scripts need.
 */
import { spawn } from 'node:child_process';
import type { Problem } from '../src/domain/formula.js';
import { printTptpProblem } from '../src/domain/syntax/index.js';

/** SZS statuses E prints, plus the resource outcomes. */
export type EngineStatus = string;

export interface ProverEngine {
  readonly name: string;
  /** Decides a problem and answers its SZS status (`Theorem`, `CounterSatisfiable`, `ResourceOut`, …). */
  prove(problem: Problem, timeoutSeconds: number): Promise<EngineStatus>;
}

/** Runs eprover on TPTP text; resolves with the SZS status, or `GaveUp` when E prints none. */
export function runEproverOnText(tptp: string, cpuLimitSeconds: number): Promise<EngineStatus> {
  return new Promise((resolve, reject) => {
    const child = spawn('eprover', ['--auto', '--tstp-format', '-s', `--cpu-limit=${cpuLimitSeconds}`], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    // A wall-clock guard on top of E's CPU limit: a stuck E must never hang a test run. E's limit
    // counts CPU seconds, and on a shared, loaded machine wall time runs a few times longer.
    const guard = setTimeout(() => child.kill('SIGKILL'), (cpuLimitSeconds * 3 + 5) * 1000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.resume();
    child.on('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.on('close', () => {
      clearTimeout(guard);
      const match = /SZS status (\w+)/.exec(out);
      resolve(match?.[1] ?? 'GaveUp');
    });
    child.stdin.end(tptp);
  });
}

export const eproverEngine: ProverEngine = {
  name: 'eprover',
  prove: (problem, timeoutSeconds) => runEproverOnText(printTptpProblem(problem), timeoutSeconds),
};
