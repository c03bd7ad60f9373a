import type { Formula, Term } from '../formula.js';
import { operatorLetter } from './modal-letters.js';

interface Notation {
  readonly forall: string;
  readonly exists: string;
  readonly and: string;
  readonly or: string;
  readonly not: string;
  readonly implies: string;
  readonly iff: string;
  readonly xor: string;
  readonly neq: string;
  readonly top: string;
  readonly bottom: string;
  readonly box: string;
  readonly diamond: string;
  /** ASCII writes `forall x. body`, whose scope is maximal, so nested quantifiers need parentheses. */
  readonly dotted: boolean;
}

const UNICODE: Notation = {
  forall: '∀',
  exists: '∃',
  and: ' ∧ ',
  or: ' ∨ ',
  not: '¬',
  implies: ' → ',
  iff: ' ↔ ',
  xor: ' ⊕ ',
  neq: ' ≠ ',
  top: '⊤',
  bottom: '⊥',
  box: '□',
  diamond: '◇',
  dotted: false,
};

const ASCII: Notation = {
  forall: 'forall ',
  exists: 'exists ',
  and: ' & ',
  or: ' | ',
  not: '~',
  implies: ' -> ',
  iff: ' <-> ',
  xor: ' <~> ',
  neq: ' != ',
  top: '$true',
  bottom: '$false',
  box: '[]',
  diamond: '<>',
  dotted: true,
};

/** Binding strength; a larger number binds tighter. Unary forms bind tightest. */
function precedence(f: Formula): number {
  switch (f.kind) {
    case 'iff':
      return 1;
    case 'implies':
      return 2;
    // ⊕ between → and ∨, as FOLIO's annotators use it: A ⊕ B → C is (A ⊕ B) → C.
    case 'xor':
      return 3;
    case 'or':
      return 4;
    case 'and':
      return 5;
    default:
      return 6;
  }
}

export function printTerm(t: Term): string {
  return t.kind === 'fn' ? `${t.name}(${t.args.map(printTerm).join(', ')})` : t.name;
}

/** `position`: 'top' (whole formula or quantifier body), 'operand' (inside another construct). */
function print(f: Formula, n: Notation, position: 'top' | 'operand'): string {
  switch (f.kind) {
    case 'true':
      return n.top;
    case 'false':
      return n.bottom;
    case 'pred':
      return f.args.length === 0 ? f.name : `${f.name}(${f.args.map(printTerm).join(', ')})`;
    case 'eq':
      return `${printTerm(f.left)} = ${printTerm(f.right)}`;
    case 'not':
      if (f.body.kind === 'eq') return `${printTerm(f.body.left)}${n.neq}${printTerm(f.body.right)}`;
      return `${n.not}${wrapUnaryBody(f.body, n)}`;
    case 'modal': {
      // A letter operator is followed by a space: glued to `(` it would read back as an application (F(x)).
      const letter = operatorLetter(f.op);
      if (letter !== undefined) return `${letter} ${wrapUnaryBody(f.body, n)}`;
      return `${f.op === 'box' ? n.box : n.diamond}${wrapUnaryBody(f.body, n)}`;
    }
    case 'forall':
    case 'exists': {
      const head = `${f.kind === 'forall' ? n.forall : n.exists}${f.variables.join(',')}`;
      if (n.dotted) {
        const text = `${head}. ${print(f.body, n, 'top')}`;
        return position === 'top' ? text : `(${text})`;
      }
      return `${head} ${wrapUnaryBody(f.body, n)}`;
    }
    default: {
      const p = precedence(f);
      const lp = precedence(f.left);
      const rp = precedence(f.right);
      // and/or/iff/xor parse left-associatively, implication right-associatively.
      const leftParen = f.kind === 'implies' ? lp <= p : lp < p;
      const rightParen = f.kind === 'implies' ? rp < p : rp <= p;
      const l = print(f.left, n, 'operand');
      const r = print(f.right, n, 'operand');
      return `${leftParen ? `(${l})` : l}${n[f.kind]}${rightParen ? `(${r})` : r}`;
    }
  }
}

/** The operand of ¬, □ or an undotted quantifier is a unary formula: binary ones need parentheses. */
function wrapUnaryBody(body: Formula, n: Notation): string {
  const text = print(body, n, 'operand');
  return precedence(body) < 6 ? `(${text})` : text;
}

/** Prints a formula in Unicode notation: `∀x (Cat(x) → Animal(x))`. */
export function printUnicode(f: Formula): string {
  return print(f, UNICODE, 'top');
}

/** Prints a formula in ASCII notation: `forall x. cat(x) -> animal(x)`. */
export function printAscii(f: Formula): string {
  return print(f, ASCII, 'top');
}
