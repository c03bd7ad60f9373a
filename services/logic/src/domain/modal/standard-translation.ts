/**
 * The standard translation of modal formulas into first-order logic (van Benthem; Blackburn,
 * de Rijke & Venema, Modal Logic, §2.4): every predicate gets the world it is evaluated at as an
 * extra last argument, and
 *
 *   ST_w(□φ) = ∀v (R(w, v) → ST_v(φ))      ST_w(◇φ) = ∃v (R(w, v) ∧ ST_v(φ))
 *
 * Frame conditions become axioms on R, so a modal formula is valid in a logic exactly when its
 * translation at a fresh world constant follows from that logic's frame axioms:
 *   K: none · T: reflexive · D: serial · S4: reflexive + transitive · S5: reflexive + symmetric + transitive.
 *
 * Deontic operators (standard deontic logic SDL = KD) use their own ideal-world relation with
 * seriality: O φ = □φ, P φ = ◇φ, F φ = □¬φ over `Ideal`. Alethic and deontic operators may be mixed.
 *
 * Quantifiers range over one constant domain shared by all worlds (so the Barcan formula holds) and
 * equality is rigid; these are the usual choices for first-order K.
 *
 * Temporal operators (G, F, X) are not handled here; see temporal-translation.ts.
 */
import { LogicError } from '../../errors.js';
import { FreshNames } from './fresh-names.js';
import { translateAtPoint } from './point-translation.js';
import {
  and,
  constant,
  exists,
  forall,
  implies,
  not,
  pred,
  variable,
  variableNames,
  type Formula,
  type ModalOperator,
  type Problem,
  type Term,
} from '../formula.js';

export type AlethicLogic = 'K' | 'T' | 'D' | 'S4' | 'S5';

export interface ModalTranslationOptions {
  /** Frame conditions for □/◇ (default K). */
  readonly logic?: AlethicLogic;
  /** Name of the accessibility predicate for □/◇ (default `R`). */
  readonly accessibility?: string;
  /** Name of the deontic ideal-world predicate for O/P/F (default `Ideal`). */
  readonly idealAccessibility?: string;
  /** Constant naming the world the problem is evaluated at (default `w0`). */
  readonly actualWorld?: string;
}

const ALETHIC_OPERATORS: ReadonlySet<ModalOperator> = new Set(['box', 'diamond']);
const DEONTIC_OPERATORS: ReadonlySet<ModalOperator> = new Set(['obligatory', 'permitted', 'forbidden']);
const TEMPORAL_OPERATORS: ReadonlySet<ModalOperator> = new Set(['always', 'eventually', 'next']);

/** The modal operators occurring in a formula. */
export function modalOperators(f: Formula, out: Set<ModalOperator> = new Set()): Set<ModalOperator> {
  switch (f.kind) {
    case 'modal':
      out.add(f.op);
      modalOperators(f.body, out);
      return out;
    case 'not':
    case 'forall':
    case 'exists':
      modalOperators(f.body, out);
      return out;
    case 'and':
    case 'or':
    case 'implies':
    case 'iff':
    case 'xor':
      modalOperators(f.left, out);
      modalOperators(f.right, out);
      return out;
    default:
      return out;
  }
}

/**
 * ST_world(f): the first-order translation of `f` evaluated at `world`.
 * Throws LOGIC_MODAL_UNSUPPORTED for temporal operators (translate those with temporal-translation.ts).
 */
export function standardTranslation(f: Formula, world: Term, options: ModalTranslationOptions = {}): Formula {
  const names = new FreshNames('w', variableNames(f));
  const r = options.accessibility ?? 'R';
  const ideal = options.idealAccessibility ?? 'Ideal';

  const identity = (w: Term): Term => w;
  return translateAtPoint(f, world, identity, (op, body, w, go) => {
    if (TEMPORAL_OPERATORS.has(op)) {
      throw new LogicError('LOGIC_MODAL_UNSUPPORTED', `The temporal operator ${op} needs the temporal translation`, {
        field: 'formula',
        details: { operator: op },
      });
    }
    const v = names.fresh();
    const vt = variable(v);
    const relation = ALETHIC_OPERATORS.has(op) ? r : ideal;
    const access = pred(relation, [w, vt]);
    switch (op) {
      case 'box':
      case 'obligatory':
        return forall([v], implies(access, go(body, vt)));
      case 'forbidden':
        return forall([v], implies(access, not(go(body, vt))));
      default:
        return exists([v], and(access, go(body, vt)));
    }
  });
}

const U = variable('u');
const V = variable('v');
const W = variable('w');

/** The frame axioms of an alethic logic on the accessibility predicate `r`. */
export function frameAxioms(logic: AlethicLogic, r = 'R'): Formula[] {
  const reflexive = forall(['w'], pred(r, [W, W]));
  const serial = forall(['w'], exists(['v'], pred(r, [W, V])));
  const transitive = forall(['u', 'v', 'w'], implies(and(pred(r, [U, V]), pred(r, [V, W])), pred(r, [U, W])));
  const symmetric = forall(['u', 'v'], implies(pred(r, [U, V]), pred(r, [V, U])));
  switch (logic) {
    case 'K':
      return [];
    case 'T':
      return [reflexive];
    case 'D':
      return [serial];
    case 'S4':
      return [reflexive, transitive];
    case 'S5':
      return [reflexive, symmetric, transitive];
  }
}

/** SDL's only frame condition: every world sees at least one ideal world (seriality, axiom D). */
export function deonticFrameAxioms(ideal = 'Ideal'): Formula[] {
  return [forall(['w'], exists(['v'], pred(ideal, [W, V])))];
}

/**
 * Translates a modal problem into a first-order one: axioms and conjecture are evaluated at the
 * actual world constant, and the frame axioms of the relations that actually occur are added
 * (alethic ones per `logic`, seriality for the deontic relation).
 *
 * @example
 * translateModalProblem({ axioms: [], conjecture: implies(modal('box', p), p) }, { logic: 'T' })
 */
export function translateModalProblem(problem: Problem, options: ModalTranslationOptions = {}): Problem {
  const world = constant(options.actualWorld ?? 'w0');
  const all = problem.conjecture === undefined ? problem.axioms : [...problem.axioms, problem.conjecture];
  const ops = new Set<ModalOperator>();
  for (const f of all) modalOperators(f, ops);
  const usesAlethic = [...ops].some((op) => ALETHIC_OPERATORS.has(op));
  const usesDeontic = [...ops].some((op) => DEONTIC_OPERATORS.has(op));
  const frame = [
    ...(usesAlethic ? frameAxioms(options.logic ?? 'K', options.accessibility ?? 'R') : []),
    ...(usesDeontic ? deonticFrameAxioms(options.idealAccessibility ?? 'Ideal') : []),
  ];
  const translated = problem.axioms.map((a) => standardTranslation(a, world, options));
  return problem.conjecture === undefined
    ? { axioms: [...frame, ...translated] }
    : {
        axioms: [...frame, ...translated],
        conjecture: standardTranslation(problem.conjecture, world, options),
      };
}
