/**
 * The first-order formula AST shared by every part of the Logic Module: parsers, printers,
 * the NL→FOL converter, modal translation, clausification and the provers.
 *
 * Terms are variables, constants (0-ary functions are written as constants) and function
 * applications. Modal operators exist only before translation to FOL (see modal/).
 */

export type Term =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'const'; readonly name: string }
  | { readonly kind: 'fn'; readonly name: string; readonly args: readonly Term[] };

export type BinaryConnective = 'and' | 'or' | 'implies' | 'iff' | 'xor';
export type Quantifier = 'forall' | 'exists';
/** □ ◇ (alethic), O P F (deontic), G F X (temporal: always, eventually, next). */
export type ModalOperator = 'box' | 'diamond' | 'obligatory' | 'permitted' | 'forbidden' | 'always' | 'eventually' | 'next';

export type Formula =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'pred'; readonly name: string; readonly args: readonly Term[] }
  | { readonly kind: 'eq'; readonly left: Term; readonly right: Term }
  | { readonly kind: 'not'; readonly body: Formula }
  | { readonly kind: BinaryConnective; readonly left: Formula; readonly right: Formula }
  | { readonly kind: Quantifier; readonly variables: readonly string[]; readonly body: Formula }
  | { readonly kind: 'modal'; readonly op: ModalOperator; readonly body: Formula };

export const variable = (name: string): Term => ({ kind: 'var', name });
export const constant = (name: string): Term => ({ kind: 'const', name });
export const fn = (name: string, args: readonly Term[]): Term => ({ kind: 'fn', name, args });
export const pred = (name: string, args: readonly Term[] = []): Formula => ({ kind: 'pred', name, args });
export const eq = (left: Term, right: Term): Formula => ({ kind: 'eq', left, right });
export const not = (body: Formula): Formula => ({ kind: 'not', body });
export const and = (left: Formula, right: Formula): Formula => ({ kind: 'and', left, right });
export const or = (left: Formula, right: Formula): Formula => ({ kind: 'or', left, right });
export const implies = (left: Formula, right: Formula): Formula => ({ kind: 'implies', left, right });
export const iff = (left: Formula, right: Formula): Formula => ({ kind: 'iff', left, right });
export const xor = (left: Formula, right: Formula): Formula => ({ kind: 'xor', left, right });
export const forall = (variables: readonly string[], body: Formula): Formula => ({ kind: 'forall', variables, body });
export const exists = (variables: readonly string[], body: Formula): Formula => ({ kind: 'exists', variables, body });
export const modal = (op: ModalOperator, body: Formula): Formula => ({ kind: 'modal', op, body });

/** Every variable name in `f`, bound or occurring in a term, in first-seen order. */
export function variableNames(f: Formula, out: Set<string> = new Set()): Set<string> {
  const term = (t: Term): void => {
    if (t.kind === 'var') out.add(t.name);
    else if (t.kind === 'fn') t.args.forEach(term);
  };
  switch (f.kind) {
    case 'true':
    case 'false':
      break;
    case 'pred':
      f.args.forEach(term);
      break;
    case 'eq':
      term(f.left);
      term(f.right);
      break;
    case 'not':
    case 'modal':
      variableNames(f.body, out);
      break;
    case 'forall':
    case 'exists':
      f.variables.forEach((v) => out.add(v));
      variableNames(f.body, out);
      break;
    default:
      variableNames(f.left, out);
      variableNames(f.right, out);
  }
  return out;
}

/** A problem as the provers see it: axioms and one conjecture (absent for a satisfiability check). */
export interface Problem {
  readonly axioms: readonly Formula[];
  readonly conjecture?: Formula;
}

/** SZS ontology statuses the provers answer with. */
export type SzsStatus =
  | 'Theorem'
  | 'CounterSatisfiable'
  | 'Unsatisfiable'
  | 'Satisfiable'
  | 'ContradictoryAxioms'
  | 'Timeout'
  | 'GaveUp';
