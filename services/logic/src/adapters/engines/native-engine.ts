import { performance } from 'node:perf_hooks';
import type { Problem } from '../../domain/formula.js';
import type { ProofResult } from '../../domain/prover/proof-result.js';
import type { ProveOptions, ProverEngine } from './prover-engine.js';
import { WorkerPool } from './worker-pool.js';

export interface NativeEngineOptions {
  /** Clause budget per proof (default 2,000,000). */
  readonly maxClauses?: number;
}

/**
 * The native prover in worker threads. The prover stops itself slightly before the deadline
 * (cooperative); if it does not, its worker is terminated at the hard timeout.
 */
export class NativeEngine implements ProverEngine {
  readonly name = 'native';
  private readonly pool = new WorkerPool<{ problem: Problem; timeoutMs: number; maxClauses?: number }, ProofResult>('native-worker');

  constructor(private readonly options: NativeEngineOptions = {}) {}

  async prove(problem: Problem, { timeoutMs }: ProveOptions): Promise<ProofResult> {
    const start = performance.now();
    // Leave the worker time to report before the hard limit strikes.
    const cooperative = Math.max(1, Math.floor(timeoutMs * 0.9) - 20);
    const job = { problem, timeoutMs: cooperative, ...(this.options.maxClauses === undefined ? {} : { maxClauses: this.options.maxClauses }) };
    const outcome = await this.pool.run(job, timeoutMs);
    if (outcome.kind === 'timeout') {
      return { status: 'Timeout', engine: this.name, elapsedMs: performance.now() - start, reason: `hard timeout of ${timeoutMs} ms` };
    }
    return { ...outcome.result, elapsedMs: performance.now() - start };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
