import { LogicError } from '../../errors.js';

/** Token kinds shared by the Unicode, ASCII and TPTP notations (synonyms collapse onto one kind). */
export type TokenKind =
  | 'ident' // identifier or single-quoted atom
  | 'dollar' // $true, $false, ...
  | 'forall' // ∀ forall
  | 'exists' // ∃ exists
  | 'tforall' // TPTP !
  | 'texists' // TPTP ?
  | 'and'
  | 'or'
  | 'not'
  | 'implies'
  | 'revimplies'
  | 'iff'
  | 'xor'
  | 'nand'
  | 'nor'
  | 'eq'
  | 'neq'
  | 'top'
  | 'bottom'
  | 'box'
  | 'diamond'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'colon'
  | 'dot'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** True when the identifier was written in single quotes (TPTP), so it is never a variable. */
  readonly quoted: boolean;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** Longest symbols first so that `<=>` wins over `<=` and `=>` over `=`. */
const SYMBOLS: readonly (readonly [string, TokenKind])[] = [
  ['<~>', 'xor'],
  ['<=>', 'iff'],
  ['<->', 'iff'],
  ['~&', 'nand'],
  ['~|', 'nor'],
  ['=>', 'implies'],
  ['->', 'implies'],
  ['<=', 'revimplies'],
  ['!=', 'neq'],
  ['∀', 'forall'],
  ['∃', 'exists'],
  ['∧', 'and'],
  ['∨', 'or'],
  ['¬', 'not'],
  ['→', 'implies'],
  ['⇒', 'implies'],
  ['↔', 'iff'],
  ['⇔', 'iff'],
  ['⊕', 'xor'],
  ['≠', 'neq'],
  ['⊤', 'top'],
  ['⊥', 'bottom'],
  ['□', 'box'],
  ['◇', 'diamond'],
  // ASCII spellings of □ and ◇ (an empty TPTP list `[]` only occurs in annotations, which are skipped).
  ['[]', 'box'],
  ['<>', 'diamond'],
  ['&', 'and'],
  ['|', 'or'],
  ['~', 'not'],
  ['=', 'eq'],
  ['!', 'tforall'],
  ['?', 'texists'],
  ['(', 'lparen'],
  [')', 'rparen'],
  ['[', 'lbracket'],
  [']', 'rbracket'],
  [',', 'comma'],
  [':', 'colon'],
  ['.', 'dot'],
];

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_]/u;

/**
 * Splits formula text into tokens with 1-based line/column positions.
 * `%` line comments and `/* *\/` block comments (TPTP) are skipped.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const push = (kind: TokenKind, tokenText: string, start: number, quoted = false): void => {
    tokens.push({ kind, text: tokenText, quoted, line, column: start - lineStart + 1, offset: start });
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '%') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) {
        if (text[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      continue;
    }
    if (c === "'") {
      const start = i;
      let value = '';
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        if (text[i] === '\n') throw parseError('unterminated quoted atom', line, start - lineStart + 1);
        value += text[i] as string;
        i++;
      }
      if (i >= text.length) throw parseError('unterminated quoted atom', line, start - lineStart + 1);
      i++;
      push('ident', value, start, true);
      continue;
    }
    if (c === '$') {
      const start = i;
      i++;
      while (i < text.length && IDENT_PART.test(text[i] as string)) i++;
      push('dollar', text.slice(start, i), start);
      continue;
    }
    if (IDENT_START.test(c) || /[0-9]/.test(c)) {
      const start = i;
      while (i < text.length && IDENT_PART.test(text[i] as string)) i++;
      const word = text.slice(start, i);
      push('ident', word, start);
      continue;
    }
    const symbol = SYMBOLS.find(([s]) => text.startsWith(s, i));
    if (symbol === undefined) throw parseError(`unexpected character '${c}'`, line, i - lineStart + 1);
    push(symbol[1], symbol[0], i);
    i += symbol[0].length;
  }
  push('eof', '', i);
  return tokens;
}

export function parseError(message: string, line: number, column: number): LogicError {
  return new LogicError('LOGIC_PARSE_ERROR', `${message} at line ${line}, column ${column}`, {
    field: 'formula',
    details: { line, column },
  });
}
