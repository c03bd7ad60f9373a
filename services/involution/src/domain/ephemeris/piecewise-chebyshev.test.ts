import { describe, expect, it } from 'vitest';
import { decodeChebyshevTable, evaluateChebyshevTable } from './piecewise-chebyshev.js';

// Two segments of 10 days over JD 100–120, degree 2, two components stored in units of 0.5 and 0.001.
const TABLE = decodeChebyshevTable({
  start: 100,
  end: 120,
  segments: 2,
  degree: 2,
  units: [0.5, 0.001],
  coefficients: ['2,4,6,1000,-2000,3000', '-2,8,10,0,500,-250'],
});

function at(jd: number): { inside: boolean; values: number[]; rates: number[] } {
  const values = new Float64Array([7, 7]);
  const rates = new Float64Array([7, 7]);
  const inside = evaluateChebyshevTable(TABLE, jd, values, rates);
  return { inside, values: [...values], rates: [...rates] };
}

describe('piecewise Chebyshev tables', () => {
  it('decodes integers times their component unit', () => {
    expect([...TABLE.coefficients]).toEqual([1, 2, 3, 1, -2, 3, -1, 4, 5, 0, 0.5, -0.25]);
    expect(TABLE.segmentDays).toBe(10);
    expect(TABLE.components).toBe(2);
  });

  it('refuses a table whose coefficient count does not match its shape', () => {
    expect(() =>
      decodeChebyshevTable({ start: 0, end: 1, segments: 1, degree: 2, units: [1], coefficients: ['1,2'] }),
    ).toThrow('Chebyshev table holds 2 coefficients, its shape needs 3');
  });

  it('evaluates the polynomial at a segment midpoint (x = 0: c0 − c2) and its rate (c1 · 2 / 10 days)', () => {
    expect(at(105)).toEqual({ inside: true, values: [1 - 3, 1 - 3], rates: [0.4, -0.4] });
  });

  it('gives a shared segment boundary to the later segment (x = −1: c0 − c1 + c2, rate c1 − 4c2)', () => {
    const boundary = at(110);
    expect(boundary.values).toEqual([-1 - 4 + 5, 0 - 0.5 - 0.25]);
    expect(boundary.rates).toEqual([((4 - 20) * 2) / 10, ((0.5 + 1) * 2) / 10]);
  });

  it('evaluates the last day with the last segment (x = +1: c0 + c1 + c2)', () => {
    expect(at(120).values).toEqual([-1 + 4 + 5, 0.5 - 0.25]);
    expect(at(100).values).toEqual([1 - 2 + 3, 1 + 2 + 3]);
  });

  it('returns false and zeros outside its span', () => {
    expect(at(99.999)).toEqual({ inside: false, values: [0, 0], rates: [0, 0] });
    expect(at(120.001)).toEqual({ inside: false, values: [0, 0], rates: [0, 0] });
    expect(at(Number.NaN)).toEqual({ inside: false, values: [0, 0], rates: [0, 0] });
  });

  it('matches the rate of a finite difference inside a segment', () => {
    const h = 1e-4;
    const rate = (at(103.7 + h).values[1]! - at(103.7 - h).values[1]!) / (2 * h);
    expect(at(103.7).rates[1]).toBeCloseTo(rate, 8);
  });
});
