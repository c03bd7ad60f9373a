import { describe, expect, it } from 'vitest';
import {
  and,
  constant,
  eq,
  exists,
  fn,
  forall,
  iff,
  implies,
  not,
  or,
  pred,
  variable,
  xor,
} from '../formula.js';
import { parseFormula, parseTptp, parseTptpProblem } from './parser.js';
import { errorOf } from '../../../test/support/syntax-test-helpers.js';

const x = variable('x');

describe('parseFormula', () => {
  it('reads Unicode quantifiers and connectives with bound variables and constant names', () => {
    expect(parseFormula('∀x (Cat(x) → Animal(x))')).toEqual(
      forall(['x'], implies(pred('Cat', [x]), pred('Animal', [x]))),
    );
    expect(parseFormula('Man(socrates)')).toEqual(pred('Man', [constant('socrates')]));
    expect(parseFormula('∃x (Bird(x) ∧ Fly(x))')).toEqual(
      exists(['x'], and(pred('Bird', [x]), pred('Fly', [x]))),
    );
    expect(parseFormula('¬p ∨ q ⇒ r ↔ s ⊕ t')).toEqual(
      iff(implies(or(not(pred('p')), pred('q')), pred('r')), xor(pred('s'), pred('t'))),
    );
  });

  it('binds ⊕ between → and ∨, as FOLIO writes it', () => {
    expect(parseFormula('Osprey(bubbles) ⊕ Carp(bubbles) → ¬Fish(bubbles)')).toEqual(
      implies(
        xor(pred('Osprey', [constant('bubbles')]), pred('Carp', [constant('bubbles')])),
        not(pred('Fish', [constant('bubbles')])),
      ),
    );
    expect(parseFormula('a ∨ b ⊕ c ∧ d')).toEqual(xor(or(pred('a'), pred('b')), and(pred('c'), pred('d'))));
  });

  it('reads ASCII with a dot giving the quantifier maximal scope', () => {
    expect(parseFormula('forall x. man(x) -> mortal(x)')).toEqual(
      forall(['x'], implies(pred('man', [x]), pred('mortal', [x]))),
    );
    expect(parseFormula('exists x,y. f(x) != y & ~p <-> q')).toEqual(
      exists(['x', 'y'], iff(and(not(eq(fn('f', [x]), variable('y'))), not(pred('p'))), pred('q'))),
    );
  });

  it('reads equality and ≠ between terms', () => {
    expect(parseFormula('f(a) = b')).toEqual(eq(fn('f', [constant('a')]), constant('b')));
    expect(parseFormula('a ≠ b')).toEqual(not(eq(constant('a'), constant('b'))));
  });

  it('reads TPTP formulas, where uppercase identifiers are variables', () => {
    expect(parseFormula('! [X] : (human(X) => mortal(X))')).toEqual(
      forall(['X'], implies(pred('human', [variable('X')]), pred('mortal', [variable('X')]))),
    );
    expect(parseFormula('? [X] : ! [Y] : loves(X,Y) <~> $true')).toEqual(
      xor(exists(['X'], forall(['Y'], pred('loves', [variable('X'), variable('Y')]))), { kind: 'true' }),
    );
  });

  it('makes implication right-associative and conjunction left-associative', () => {
    expect(parseFormula('a -> b -> c')).toEqual(implies(pred('a'), implies(pred('b'), pred('c'))));
    expect(parseFormula('a & b & c')).toEqual(and(and(pred('a'), pred('b')), pred('c')));
  });

  it('reports the line and column of a syntax error', () => {
    const e = errorOf(() => parseFormula('∀x (P(x) →\n  Q(x) ∧ )'));
    expect(e.code).toBe('LOGIC_PARSE_ERROR');
    expect(e.details).toEqual({ line: 2, column: 10 });
    expect(e.message).toBe("expected a formula but found ')' at line 2, column 10");
  });

  it('rejects nesting deeper than max_formula_depth, naming the limit', () => {
    const deep = `${'¬'.repeat(101)}p`;
    const e = errorOf(() => parseFormula(deep));
    expect(e.code).toBe('LOGIC_FORMULA_TOO_DEEP');
    expect(e.details).toEqual({ limit: 'max_formula_depth', max: 100 });
    expect(parseFormula(`${'¬'.repeat(50)}p`, { limits: { maxDepth: 60 } }).kind).toBe('not');
  });

  it('rejects more than max_quantifiers quantified variables', () => {
    const vars = Array.from({ length: 21 }, (_, i) => `x${i}`);
    const text = `∀${vars.join(',')} P(x0)`;
    const e = errorOf(() => parseFormula(text));
    expect(e.code).toBe('LOGIC_TOO_MANY_QUANTIFIERS');
    expect(e.details).toEqual({ limit: 'max_quantifiers', max: 20, actual: 21 });
    expect(parseFormula(text, { limits: { maxQuantifiers: 21 } }).kind).toBe('forall');
  });
});

describe('parseTptp', () => {
  it('reads fof statements with roles, comments and annotations', () => {
    const text = `% a comment
/* block
   comment */
fof(all_humans_mortal, axiom, ![X]: (human(X) => mortal(X))).
fof(socrates_human, axiom, human(socrates), file('x.p', a)).
fof(goal, conjecture, mortal(socrates)).`;
    const formulas = parseTptp(text);
    expect(formulas.map((f) => [f.name, f.role])).toEqual([
      ['all_humans_mortal', 'axiom'],
      ['socrates_human', 'axiom'],
      ['goal', 'conjecture'],
    ]);
    expect(parseTptpProblem(text).conjecture).toEqual(pred('mortal', [constant('socrates')]));
  });

  it('closes cnf clauses universally and reads quoted atoms as constants', () => {
    const [c] = parseTptp("cnf(c1, axiom, p(X) | ~q('Socrates')).");
    expect(c?.formula).toEqual(
      forall(['X'], or(pred('p', [variable('X')]), not(pred('q', [constant('Socrates')])))),
    );
  });

  it('turns a negated_conjecture into the negation of the conjecture', () => {
    expect(parseTptpProblem('fof(a, axiom, p). fof(n, negated_conjecture, ~q).').conjecture).toEqual(
      not(not(pred('q'))),
    );
  });

  it('rejects include() with a clear error', () => {
    const e = errorOf(() => parseTptp("include('Axioms/SET001-0.ax')."));
    expect(e.code).toBe('LOGIC_TPTP_INCLUDE_UNSUPPORTED');
    expect(e.message).toBe('include() at line 1, column 1 is not supported; inline the axioms');
  });

  it('rejects a second conjecture', () => {
    expect(errorOf(() => parseTptpProblem('fof(a, conjecture, p). fof(b, conjecture, q).')).code).toBe(
      'LOGIC_MULTIPLE_CONJECTURES',
    );
  });
});
