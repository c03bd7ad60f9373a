/** `POST /parse`: a formula or a TPTP problem, read and printed in every notation. */
import type { Formula } from '../domain/formula.js';
import { modalOperators } from '../domain/modal/index.js';
import {
  detectDialect,
  formulaDepth,
  freeVariables,
  parseFormula,
  parseTptp,
  printAscii,
  printSmtLib,
  printTptpFormula,
  printUnicode,
  quantifierCount,
  type FormulaLimits,
  type ModalLetters,
} from '../domain/syntax/index.js';

export interface ParsedFormula {
  readonly unicode: string;
  readonly ascii: string;
  /** Absent for modal formulas, which TPTP FOF cannot express before translation. */
  readonly tptp?: string;
  readonly smtlib?: string;
  readonly depth: number;
  readonly quantifiers: number;
  readonly free_variables: readonly string[];
  readonly modal_operators: readonly string[];
}

export interface ParseResponse {
  /** `standard` (Unicode/ASCII) or `tptp`. */
  readonly dialect: string;
  /** `formula`, or `problem` for a TPTP file of fof/cnf statements. */
  readonly kind: 'formula' | 'problem';
  readonly formula?: ParsedFormula;
  readonly statements?: readonly (ParsedFormula & { readonly name: string; readonly role: string })[];
}

const TPTP_STATEMENT = /^\s*(?:%[^\n]*\n\s*)*(?:fof|cnf)\s*\(/;

function describe(f: Formula): ParsedFormula {
  const ops = [...modalOperators(f)];
  const printable = ops.length === 0;
  return {
    unicode: printUnicode(f),
    ascii: printAscii(f),
    ...(printable ? { tptp: printTptpFormula(f), smtlib: printSmtLib({ axioms: [f] }) } : {}),
    depth: formulaDepth(f),
    quantifiers: quantifierCount(f),
    free_variables: freeVariables(f),
    modal_operators: ops,
  };
}

/** `modalLetters`: the letter operators of the logic the caller names (O/P/F for SDL, G/F/X for LTL). */
export function parseStatement(text: string, field: string, limits: FormulaLimits, modalLetters?: ModalLetters): ParseResponse {
  if (TPTP_STATEMENT.test(text)) {
    const statements = parseTptp(text, { limits, field }).map((s) => ({ name: s.name, role: s.role, ...describe(s.formula) }));
    return { dialect: 'tptp', kind: 'problem', statements };
  }
  const formula = parseFormula(text, { limits, field, ...(modalLetters === undefined ? {} : { modalLetters }) });
  return { dialect: detectDialect(text), kind: 'formula', formula: describe(formula) };
}
