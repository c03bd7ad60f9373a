import type { Problem } from '../../domain/formula.js';
import type { ProofResult } from '../../domain/prover/proof-result.js';

export interface ProveOptions {
  /** Hard wall-clock limit: the engine answers Timeout by then and leaves no worker or process behind. */
  readonly timeoutMs: number;
}

/** One prover behind a common interface: native (default), z3, eprover. */
export interface ProverEngine {
  readonly name: string;
  prove(problem: Problem, options: ProveOptions): Promise<ProofResult>;
  /** Releases workers; the engine may be used again afterwards (it restarts them). */
  close(): Promise<void>;
}

export type { ProofResult, ProofStep, FiniteModel } from '../../domain/prover/proof-result.js';
