import type { SzsStatus } from '../formula.js';
import type { FiniteModel } from './model-finder.js';

/** One step of a refutation proof: a clause, the inference that produced it and its parents. */
export interface ProofStep {
  readonly id: number;
  /** The clause in TPTP-like notation (`~human(X0) | mortal(X0)`, `$false` for the empty clause). */
  readonly clause: string;
  /** `input`, `superposition`, `resolution`, `equality_resolution`, `equality_factoring`, `demodulation`, `unit_deletion`. */
  readonly rule: string;
  readonly parents: readonly number[];
  /** Input clauses: the formula they came from (`ax1`, `negated_conjecture`, …). */
  readonly source?: string;
}

/** What every prover engine answers. */
export interface ProofResult {
  readonly status: SzsStatus;
  /** Engine name: `native`, `z3`, `eprover`. */
  readonly engine: string;
  readonly elapsedMs: number;
  /** For Theorem / Unsatisfiable / ContradictoryAxioms: the refutation, when the engine gives one. */
  readonly proof?: readonly ProofStep[];
  /** For CounterSatisfiable / Satisfiable: a finite model of the axioms and the negated conjecture. */
  readonly model?: FiniteModel;
  /** Why the engine gave up or timed out, or which engine failed. */
  readonly reason?: string;
  readonly stats?: Readonly<Record<string, number>>;
}

export type { FiniteModel } from './model-finder.js';
