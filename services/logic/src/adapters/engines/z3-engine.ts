import { performance } from 'node:perf_hooks';
import type { Problem } from '../../domain/formula.js';
import type { ProofResult } from '../../domain/prover/proof-result.js';
import { printSmtLib } from '../../domain/syntax/smtlib-printer.js';
import type { ProveOptions, ProverEngine } from './prover-engine.js';
import { WorkerPool } from './worker-pool.js';
import type { Z3Answer, Z3Job } from './z3-worker.js';

/**
 * Z3 (npm z3-solver, WASM) in worker threads. The problem goes over as SMT-LIB on one uninterpreted
 * sort: axioms ∧ ¬conjecture unsat means Theorem, sat means CounterSatisfiable; when it is unsat the
 * axioms alone are checked to tell ContradictoryAxioms apart. Quantified problems are often
 * `unknown` to Z3: that is GaveUp. The worker is terminated at the hard timeout.
 */
export class Z3Engine implements ProverEngine {
  readonly name = 'z3';
  private readonly pool = new WorkerPool<Z3Job, Z3Answer>('z3-worker', 1);

  async prove(problem: Problem, { timeoutMs }: ProveOptions): Promise<ProofResult> {
    const start = performance.now();
    const scripts = [printSmtLib(problem, { checkSat: false })];
    if (problem.conjecture !== undefined) scripts.push(printSmtLib({ axioms: problem.axioms }, { checkSat: false }));
    const outcome = await this.pool.run({ scripts, timeoutMs: Math.max(1, Math.floor(timeoutMs * 0.8)) }, timeoutMs);
    const elapsedMs = (): number => performance.now() - start;
    if (outcome.kind === 'timeout') return { status: 'Timeout', engine: this.name, elapsedMs: elapsedMs(), reason: `hard timeout of ${timeoutMs} ms` };
    const [first, second] = outcome.result.answers;
    const hasConjecture = problem.conjecture !== undefined;
    if (first === 'sat') return { status: hasConjecture ? 'CounterSatisfiable' : 'Satisfiable', engine: this.name, elapsedMs: elapsedMs() };
    if (first === 'unsat') {
      if (!hasConjecture) return { status: 'Unsatisfiable', engine: this.name, elapsedMs: elapsedMs() };
      return { status: second === 'unsat' ? 'ContradictoryAxioms' : 'Theorem', engine: this.name, elapsedMs: elapsedMs() };
    }
    const reason = outcome.result.reason ?? 'unknown';
    return { status: /timeout|canceled/i.test(reason) ? 'Timeout' : 'GaveUp', engine: this.name, elapsedMs: elapsedMs(), reason };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
