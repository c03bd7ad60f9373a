import { describe, expect, it } from 'vitest';
import { percentShares, tornado } from './tornado.js';

describe('percentShares', () => {
  it('sums to exactly 100 in hundredths by largest remainder', () => {
    const shares = percentShares([1, 1, 1]);
    expect(shares).toEqual([33.34, 33.33, 33.33]);
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(10000);
    expect(percentShares([120, 100])).toEqual([54.55, 45.45]);
  });

  it('gives zeros when nothing swings', () => {
    expect(percentShares([0, 0])).toEqual([0, 0]);
  });
});

describe('tornado', () => {
  it('sorts bars by swing with low/high outcomes', () => {
    const bars = tornado(
      [
        { name: 'a', min: 0, max: 1 },
        { name: 'b', min: -2, max: 2 },
      ],
      (i, v) => (i === 0 ? 10 * v : v),
    );
    expect(bars.map((b) => [b.name, b.low_outcome, b.high_outcome, b.swing, b.share])).toEqual([
      ['a', 0, 10, 10, 71.43],
      ['b', -2, 2, 4, 28.57],
    ]);
  });
});
