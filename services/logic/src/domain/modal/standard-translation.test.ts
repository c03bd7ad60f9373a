import { describe, expect, it } from 'vitest';
import { constant, implies, modal, pred, type Formula } from '../formula.js';
import { printUnicode } from '../syntax/index.js';
import { frameAxioms, modalOperators, standardTranslation, translateModalProblem } from './standard-translation.js';

const p = pred('p');
const w0 = constant('w0');
const st = (f: Formula): string => printUnicode(standardTranslation(f, w0));

describe('standardTranslation', () => {
  it('adds the world as the last argument of every predicate', () => {
    expect(st(pred('Man', [constant('socrates')]))).toBe('Man(socrates, w0)');
  });

  it('translates box and diamond through the accessibility relation', () => {
    expect(st(implies(modal('box', p), p))).toBe('∀w (R(w0, w) → p(w)) → p(w0)');
    expect(st(modal('diamond', p))).toBe('∃w (R(w0, w) ∧ p(w))');
    expect(st(modal('box', modal('box', p)))).toBe('∀w (R(w0, w) → ∀w1 (R(w, w1) → p(w1)))');
  });

  it('translates O, P and F over the ideal-world relation', () => {
    expect(st(modal('obligatory', p))).toBe('∀w (Ideal(w0, w) → p(w))');
    expect(st(modal('permitted', p))).toBe('∃w (Ideal(w0, w) ∧ p(w))');
    expect(st(modal('forbidden', p))).toBe('∀w (Ideal(w0, w) → ¬p(w))');
  });

  it('avoids capturing variables already used by the formula', () => {
    const f = { kind: 'forall', variables: ['w'], body: modal('box', pred('q', [{ kind: 'var', name: 'w' }])) } as const;
    expect(st(f)).toBe('∀w ∀w1 (R(w0, w1) → q(w, w1))');
  });

  it('rejects temporal operators with LOGIC_MODAL_UNSUPPORTED', () => {
    expect(() => st(modal('always', p))).toThrow(expect.objectContaining({ code: 'LOGIC_MODAL_UNSUPPORTED', field: 'formula' }));
  });
});

describe('frameAxioms', () => {
  it('gives the frame conditions of K, T, D, S4 and S5', () => {
    expect(frameAxioms('K')).toEqual([]);
    expect(frameAxioms('T').map(printUnicode)).toEqual(['∀w R(w, w)']);
    expect(frameAxioms('D').map(printUnicode)).toEqual(['∀w ∃v R(w, v)']);
    expect(frameAxioms('S4').map(printUnicode)).toEqual(['∀w R(w, w)', '∀u,v,w (R(u, v) ∧ R(v, w) → R(u, w))']);
    expect(frameAxioms('S5').map(printUnicode)).toEqual([
      '∀w R(w, w)',
      '∀u,v (R(u, v) → R(v, u))',
      '∀u,v,w (R(u, v) ∧ R(v, w) → R(u, w))',
    ]);
  });
});

describe('translateModalProblem', () => {
  it('adds only the frame axioms of the relations that occur', () => {
    const problem = translateModalProblem({ axioms: [], conjecture: implies(modal('obligatory', p), modal('permitted', p)) }, { logic: 'S5' });
    expect(problem.axioms.map(printUnicode)).toEqual(['∀w ∃v Ideal(w, v)']);
    expect(problem.conjecture && printUnicode(problem.conjecture)).toBe('∀w (Ideal(w0, w) → p(w)) → ∃w1 (Ideal(w0, w1) ∧ p(w1))');
  });

  it('lists the operators of a formula', () => {
    expect([...modalOperators(implies(modal('box', p), modal('permitted', p)))]).toEqual(['box', 'permitted']);
  });
});
