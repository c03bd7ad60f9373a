/**
 * The logics a proof request may name, and how each becomes a first-order problem:
 * `fol` as is; K, T, D, S4, S5 by the standard translation with their frame conditions; SDL
 * (standard deontic logic, KD) with O/P/F over a serial ideal-world relation, and □/◇ read as O/P;
 * LTL with G/F/X over linear time, where □ and ◇ are the usual LTL spellings of G and F.
 */
import type { Formula, ModalOperator, Problem } from '../domain/formula.js';
import { modalOperators, translateModalProblem, translateTemporalProblem } from '../domain/modal/index.js';
import type { ModalLetters } from '../domain/syntax/index.js';
import { LogicError } from '../errors.js';

export const LOGICS = ['fol', 'K', 'T', 'D', 'S4', 'S5', 'SDL', 'LTL'] as const;
export type LogicName = (typeof LOGICS)[number];

export interface LogicOptions {
  /** LTL only: decide over traces cut at this position (decidable, bounded) instead of unbounded linear time. */
  readonly ltlBound?: number;
}

const LTL_SPELLING: Partial<Record<ModalOperator, ModalOperator>> = { box: 'always', diamond: 'eventually' };
const SDL_SPELLING: Partial<Record<ModalOperator, ModalOperator>> = { box: 'obligatory', diamond: 'permitted' };

/**
 * The letter operators the parser reads for each logic: O/P/F in SDL, G/F/X in LTL, none elsewhere
 * (so `F(x)`, `P`, `O` stay names in FOL and K–S5). `F` is "forbidden" in SDL and "eventually" in LTL.
 */
export function modalLettersOf(logic: LogicName): ModalLetters | undefined {
  if (logic === 'SDL') return 'deontic';
  if (logic === 'LTL') return 'temporal';
  return undefined;
}

/** Operator spellings per logic, for `/capabilities`. */
export const OPERATOR_SPELLINGS: Readonly<Record<string, readonly { readonly operator: ModalOperator; readonly unicode: string; readonly ascii: string; readonly meaning: string }[]>> = {
  alethic: [
    { operator: 'box', unicode: '□', ascii: '[]', meaning: 'necessarily (K, T, D, S4, S5)' },
    { operator: 'diamond', unicode: '◇', ascii: '<>', meaning: 'possibly (K, T, D, S4, S5)' },
  ],
  deontic: [
    { operator: 'obligatory', unicode: 'O', ascii: 'O', meaning: 'obligatory (SDL; □ is read as O)' },
    { operator: 'permitted', unicode: 'P', ascii: 'P', meaning: 'permitted, ¬O¬ (SDL; ◇ is read as P)' },
    { operator: 'forbidden', unicode: 'F', ascii: 'F', meaning: 'forbidden, O¬ (SDL)' },
  ],
  temporal: [
    { operator: 'always', unicode: 'G', ascii: 'G', meaning: 'always, globally (LTL; □ is read as G)' },
    { operator: 'eventually', unicode: 'F', ascii: 'F', meaning: 'eventually, finally (LTL; ◇ is read as F)' },
    { operator: 'next', unicode: 'X', ascii: 'X', meaning: 'at the next position (LTL)' },
  ],
};

function relabel(f: Formula, spelling: Partial<Record<ModalOperator, ModalOperator>>): Formula {
  switch (f.kind) {
    case 'true':
    case 'false':
    case 'pred':
    case 'eq':
      return f;
    case 'not':
      return { kind: 'not', body: relabel(f.body, spelling) };
    case 'modal':
      return { kind: 'modal', op: spelling[f.op] ?? f.op, body: relabel(f.body, spelling) };
    case 'forall':
    case 'exists':
      return { kind: f.kind, variables: f.variables, body: relabel(f.body, spelling) };
    default:
      return { kind: f.kind, left: relabel(f.left, spelling), right: relabel(f.right, spelling) };
  }
}

function mapProblem(problem: Problem, map: (f: Formula) => Formula): Problem {
  const axioms = problem.axioms.map(map);
  return problem.conjecture === undefined ? { axioms } : { axioms, conjecture: map(problem.conjecture) };
}

/** Translates a problem written in `logic` into plain first-order logic for the engines. */
export function toFirstOrder(problem: Problem, logic: LogicName, options: LogicOptions = {}): Problem {
  switch (logic) {
    case 'fol': {
      const all = problem.conjecture === undefined ? problem.axioms : [...problem.axioms, problem.conjecture];
      const ops = new Set<ModalOperator>();
      for (const f of all) modalOperators(f, ops);
      if (ops.size > 0) {
        throw new LogicError('LOGIC_MODAL_NOT_TRANSLATED', `modal operators (${[...ops].join(', ')}) need logic K, T, D, S4, S5, SDL or LTL`, {
          field: 'logic',
          details: { operators: [...ops] },
        });
      }
      return problem;
    }
    case 'K':
    case 'T':
    case 'D':
    case 'S4':
    case 'S5':
      return translateModalProblem(problem, { logic });
    case 'SDL':
      // SDL is KD: □/◇ are its O/P, so both spellings share the one serial ideal-world relation.
      return translateModalProblem(mapProblem(problem, (f) => relabel(f, SDL_SPELLING)), { logic: 'D' });
    case 'LTL': {
      const spelled = mapProblem(problem, (f) => relabel(f, LTL_SPELLING));
      return translateTemporalProblem(spelled, options.ltlBound === undefined ? { mode: 'unbounded' } : { mode: 'bounded', bound: options.ltlBound });
    }
  }
}
