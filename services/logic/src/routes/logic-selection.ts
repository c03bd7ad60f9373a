/**
 * The logics a proof request may name, and how each becomes a first-order problem:
 * `fol` as is; K, T, D, S4, S5 by the standard translation with their frame conditions; SDL
 * (standard deontic logic, KD) with O/P/F over a serial ideal-world relation, and □/◇ read as O/P;
 * LTL with G/F/X over linear time, where □ and ◇ are the usual LTL spellings of G and F.
 */
import type { Formula, ModalOperator, Problem } from '../domain/formula.js';
import { modalOperators, translateModalProblem, translateTemporalProblem } from '../domain/modal/index.js';
import { LogicError } from '../errors.js';

export const LOGICS = ['fol', 'K', 'T', 'D', 'S4', 'S5', 'SDL', 'LTL'] as const;
export type LogicName = (typeof LOGICS)[number];

export interface LogicOptions {
  /** LTL only: decide over traces cut at this position (decidable, bounded) instead of unbounded linear time. */
  readonly ltlBound?: number;
}

const LTL_SPELLING: Partial<Record<ModalOperator, ModalOperator>> = { box: 'always', diamond: 'eventually' };

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
      // SDL is KD: □/◇ over a serial relation are exactly O/P; O/P/F proper get their own serial relation.
      return translateModalProblem(problem, { logic: 'D' });
    case 'LTL': {
      const spelled = mapProblem(problem, (f) => relabel(f, LTL_SPELLING));
      return translateTemporalProblem(spelled, options.ltlBound === undefined ? { mode: 'unbounded' } : { mode: 'bounded', bound: options.ltlBound });
    }
  }
}
