import type { Problem, SzsStatus } from '../formula.js';
import { printClause, type Literal } from './clause.js';
import { clausify, type ClausifyOptions, type InputClause, type NamedFormula } from './clausify.js';
import { evaluateInModel } from './model-evaluation.js';
import { findFiniteModel, type FiniteModel } from './model-finder.js';
import { Kbo } from './ordering.js';
import type { ProofResult, ProofStep } from './proof-result.js';
import { Saturation, type SaturationOutcome } from './saturation.js';
import type { Signature } from './terms.js';

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
 * interleaved. Answers in SZS statuses with proof steps or a countermodel. With a clock (`now` and
 * `timeoutMs`) a second strategy, a more definitional clausification, takes turns with the first
 * once the first slice and a small-model search have not settled the problem.
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
  const primary = startAttempt(formulas, options.clausify ?? {});
  const { signature, clauses } = primary;
  const elapsed = (): number => now() - start;
  const finish = (status: SzsStatus, extra: { model?: FiniteModel; reason?: string } = {}, attempt: Attempt = primary): ProofResult => {
    const { sat } = attempt;
    const stats = { clauses: sat.clauses.length, active: sat.activeCount, inputClauses: attempt.clauses.length };
    const base = { status, engine: 'native', elapsedMs: elapsed(), stats, ...extra };
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
  const conclude = (outcome: SaturationOutcome, attempt: Attempt): ProofResult | undefined => {
    switch (outcome) {
      case 'refuted':
        if (!hasConjecture) return finish('Unsatisfiable', {}, attempt);
        return finish(attempt.sat.empty?.conj === true ? 'Theorem' : 'ContradictoryAxioms', {}, attempt);
      case 'saturated': {
        const model = searchModel(at(1), maxModelSize);
        return finish(satisfiable, model === undefined ? {} : { model }, attempt);
      }
      default:
        return undefined;
    }
  };
  // The alternative clausification is a second strategy, run in its own time slices and only with
  // a clock (without one the phases are step-bounded and the answer must not depend on slicing).
  // It is built when first needed, and dropped when it yields exactly the primary clause set.
  let alternative: Attempt | null | undefined = deadline === Infinity ? null : undefined;
  const alternativeAttempt = (): Attempt | null => {
    if (alternative === undefined) {
      const candidate = startAttempt(formulas, { ...options.clausify, ...ALTERNATIVE_CLAUSIFY });
      const same = candidate.symbols === primary.symbols && candidate.clauses.length === clauses.length;
      alternative = same ? null : candidate;
    }
    return alternative;
  };
  // Saturation and small-model search alternate: most problems are settled by one of them early,
  // and saturation may never terminate on satisfiable input. With a clock, the two strategies then
  // take turns in slices of 5 % of the budget (round robin: whichever suits the problem finishes
  // first, at most twice as late as alone); both saturation states persist across their slices,
  // so no work is repeated. Without a clock the phases are step-bounded and only the primary runs.
  const saturate = (attempt: () => Attempt | null, until: number, stepCount = Number.MAX_SAFE_INTEGER): Phase => ({ kind: 'saturate', attempt, until, steps: stepCount });
  const turns = (fromPercent: number, toPercent: number, altFirst: boolean): Phase[] => {
    const out: Phase[] = [];
    for (let p = fromPercent + 5, alt = altFirst; p <= toPercent; p += 5, alt = !alt) out.push(saturate(alt ? alternativeAttempt : () => primary, at(p / 100)));
    return out;
  };
  const phases: readonly Phase[] =
    deadline === Infinity
      ? [
          saturate(() => primary, Infinity, 200),
          { kind: 'model', size: Math.min(3, maxModelSize), until: Infinity },
          saturate(() => primary, Infinity, 3000),
          { kind: 'model', size: maxModelSize, until: Infinity },
          saturate(() => primary, Infinity, Number.MAX_SAFE_INTEGER),
        ]
      : [
          saturate(() => primary, at(0.05)),
          { kind: 'model', size: Math.min(3, maxModelSize), until: at(0.1) },
          ...turns(10, 50, true),
          { kind: 'model', size: maxModelSize, until: at(0.65) },
          ...turns(65, 95, false),
          saturate(() => primary, deadline),
        ];
  let last: SaturationOutcome = 'paused';
  for (const phase of phases) {
    if (phase.kind === 'model') {
      const model = searchModel(phase.until, phase.size);
      if (model !== undefined) return finish(satisfiable, { model });
      continue;
    }
    const attempt = phase.attempt();
    if (attempt === null) continue;
    last = attempt.sat.run({ maxSteps: phase.steps, deadline: phase.until, now, maxClauses });
    const decided = conclude(last, attempt);
    if (decided !== undefined) return decided;
  }
  if (last === 'budget') return finish('GaveUp', { reason: `clause budget of ${maxClauses} exhausted` });
  return finish('Timeout', { reason: `no answer within ${options.timeoutMs ?? 0} ms` });
}

/**
 * The schedule's second clausification: every disjunction whose distribution would give more
 * than two clauses names its largest part instead. Fewer, shorter clauses help on problems
 * built from nested ↔ and quantifiers (Pelletier 38: milliseconds, against over 5 s by default).
 */
const ALTERNATIVE_CLAUSIFY: ClausifyOptions = { distributionLimit: 2 };

/** One strategy's state: its clauses and its resumable given-clause loop. */
interface Attempt {
  readonly signature: Signature;
  readonly clauses: readonly InputClause[];
  /** Symbols after clausification (the loop adds split symbols later). */
  readonly symbols: number;
  readonly sat: Saturation;
}

type Phase =
  /** `steps` bounds the given clauses of a phase (unclocked runs are measured in steps, not time). */
  | { readonly kind: 'saturate'; readonly attempt: () => Attempt | null; readonly until: number; readonly steps: number }
  | { readonly kind: 'model'; readonly size: number; readonly until: number };

function startAttempt(formulas: readonly NamedFormula[], options: ClausifyOptions): Attempt {
  const { signature, clauses } = clausify(formulas, undefined, options);
  const symbols = signature.names.length;
  const sat = new Saturation(signature, new Kbo(signature.arities));
  for (const c of clauses) sat.addInput(c.lits, { rule: 'input', parents: [], source: c.source }, c.conj);
  return { signature, clauses, symbols, sat };
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
