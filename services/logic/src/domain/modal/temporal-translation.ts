/**
 * LTL-style G (always), F (eventually) and X (next) over linear discrete time, two ways.
 *
 * 1. Unbounded (`temporalTranslation` + `linearTimeAxioms`): time points are first-order objects,
 *    `Le` a total order with a successor function `succ`:
 *      ST_t(Gφ) = ∀u (Le(t, u) → ST_u(φ))   ST_t(Fφ) = ∃u (Le(t, u) ∧ ST_u(φ))   ST_t(Xφ) = ST_succ(t)(φ)
 *    The axioms (reflexive, transitive, antisymmetric, total Le; t ≤ succ(t), succ(t) ≠ t, nothing
 *    strictly between t and succ(t); a least point `zero`) hold in ℕ, so every theorem proved from
 *    them is LTL-valid. They do not characterise ℕ (induction is not first-order), so an
 *    LTL-valid formula that needs induction may not be provable, and a prover may fail to
 *    terminate on non-theorems: this direction is semi-decidable only.
 *
 * 2. Bounded (`unrollBounded`): the trace is cut to positions 0..k and the last state repeats
 *    forever (X at k stays at k), which is a genuine infinite trace. The unrolled formula is
 *    ground (propositional over atoms p(…, t_i)), so validity is decidable. What it decides:
 *    validity over all traces of that shape. A countermodel there is a real LTL countermodel
 *    (sound refutation); "valid up to k" is evidence, not an LTL proof (bounded).
 */
import { LogicError } from '../../errors.js';
import { FreshNames } from './fresh-names.js';
import { translateAtPoint } from './point-translation.js';
import {
  and,
  constant,
  exists,
  fn,
  forall,
  implies,
  not,
  or,
  pred,
  variable,
  variableNames,
  type Formula,
  type Problem,
  type Term,
} from '../formula.js';

export interface TemporalOptions {
  /** Order predicate (default `Le`), successor function (default `succ`), first point (default `zero`). */
  readonly order?: string;
  readonly successor?: string;
  readonly zero?: string;
}

function unsupported(op: string): LogicError {
  return new LogicError(
    'LOGIC_MODAL_UNSUPPORTED',
    `The operator ${op} is not temporal; use the standard modal translation`,
    {
      field: 'formula',
      details: { operator: op },
    },
  );
}

/** ST_time(f) for the temporal operators, with time as each predicate's extra last argument. */
export function temporalTranslation(f: Formula, time: Term, options: TemporalOptions = {}): Formula {
  const le = options.order ?? 'Le';
  const succ = options.successor ?? 'succ';
  const names = new FreshNames('t', variableNames(f), 1);
  const identity = (t: Term): Term => t;
  return translateAtPoint(f, time, identity, (op, body, t, go) => {
    if (op === 'next') return go(body, fn(succ, [t]));
    if (op !== 'always' && op !== 'eventually') throw unsupported(op);
    const u = names.fresh();
    const ut = variable(u);
    return op === 'always'
      ? forall([u], implies(pred(le, [t, ut]), go(body, ut)))
      : exists([u], and(pred(le, [t, ut]), go(body, ut)));
  });
}

/** Axioms of linear discrete time with a first point, true in (ℕ, ≤, +1, 0). */
export function linearTimeAxioms(options: TemporalOptions = {}): Formula[] {
  const le = options.order ?? 'Le';
  const s = (t: Term): Term => fn(options.successor ?? 'succ', [t]);
  const zero = constant(options.zero ?? 'zero');
  const [a, b, c] = [variable('a'), variable('b'), variable('c')];
  const L = (x: Term, y: Term): Formula => pred(le, [x, y]);
  return [
    forall(['a'], L(a, a)),
    forall(['a', 'b', 'c'], implies(and(L(a, b), L(b, c)), L(a, c))),
    forall(['a', 'b'], implies(and(L(a, b), L(b, a)), { kind: 'eq', left: a, right: b })),
    forall(['a', 'b'], or(L(a, b), L(b, a))),
    forall(['a'], L(a, s(a))),
    forall(['a'], not({ kind: 'eq', left: s(a), right: a })),
    forall(['a', 'b'], implies(L(a, b), or({ kind: 'eq', left: a, right: b }, L(s(a), b)))),
    forall(['a'], L(zero, a)),
  ];
}

/** Constant naming trace position i in bounded unrolling. */
export function timePoint(i: number): Term {
  return constant(`t${i}`);
}

/**
 * Unrolls `f` at position `start` over the positions 0..bound of a trace whose last state repeats.
 * The result contains no temporal operators; predicates get the position constant t_i as last argument.
 */
export function unrollBounded(f: Formula, bound: number, start = 0): Formula {
  if (!Number.isInteger(bound) || bound < 0) throw new RangeError('bound must be a non-negative integer');
  return translateAtPoint(f, start, timePoint, (op, body, i, go) => {
    if (op === 'next') return go(body, Math.min(i + 1, bound));
    if (op !== 'always' && op !== 'eventually') throw unsupported(op);
    const parts: Formula[] = [];
    for (let j = i; j <= bound; j++) parts.push(go(body, j));
    const combine = op === 'always' ? and : or;
    return parts.slice(1).reduce((acc, p) => combine(acc, p), parts[0] ?? { kind: 'true' });
  });
}

export type TemporalMode =
  { readonly mode: 'unbounded' } | { readonly mode: 'bounded'; readonly bound: number };

/**
 * Translates a temporal problem evaluated at the first time point: unbounded adds the linear-time
 * axioms and evaluates at `zero`; bounded unrolls everything at position 0.
 */
export function translateTemporalProblem(
  problem: Problem,
  mode: TemporalMode,
  options: TemporalOptions = {},
): Problem {
  const translate = (f: Formula): Formula =>
    mode.mode === 'bounded'
      ? unrollBounded(f, mode.bound)
      : temporalTranslation(f, constant(options.zero ?? 'zero'), options);
  const axioms = [
    ...(mode.mode === 'unbounded' ? linearTimeAxioms(options) : []),
    ...problem.axioms.map(translate),
  ];
  return problem.conjecture === undefined
    ? { axioms }
    : { axioms, conjecture: translate(problem.conjecture) };
}
