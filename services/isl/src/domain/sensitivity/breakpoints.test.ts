import { describe, expect, it } from 'vitest';
import { findBreakpoints } from './breakpoints.js';

describe('findBreakpoints', () => {
  it('finds a linear crossing by bisection', () => {
    const [point] = findBreakpoints((x) => 60 * x - 100, 0, 1, 3);
    expect(point?.direction).toBe('rises_above');
    expect(point?.value).toBeCloseTo(5 / 3, 12);
  });

  it('finds both roots of a parabola with their directions', () => {
    const points = findBreakpoints((x) => x * x, 2, -3, 3);
    expect(points.map((p) => p.direction)).toEqual(['falls_below', 'rises_above']);
    expect(points[0]?.value).toBeCloseTo(-Math.SQRT2, 12);
    expect(points[1]?.value).toBeCloseTo(Math.SQRT2, 12);
  });

  it('reports an exact grid hit once and ignores touching without crossing', () => {
    expect(findBreakpoints((x) => x, 0, -1, 1)).toEqual([{ value: 0, direction: 'rises_above' }]);
    expect(findBreakpoints((x) => x * x, 0, -1, 1)).toEqual([]);
  });
});
