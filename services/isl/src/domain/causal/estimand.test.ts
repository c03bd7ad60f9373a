import { describe, expect, it } from 'vitest';
import { DiscreteDistribution } from './discrete-distribution.js';
import { evaluateEstimand } from './estimand-evaluation.js';
import { freeVariables, prob, product, renderEstimand, sum } from './estimand.js';

describe('sum', () => {
  it('drops a summed head variable that occurs in only one factor', () => {
    const e = sum(['Y'], product([prob(['Z']), prob(['Y'], ['Z', 'X'])]));
    expect(renderEstimand(e)).toBe('P(Z)');
  });

  it('keeps a sum whose variable conditions another factor', () => {
    const e = sum(['Z'], product([prob(['Z']), prob(['Y'], ['Z', 'X'])]));
    expect(renderEstimand(e, ['X', 'Y'])).toBe('Σ_{Z} [P(Z) P(Y | Z, X)]');
    expect([...freeVariables(e)].sort()).toEqual(['X', 'Y']);
  });

  it('marginalises a joint atom directly', () => {
    expect(renderEstimand(sum(['A', 'B'], prob(['A', 'B', 'C'])))).toBe('P(C)');
  });
});

describe('renderEstimand', () => {
  it('primes a summation variable that shadows a query variable', () => {
    const e = sum(['X'], product([prob(['X']), prob(['Y'], ['X', 'M'])]));
    expect(renderEstimand(e, ['X', 'Y', 'M'])).toBe("Σ_{X'} [P(X') P(Y | X', M)]");
  });
});

describe('evaluateEstimand', () => {
  it('evaluates a sum of products on a table (P(y) by total probability)', () => {
    const d = new DiscreteDistribution(
      ['X', 'Y'],
      [
        { values: { X: 0, Y: 0 }, p: 0.1 },
        { values: { X: 0, Y: 1 }, p: 0.3 },
        { values: { X: 1, Y: 0 }, p: 0.4 },
        { values: { X: 1, Y: 1 }, p: 0.2 },
      ],
    );
    const e = { type: 'sum' as const, over: ['X'], body: product([prob(['X']), prob(['Y'], ['X'])]) };
    expect(evaluateEstimand(e, d, { Y: 1 })).toBeCloseTo(0.5, 12);
    expect(d.conditional(['Y'], ['X'], { X: 1, Y: 1 })).toBeCloseTo(1 / 3, 12);
  });
});
