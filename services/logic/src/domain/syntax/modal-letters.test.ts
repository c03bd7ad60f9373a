import { describe, expect, it } from 'vitest';
import { LogicError } from '../../errors.js';
import {
  and,
  constant,
  forall,
  iff,
  implies,
  modal,
  not,
  or,
  pred,
  variable,
  type Formula,
  type ModalOperator,
} from '../formula.js';
import { printAscii, printUnicode } from './infix-printer.js';
import type { ModalLetters } from './modal-letters.js';
import { parseFormula } from './parser.js';
import { errorOf, prng } from '../../../test/support/syntax-test-helpers.js';

const p = pred('p');
const q = pred('q');
const x = variable('x');
const sdl = (text: string): Formula => parseFormula(text, { modalLetters: 'deontic' });
const ltl = (text: string): Formula => parseFormula(text, { modalLetters: 'temporal' });

describe('deontic letters (logic SDL)', () => {
  it('reads O, P and F as obligatory, permitted and forbidden', () => {
    expect(sdl('O p → P p')).toEqual(implies(modal('obligatory', p), modal('permitted', p)));
    expect(sdl('F p ↔ O ¬p')).toEqual(iff(modal('forbidden', p), modal('obligatory', not(p))));
    expect(sdl('O¬p')).toEqual(modal('obligatory', not(p)));
    expect(sdl('¬(O p ∧ O ¬p)')).toEqual(not(and(modal('obligatory', p), modal('obligatory', not(p)))));
  });

  it('gives the operator a unary body, so O p ∧ q is (O p) ∧ q and O (p ∧ q) needs the parentheses', () => {
    expect(sdl('O p ∧ q')).toEqual(and(modal('obligatory', p), q));
    expect(sdl('O (p ∧ q)')).toEqual(modal('obligatory', and(p, q)));
  });

  it('keeps a letter glued to "(" a predicate, and a letter not followed by a formula a proposition', () => {
    expect(sdl('F(x)')).toEqual(pred('F', [constant('x')]));
    expect(sdl('O Pay(x)')).toEqual(modal('obligatory', pred('Pay', [constant('x')])));
    expect(sdl('∀x (Employee(x) → O Pay(x))')).toEqual(
      forall(['x'], implies(pred('Employee', [x]), modal('obligatory', pred('Pay', [x])))),
    );
    expect(sdl('P ∨ F')).toEqual(or(pred('P'), pred('F')));
    expect(sdl('O P')).toEqual(modal('obligatory', pred('P')));
  });

  it('reads G and X as names, since they are temporal', () => {
    expect(sdl('G(x) ∧ X')).toEqual(and(pred('G', [constant('x')]), pred('X')));
  });

  it("never reads a quoted 'O' as an operator", () => {
    expect(() => sdl("'O' p")).toThrow(LogicError);
  });
});

describe('temporal letters (logic LTL)', () => {
  it('reads G, F and X as always, eventually and next', () => {
    expect(ltl('G p → X p')).toEqual(implies(modal('always', p), modal('next', p)));
    expect(ltl('X p → F p')).toEqual(implies(modal('next', p), modal('eventually', p)));
    expect(ltl('G F p')).toEqual(modal('always', modal('eventually', p)));
    expect(ltl('G (p → X q)')).toEqual(modal('always', implies(p, modal('next', q))));
  });

  it('reads F as eventually here and as forbidden in SDL', () => {
    expect(ltl('F p')).toEqual(modal('eventually', p));
    expect(sdl('F p')).toEqual(modal('forbidden', p));
  });

  it('reads O and P as names, since they are deontic', () => {
    expect(ltl('P → O')).toEqual(implies(pred('P'), pred('O')));
  });

  it('reads the TPTP dialect too, where an uppercase X alone would be a variable', () => {
    expect(ltl('G ![X]: q(X)')).toEqual(modal('always', forall(['X'], pred('q', [variable('X')]))));
  });
});

describe('letters in plain first-order logic', () => {
  it('are names: F(x) is a predicate and P ∧ O two propositions', () => {
    expect(parseFormula('F(x) → P ∧ O')).toEqual(
      implies(pred('F', [constant('x')]), and(pred('P'), pred('O'))),
    );
  });

  it('refuse O p with a parse error that names the logics reading the letter', () => {
    const e = errorOf(() => parseFormula('O p'));
    expect(e.code).toBe('LOGIC_PARSE_ERROR');
    expect(e.message).toBe(
      "unexpected 'p' after the formula at line 1, column 3: 'O' is an operator only with logic SDL (O, P, F) or LTL (G, F, X)",
    );
    expect(e.details).toEqual({ line: 1, column: 3, modal_letter: 'O' });
    expect(errorOf(() => sdl('G p')).details).toEqual({ line: 1, column: 3, modal_letter: 'G' });
  });
});

describe('ASCII □ and ◇', () => {
  it('reads [] and <> as □ and ◇', () => {
    expect(parseFormula('[]p -> <>p')).toEqual(parseFormula('□p → ◇p'));
    expect(parseFormula('[](p & q) -> <>~p')).toEqual(
      implies(modal('box', and(p, q)), modal('diamond', not(p))),
    );
  });
});

describe('printing letter operators', () => {
  it('prints a space after the letter and parentheses around a binary body', () => {
    expect(printUnicode(modal('obligatory', not(p)))).toBe('O ¬p');
    expect(printUnicode(modal('forbidden', and(p, q)))).toBe('F (p ∧ q)');
    expect(printUnicode(modal('always', modal('next', pred('F', [constant('x')]))))).toBe('G X F(x)');
    expect(printAscii(implies(modal('obligatory', p), modal('permitted', p)))).toBe('O p -> P p');
    expect(printAscii(implies(modal('box', p), modal('diamond', not(p))))).toBe('[]p -> <>~p');
    expect(printAscii(modal('eventually', forall(['x'], pred('q', [x]))))).toBe('F (forall x. q(x))');
  });
});

/** Random formulas mixing a logic's operators with predicates named like its letters (F(x), P, O). */
function modalFormulas(seed: number, ops: readonly ModalOperator[], count: number): Formula[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const atom = (bound: readonly string[]): Formula => {
    const name = pick(['p', 'q', 'F', 'P', 'O', 'G', 'X']);
    const arg = bound.length > 0 && rnd() < 0.5 ? variable(pick(bound)) : constant('a');
    return rnd() < 0.5 ? pred(name) : pred(name, [arg]);
  };
  const formula = (bound: readonly string[], depth: number): Formula => {
    const r = rnd();
    if (depth <= 0 || r < 0.2) return atom(bound);
    if (r < 0.45) return modal(pick(ops), formula(bound, depth - 1));
    if (r < 0.55) return not(formula(bound, depth - 1));
    if (r < 0.65) return forall(['x'], formula([...bound, 'x'], depth - 1));
    const kind = pick(['and', 'or', 'implies', 'iff'] as const);
    return { kind, left: formula(bound, depth - 1), right: formula(bound, depth - 1) };
  };
  return Array.from({ length: count }, () => formula([], 5));
}

describe('round trip through the printers', () => {
  const cases: readonly (readonly [ModalLetters, readonly ModalOperator[]])[] = [
    ['deontic', ['obligatory', 'permitted', 'forbidden', 'box', 'diamond']],
    ['temporal', ['always', 'eventually', 'next', 'box', 'diamond']],
  ];
  for (const [letters, ops] of cases) {
    it(`parses back every printed ${letters} formula to the same tree (Unicode and ASCII, 300 formulas)`, () => {
      const formulas = modalFormulas(letters === 'deontic' ? 7 : 11, ops, 300);
      const failures = formulas.flatMap((f) =>
        [printUnicode(f), printAscii(f)].flatMap((text) => {
          const back = parseFormula(text, { modalLetters: letters, limits: { maxQuantifiers: 50 } });
          return JSON.stringify(back) === JSON.stringify(f) ? [] : [text];
        }),
      );
      expect(failures).toEqual([]);
      // The generator does produce what the test is about: operators and predicates named like them.
      const letterOps = ops.filter((op) => op !== 'box' && op !== 'diamond').map((op) => `"op":"${op}"`);
      expect(
        formulas.filter((f) => letterOps.some((op) => JSON.stringify(f).includes(op))).length,
      ).toBeGreaterThan(100);
      expect(formulas.filter((f) => /\b[OPFGX]\(/.test(printUnicode(f))).length).toBeGreaterThan(100);
    });
  }
});
