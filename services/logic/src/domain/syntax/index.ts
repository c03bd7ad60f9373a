export { tokenize, type Token, type TokenKind } from './lexer.js';
export {
  parseFormula,
  parseTptp,
  parseTptpProblem,
  problemFromTptp,
  detectDialect,
  freeVariables,
  universalClosure,
  type AnnotatedFormula,
  type Dialect,
  type ParseOptions,
} from './parser.js';
export {
  checkFormulaLimits,
  formulaDepth,
  quantifierCount,
  DEFAULT_FORMULA_LIMITS,
  type FormulaLimits,
} from './formula-limits.js';
export { printUnicode, printAscii, printTerm } from './infix-printer.js';
export { printTptpFormula, printTptpProblem, type TptpPrintOptions } from './tptp-printer.js';
export { printSmtLib, type SmtLibPrintOptions } from './smtlib-printer.js';
export { MODAL_LETTERS, letterOperator, operatorLetter, type ModalLetters } from './modal-letters.js';
