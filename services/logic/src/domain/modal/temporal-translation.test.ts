import { describe, expect, it } from 'vitest';
import { constant, forall, implies, modal, pred, variable } from '../formula.js';
import { printUnicode } from '../syntax/index.js';
import {
  linearTimeAxioms,
  temporalTranslation,
  translateTemporalProblem,
  unrollBounded,
} from './temporal-translation.js';

const p = pred('p');

describe('temporalTranslation', () => {
  it('quantifies over later time points for G and F and uses succ for X', () => {
    const zero = constant('zero');
    expect(printUnicode(temporalTranslation(modal('always', p), zero))).toBe('∀t1 (Le(zero, t1) → p(t1))');
    expect(printUnicode(temporalTranslation(modal('eventually', p), zero))).toBe(
      '∃t1 (Le(zero, t1) ∧ p(t1))',
    );
    expect(printUnicode(temporalTranslation(modal('always', modal('next', p)), zero))).toBe(
      '∀t1 (Le(zero, t1) → p(succ(t1)))',
    );
  });

  it('never captures a variable of the formula with the time variables it introduces', () => {
    const q = pred('q', [variable('t1')]);
    expect(printUnicode(temporalTranslation(forall(['t1'], modal('always', q)), constant('zero')))).toBe(
      '∀t1 ∀t2 (Le(zero, t2) → q(t1, t2))',
    );
  });

  it('rejects alethic operators', () => {
    expect(() => temporalTranslation(modal('box', p), constant('zero'))).toThrow(
      expect.objectContaining({ code: 'LOGIC_MODAL_UNSUPPORTED' }),
    );
  });

  it('states linear discrete time with a first point', () => {
    expect(linearTimeAxioms().map(printUnicode)).toEqual([
      '∀a Le(a, a)',
      '∀a,b,c (Le(a, b) ∧ Le(b, c) → Le(a, c))',
      '∀a,b (Le(a, b) ∧ Le(b, a) → a = b)',
      '∀a,b (Le(a, b) ∨ Le(b, a))',
      '∀a Le(a, succ(a))',
      '∀a succ(a) ≠ a',
      '∀a,b (Le(a, b) → a = b ∨ Le(succ(a), b))',
      '∀a Le(zero, a)',
    ]);
  });
});

describe('unrollBounded', () => {
  it('unrolls G and F over the positions up to the bound', () => {
    expect(printUnicode(unrollBounded(modal('always', p), 2))).toBe('p(t0) ∧ p(t1) ∧ p(t2)');
    expect(printUnicode(unrollBounded(modal('eventually', p), 2, 1))).toBe('p(t1) ∨ p(t2)');
  });

  it('lets X stutter at the last position', () => {
    expect(printUnicode(unrollBounded(modal('next', modal('next', modal('next', p))), 1))).toBe('p(t1)');
  });

  it('rejects a negative bound', () => {
    expect(() => unrollBounded(p, -1)).toThrow(RangeError);
  });

  it('translates whole problems in either mode', () => {
    const problem = { axioms: [modal('always', p)], conjecture: modal('next', p) };
    const bounded = translateTemporalProblem(problem, { mode: 'bounded', bound: 1 });
    expect(bounded.axioms.map(printUnicode)).toEqual(['p(t0) ∧ p(t1)']);
    expect(bounded.conjecture && printUnicode(bounded.conjecture)).toBe('p(t1)');
    const unbounded = translateTemporalProblem(
      { axioms: [], conjecture: implies(modal('always', p), p) },
      { mode: 'unbounded' },
    );
    expect(unbounded.axioms).toHaveLength(8);
    expect(unbounded.conjecture && printUnicode(unbounded.conjecture)).toBe(
      '∀t1 (Le(zero, t1) → p(t1)) → p(zero)',
    );
  });
});
