import { LogicError } from '../../errors.js';
import type { Formula, Term } from '../formula.js';

/** Shape limits from the guide's LogicConfig (max_formula_depth, max_quantifiers). */
export interface FormulaLimits {
  /** Maximal nesting of connectives, quantifiers, parentheses and term arguments. */
  readonly maxDepth: number;
  /** Maximal number of quantified variables in one formula. */
  readonly maxQuantifiers: number;
}

export const DEFAULT_FORMULA_LIMITS: FormulaLimits = { maxDepth: 100, maxQuantifiers: 20 };

function termDepth(t: Term): number {
  if (t.kind !== 'fn') return 1;
  let d = 0;
  for (const a of t.args) d = Math.max(d, termDepth(a));
  return d + 1;
}

/** Nesting depth of a formula: atoms count 1 plus the depth of their deepest argument. */
export function formulaDepth(f: Formula): number {
  switch (f.kind) {
    case 'true':
    case 'false':
      return 1;
    case 'pred': {
      let d = 0;
      for (const a of f.args) d = Math.max(d, termDepth(a));
      return d + 1;
    }
    case 'eq':
      return 1 + Math.max(termDepth(f.left), termDepth(f.right));
    case 'not':
    case 'modal':
    case 'forall':
    case 'exists':
      return 1 + formulaDepth(f.body);
    default:
      return 1 + Math.max(formulaDepth(f.left), formulaDepth(f.right));
  }
}

/** Number of quantified variables (∀x,y counts two). */
export function quantifierCount(f: Formula): number {
  switch (f.kind) {
    case 'true':
    case 'false':
    case 'pred':
    case 'eq':
      return 0;
    case 'not':
    case 'modal':
      return quantifierCount(f.body);
    case 'forall':
    case 'exists':
      return f.variables.length + quantifierCount(f.body);
    default:
      return quantifierCount(f.left) + quantifierCount(f.right);
  }
}

export function tooDeepError(limit: number, field = 'formula'): LogicError {
  return new LogicError('LOGIC_FORMULA_TOO_DEEP', `formula nesting exceeds max_formula_depth=${limit}`, {
    field,
    details: { limit: 'max_formula_depth', max: limit },
  });
}

/** Throws LOGIC_FORMULA_TOO_DEEP or LOGIC_TOO_MANY_QUANTIFIERS when a formula breaks the limits. */
export function checkFormulaLimits(
  f: Formula,
  limits: FormulaLimits = DEFAULT_FORMULA_LIMITS,
  field = 'formula',
): void {
  const depth = formulaDepth(f);
  if (depth > limits.maxDepth) throw tooDeepError(limits.maxDepth, field);
  const quantifiers = quantifierCount(f);
  if (quantifiers > limits.maxQuantifiers) {
    throw new LogicError(
      'LOGIC_TOO_MANY_QUANTIFIERS',
      `formula has ${quantifiers} quantified variables, over max_quantifiers=${limits.maxQuantifiers}`,
      { field, details: { limit: 'max_quantifiers', max: limits.maxQuantifiers, actual: quantifiers } },
    );
  }
}
