/**
 * Reads one text of a request (a goal or an axiom) into formulas: as a formula in Unicode, ASCII or
 * TPTP notation when it parses, otherwise as controlled English through the converter. Size and
 * suspicious-pattern checks come first; formula shape limits apply to both routes.
 */
import type { Formula } from '../domain/formula.js';
import type { FOLConverter } from '../domain/nl/index.js';
import { checkFormulaLimits, parseFormula, type FormulaLimits, type ModalLetters } from '../domain/syntax/index.js';
import { LogicError } from '../errors.js';
import { checkInputSize, checkSuspiciousPatterns } from './input-safety.js';

export type StatementSyntax = 'auto' | 'formula' | 'english';

export interface StatementSettings {
  readonly converter: FOLConverter;
  readonly limits: FormulaLimits;
  readonly maxInputSize: number;
  readonly suspiciousPatternCheck: boolean;
}

/** Characters that only formula notation uses: their presence makes a parse error the answer. */
const FORMULA_SYMBOLS = /[∀∃∧∨¬→↔⊕□◇()&|~=![\]:⊤⊥]/;

/** Size and pattern checks for one text. */
export function checkText(text: string, field: string, settings: StatementSettings): void {
  checkInputSize(text.length, settings.maxInputSize, field);
  if (settings.suspiciousPatternCheck) checkSuspiciousPatterns(text, field);
}

/**
 * The formulas a text states: one when it is a formula, one per sentence when it is English.
 * Throws LOGIC_PARSE_ERROR for malformed formula notation and LOGIC_NOT_CONVERTIBLE for English the
 * grammar does not cover completely (a partial reading would prove something else than was asked).
 * `modalLetters` names the letter operators of the request's logic (O/P/F in SDL, G/F/X in LTL).
 */
export function readStatement(
  text: string,
  field: string,
  settings: StatementSettings,
  syntax: StatementSyntax = 'auto',
  modalLetters?: ModalLetters,
): Formula[] {
  checkText(text, field, settings);
  if (syntax !== 'english') {
    try {
      return [parseFormula(text, { limits: settings.limits, field, ...(modalLetters === undefined ? {} : { modalLetters }) })];
    } catch (error) {
      if (!(error instanceof LogicError) || error.code !== 'LOGIC_PARSE_ERROR' || syntax === 'formula' || FORMULA_SYMBOLS.test(text)) throw error;
      // `O p` under a logic that does not read O: a formula with an operator letter, not English
      // (the converter would read it as some sentence); the parse error names the logic that reads it.
      if (error.details?.['modal_letter'] !== undefined) throw error;
    }
  }
  const result = settings.converter.convert(text);
  if (!result.success || result.formulas.length === 0) {
    throw new LogicError('LOGIC_NOT_CONVERTIBLE', `${field}: not a formula, and not English the converter reads completely`, {
      field,
      details: { warnings: result.warnings, confidence: result.confidence },
    });
  }
  for (const f of result.formulas) checkFormulaLimits(f, settings.limits, field);
  return [...result.formulas];
}
