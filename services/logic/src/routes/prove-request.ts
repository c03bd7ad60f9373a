/**
 * A proof request (`POST /prove`, `proveFormula`, the Lambda handler) turned into what the engines
 * and the cache need: formulas read and checked, axioms in canonical order (sorted by printed form,
 * duplicates dropped, so the proof's ax1…axN and the cache key agree), the logic translated to FOL.
 */
import type { Formula, Problem } from '../domain/formula.js';
import { printUnicode } from '../domain/syntax/index.js';
import { canonicalAxioms, type ProofKeyInput } from '../adapters/cache/index.js';
import { checkInputSize } from './input-safety.js';
import { LogicError } from '../errors.js';
import { LOGICS, modalLettersOf, toFirstOrder, type LogicName } from './logic-selection.js';
import { readStatement, type StatementSettings, type StatementSyntax } from './statement-reader.js';

export interface ProveRequest {
  /** The conjecture: a formula (Unicode, ASCII, TPTP) or controlled English. */
  readonly goal: string;
  /** Assumptions, each a formula or English (several sentences give several axioms). */
  readonly axioms?: readonly string[];
  /** fol (default) | K | T | D | S4 | S5 | SDL | LTL. */
  readonly logic?: LogicName;
  /** Prover deadline in ms; capped by LOGIC_MAX_PROOF_TIME. */
  readonly timeout_ms?: number;
  /** Engine name; default LOGIC_ENGINE. */
  readonly engine?: string;
  /** LTL only: bounded decision up to this trace position. */
  readonly ltl_bound?: number;
  /** How to read the texts (default auto: formula when it parses, else English). */
  readonly syntax?: StatementSyntax;
}

export interface PreparedProof {
  readonly logic: LogicName;
  /** Goal as printed (Unicode). */
  readonly goal: string;
  /** Axioms in canonical order, printed (Unicode): ax1 is the first. */
  readonly axioms: readonly string[];
  /** What the engine decides: the canonical problem in first-order logic. */
  readonly problem: Problem;
  /** Key fields other than the prover. */
  readonly key: Omit<ProofKeyInput, 'prover'>;
}

function conjunction(formulas: readonly Formula[]): Formula {
  return formulas.slice(1).reduce<Formula>((left, right) => ({ kind: 'and', left, right }), formulas[0] as Formula);
}

/** Largest LTL bound: the unrolled formula grows with it (as the HTTP schema's maximum). */
export const MAX_LTL_BOUND = 64;

/**
 * A request's `logic`, checked: the HTTP schema checks it too, but the library and the Lambda handler
 * reach here unchecked. Undefined stays undefined (first-order logic).
 */
export function checkLogic(value: unknown): LogicName | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (LOGICS as readonly string[]).includes(value)) return value as LogicName;
  throw new LogicError('LOGIC_INVALID_OPTION', `logic must be one of ${LOGICS.join(', ')}`, {
    field: 'logic',
    details: { value, allowed: [...LOGICS] },
  });
}

function checkOptions(request: ProveRequest): void {
  checkLogic(request.logic);
  const bound = request.ltl_bound;
  if (bound !== undefined && (!Number.isInteger(bound) || bound < 0 || bound > MAX_LTL_BOUND)) {
    throw new LogicError('LOGIC_INVALID_OPTION', `ltl_bound must be an integer from 0 to ${MAX_LTL_BOUND}`, {
      field: 'ltl_bound',
      details: { value: bound, min: 0, max: MAX_LTL_BOUND },
    });
  }
}

/** Reads, checks and canonicalises a proof request. Throws LogicError naming the field at fault. */
export function prepareProof(request: ProveRequest, settings: StatementSettings): PreparedProof {
  checkOptions(request);
  const axiomTexts = request.axioms ?? [];
  // The whole question counts against the limit, so it cannot be spread over many axioms.
  const total = request.goal.length + axiomTexts.reduce((n, a) => n + a.length, 0);
  checkInputSize(total, settings.maxInputSize, axiomTexts.length === 0 ? 'goal' : 'goal+axioms');
  const syntax = request.syntax ?? 'auto';
  const logic = request.logic ?? 'fol';
  const letters = modalLettersOf(logic);
  const goal = conjunction(readStatement(request.goal, 'goal', settings, syntax, letters));
  const printed = new Map<string, Formula>();
  axiomTexts.forEach((text, i) => {
    for (const f of readStatement(text, `axioms/${i}`, settings, syntax, letters)) printed.set(printUnicode(f), f);
  });
  const axioms = canonicalAxioms([...printed.keys()]);
  const ltlBound = logic === 'LTL' ? request.ltl_bound : undefined;
  const problem = toFirstOrder(
    { axioms: axioms.map((a) => printed.get(a) as Formula), conjecture: goal },
    logic,
    ltlBound === undefined ? {} : { ltlBound },
  );
  const goalText = printUnicode(goal);
  return {
    logic,
    goal: goalText,
    axioms,
    problem,
    key: { formula: goalText, axioms, config: ltlBound === undefined ? { logic } : { logic, ltl_bound: ltlBound } },
  };
}
