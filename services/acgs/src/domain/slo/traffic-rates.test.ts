import { describe, expect, it } from 'vitest';
import { availabilityPercent, errorRatePercent, requestRate } from './traffic-rates.js';

describe('requestRate', () => {
  it('divides the counter increase by the window', () => {
    expect(requestRate(1000, 7000, 60)).toBe(100);
    expect(requestRate(0, 1500, 10)).toBe(150);
  });

  it('treats a counter that went down as reset', () => {
    expect(requestRate(7000, 500, 10)).toBe(50);
  });

  it('refuses an empty window', () => {
    expect(() => requestRate(0, 1, 0)).toThrow(/window must be > 0/);
  });
});

describe('availabilityPercent / errorRatePercent', () => {
  it('computes 999 of 1000 as exactly 99.9 and 998 as 99.8', () => {
    expect(availabilityPercent(1000, 1)).toBe(99.9);
    expect(availabilityPercent(1000, 2)).toBe(99.8);
    expect(errorRatePercent(1000, 10)).toBe(1);
    expect(availabilityPercent(0, 0)).toBeUndefined();
  });

  it('refuses more failures than requests', () => {
    expect(() => availabilityPercent(1, 2)).toThrow(/invalid request counts/);
  });
});
