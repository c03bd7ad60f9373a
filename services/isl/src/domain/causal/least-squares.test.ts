import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { leastSquares } from './least-squares.js';
import { logisticRegression } from './logistic-regression.js';

describe('leastSquares', () => {
  it('recovers exact coefficients from noiseless data', () => {
    const x = [
      [1, 0, 1],
      [1, 1, 0],
      [1, 2, 5],
      [1, 3, 1],
      [1, 4, 2],
    ];
    const y = x.map(([, a, b]) => 1.5 + 2 * (a as number) - 0.5 * (b as number));
    const beta = leastSquares(x, y);
    expect(beta.map((b) => b.toFixed(10))).toEqual(['1.5000000000', '2.0000000000', '-0.5000000000']);
  });

  it('fits the textbook line through (1,1), (2,2), (3,2): y = 2/3 + x/2', () => {
    const beta = leastSquares(
      [
        [1, 1],
        [1, 2],
        [1, 3],
      ],
      [1, 2, 2],
    );
    expect(beta[0]).toBeCloseTo(2 / 3, 12);
    expect(beta[1]).toBeCloseTo(0.5, 12);
  });

  it('rejects a collinear design', () => {
    expect(() =>
      leastSquares(
        [
          [1, 2],
          [1, 2],
          [1, 2],
        ],
        [1, 2, 3],
      ),
    ).toThrow(IslError);
  });
});

describe('logisticRegression', () => {
  it('matches the closed form for a single binary regressor (log odds per group)', () => {
    // Group 0: 1 of 4 positive, group 1: 3 of 4 positive → β = (log(1/3), log 9).
    const x = [0, 0, 0, 0, 1, 1, 1, 1].map((g) => [1, g]);
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const beta = logisticRegression(x, y);
    expect(beta[0]).toBeCloseTo(Math.log(1 / 3), 8);
    expect(beta[1]).toBeCloseTo(Math.log(9), 8);
  });
});
