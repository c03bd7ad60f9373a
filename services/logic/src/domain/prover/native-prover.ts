import type { Problem, SzsStatus } from '../formula.js';
import { printClause, type Literal } from './clause.js';
import { clausify, type ClausifyOptions, type NamedFormula } from './clausify.js';
import { evaluateInModel } from './model-evaluation.js';
import { findFiniteModel, type FiniteModel } from './model-finder.js';
import { Kbo } from './ordering.js';
import type { ProofResult, ProofStep } from './proof-result.js';
import { Saturation, type SaturationOutcome } from './saturation.js';

export interface NativeProverOptions {
  /** Cooperative deadline in ms, measured with `now` (default: none). */
  readonly timeoutMs?: number;
  /** Clock in ms; the domain reads no clock itself. Without it only step and clause budgets apply. */
  readonly now?: () => number;
  /** Stop with GaveUp after creating this many clauses (default 2,000,000). */
  readonly maxClauses?: number;
  /** Largest domain the finite model finder tries (default 5; 0 disables it). */
  readonly maxModelSize?: number;
  /** Names for the axioms in proofs (default ax1, ax2, …). */
  readonly axiomNames?: readonly string[];
  readonly clausify?: ClausifyOptions;
}

const NO_CLOCK = (): number => 0;

/**
 * The native prover: clausification, a superposition given-clause loop and a finite model finder,
 * interleaved. Answers in SZS statuses with proof steps or a countermodel.
 *
 * @example proveNative({ axioms: [parseFormula('∀x (Man(x) → Mortal(x))'), parseFormula('Man(socrates)')],
 *   conjecture: parseFormula('Mortal(socrates)') }).status === 'Theorem'
 */
export function proveNative(problem: Problem, options: NativeProverOptions = {}): ProofResult {
  const now = options.now ?? NO_CLOCK;
  const start = now();
  const deadline = options.timeoutMs === undefined || options.now === undefined ? Infinity : start + options.timeoutMs;
  const maxClauses = options.maxClauses ?? 2_000_000;
  const hasConjecture = problem.conjecture !== undefined;
  const formulas: NamedFormula[] = problem.axioms.map((formula, i) => ({ formula, source: options.axiomNames?.[i] ?? `ax${i + 1}`, conj: false }));
  if (problem.conjecture !== undefined) {
    formulas.push({ formula: { kind: 'not', body: problem.conjecture }, source: 'negated_conjecture', conj: true });
  }
  const { signature, clauses } = clausify(formulas, undefined, options.clausify);
  const kbo = new Kbo(signature.arities);
  const sat = new Saturation(signature, kbo);
  for (const c of clauses) sat.addInput(c.lits, { rule: 'input', parents: [], source: c.source }, c.conj);
  const elapsed = (): number => now() - start;
  const stats = (): Record<string, number> => ({ clauses: sat.clauses.length, active: sat.activeCount, inputClauses: clauses.length });
  const finish = (status: SzsStatus, extra: { model?: FiniteModel; reason?: string } = {}): ProofResult => {
    const base = { status, engine: 'native', elapsedMs: elapsed(), stats: stats(), ...extra };
    if (sat.empty === undefined) return base;
    return { ...base, proof: proofSteps(sat) };
  };
  const maxModelSize = options.maxModelSize ?? 5;
  const total = deadline - start;
  /** Absolute time after a fraction of the budget (Infinity without a clock). */
  const at = (fraction: number): number => (deadline === Infinity ? Infinity : start + total * fraction);
  const searchModel = (until: number, maxSize: number): FiniteModel | undefined => {
    if (maxSize <= 0) return undefined;
    const model = findFiniteModel(
      clauses.map((c) => c.lits as readonly Literal[]),
      signature,
      { maxDomainSize: maxSize, maxGroundClauses: 300_000, maxSatSteps: 200_000, expired: () => now() >= until },
    );
    // A model is only reported after checking it against the input formulas themselves (a guard
    // against any fault in clausification or grounding); an evaluation too large to finish is trusted.
    return model !== undefined && formulas.every((f) => evaluateInModel(f.formula, model) !== false) ? model : undefined;
  };
  const satisfiable: SzsStatus = hasConjecture ? 'CounterSatisfiable' : 'Satisfiable';
  const conclude = (outcome: SaturationOutcome): ProofResult | undefined => {
    switch (outcome) {
      case 'refuted':
        if (!hasConjecture) return finish('Unsatisfiable');
        return finish(sat.empty?.conj === true ? 'Theorem' : 'ContradictoryAxioms');
      case 'saturated': {
        const model = searchModel(at(1), maxModelSize);
        return finish(satisfiable, model === undefined ? {} : { model });
      }
      default:
        return undefined;
    }
  };
  // Without a clock the phases are measured in given-clause steps instead of time.
  const steps = (n: number): number => (deadline === Infinity ? n : Number.MAX_SAFE_INTEGER);
  const run = (maxSteps: number, until: number): SaturationOutcome => sat.run({ maxSteps, deadline: until, now, maxClauses });
  // Saturation and small-model search alternate: most problems are settled by one of them early,
  // and saturation may never terminate on satisfiable input.
  const schedule: readonly { readonly saturateUntil: number; readonly steps: number; readonly modelSize: number; readonly modelUntil: number }[] = [
    { saturateUntil: at(0.05), steps: 200, modelSize: Math.min(3, maxModelSize), modelUntil: at(0.1) },
    { saturateUntil: at(0.5), steps: 3000, modelSize: maxModelSize, modelUntil: at(0.65) },
  ];
  for (const phase of schedule) {
    const decided = conclude(run(steps(phase.steps), phase.saturateUntil));
    if (decided !== undefined) return decided;
    const model = searchModel(phase.modelUntil, phase.modelSize);
    if (model !== undefined) return finish(satisfiable, { model });
  }
  const outcome = run(Number.MAX_SAFE_INTEGER, deadline);
  const late = conclude(outcome);
  if (late !== undefined) return late;
  if (outcome === 'budget') return finish('GaveUp', { reason: `clause budget of ${maxClauses} exhausted` });
  return finish('Timeout', { reason: `no answer within ${options.timeoutMs ?? 0} ms` });
}

function proofSteps(sat: Saturation): ProofStep[] {
  return sat.proof().map((c) => ({
    id: c.id,
    clause: printClause(c.lits, sat.signature),
    rule: c.derivation.rule,
    parents: c.derivation.parents,
    ...(c.derivation.source === undefined ? {} : { source: c.derivation.source }),
  }));
}
