import { describe, expect, it } from 'vitest';
import { chebyshevWithDerivative } from './chebyshev.js';

describe('chebyshevWithDerivative', () => {
  it('evaluates T₀…T₃ and their derivatives exactly: at s = 0.5, 1 + 2·0.5 + 3·(−0.5) + 4·(−1) = −3.5', () => {
    // T0=1, T1=s, T2=2s²−1, T3=4s³−3s; T1'=1, T2'=4s, T3'=12s²−3.
    const [value, derivative] = chebyshevWithDerivative([9, 1, 2, 3, 4], 1, 4, 0.5);
    expect(value).toBe(-3.5);
    expect(derivative).toBe(2 * 1 + 3 * 2 + 4 * 0);
  });

  it('gives Σcₖ at s = 1 and Σ(−1)ᵏcₖ at s = −1', () => {
    const c = [0.25, -1.5, 3, 0.125, -2];
    expect(chebyshevWithDerivative(c, 0, c.length, 1)[0]).toBeCloseTo(-0.125, 14);
    expect(chebyshevWithDerivative(c, 0, c.length, -1)[0]).toBeCloseTo(0.25 + 1.5 + 3 - 0.125 - 2, 14);
  });
});
