import { describe, expect, it } from 'vitest';
import { parseFormula } from '../syntax/parser.js';
import { evaluateInModel } from './model-evaluation.js';
import type { FiniteModel } from './model-finder.js';

describe('evaluateInModel', () => {
  const model: FiniteModel = {
    domainSize: 2,
    constants: { a: 0 },
    functions: { s: [{ args: [0], value: 1 }, { args: [1], value: 0 }] },
    predicates: { p: [[0]], loves: [[0, 1], [1, 0]] },
  };

  it('evaluates atoms, functions and equality', () => {
    expect(evaluateInModel(parseFormula('p(a)'), model)).toBe(true);
    expect(evaluateInModel(parseFormula('p(s(a))'), model)).toBe(false);
    expect(evaluateInModel(parseFormula('s(s(a)) = a'), model)).toBe(true);
  });

  it('evaluates quantifiers over the domain', () => {
    expect(evaluateInModel(parseFormula('∀y ∃x loves(x,y)'), model)).toBe(true);
    expect(evaluateInModel(parseFormula('∃x ∀y loves(x,y)'), model)).toBe(false);
    expect(evaluateInModel(parseFormula('∀x (p(x) ⊕ p(s(x)))'), model)).toBe(true);
  });

  it('answers undefined when the step budget is too small', () => {
    expect(evaluateInModel(parseFormula('∀x,y,z (p(x) ∨ p(y) ∨ p(z))'), model, 3)).toBe(undefined);
  });
});
