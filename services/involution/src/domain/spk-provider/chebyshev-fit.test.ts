import { describe, expect, it } from 'vitest';
import { chebyshevInterpolant, fitChebyshevRecords } from './chebyshev-fit.js';

describe('chebyshevInterpolant', () => {
  it('gives the Chebyshev coefficients of a polynomial exactly when the degree suffices', () => {
    // 3x³ − 2x + 1 = 0.75·T₃ + 0.25·T₁ + 1·T₀ (x³ = (3T₁ + T₃)/4).
    const [c] = chebyshevInterpolant((x) => [3 * x ** 3 - 2 * x + 1], 5);
    const expected = [1, 0.25, 0, 0.75, 0, 0];
    c!.forEach((value, k) => expect(value).toBeCloseTo(expected[k]!, 14));
  });

  it('keeps the components apart', () => {
    const c = chebyshevInterpolant((x) => [x, 2, -x * x], 2);
    expect(c.map((row) => row.map((v) => Math.round(v * 1e12) / 1e12 + 0))).toEqual([
      [0, 1, 0],
      [2, 0, 0],
      [-0.5, 0, -0.5],
    ]);
  });
});

describe('fitChebyshevRecords', () => {
  it('maps each record onto its own interval', () => {
    const records = fitChebyshevRecords((t) => [t], 100, 10, 3, 1);
    // On [100 + 10i, 110 + 10i] the line t = mid + 5x: c₀ = mid, c₁ = 5.
    records.forEach((record, i) => {
      expect(record[0]![0]).toBeCloseTo(105 + 10 * i, 12);
      expect(record[0]![1]).toBeCloseTo(5, 12);
    });
  });
});
