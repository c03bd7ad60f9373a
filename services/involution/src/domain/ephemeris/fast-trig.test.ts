import { describe, expect, it } from 'vitest';
import { sinCosInto } from './fast-trig.js';

describe('sinCosInto', () => {
  it('gives exact values at the quadrant points and π/6, π/3', () => {
    const cs = new Float64Array(2);
    sinCosInto(0, cs, 0);
    expect([...cs]).toEqual([1, 0]);
    sinCosInto(Math.PI / 6, cs, 0);
    expect(cs[1]).toBeCloseTo(0.5, 15);
    sinCosInto(Math.PI / 3, cs, 0);
    expect(cs[0]).toBeCloseTo(0.5, 15);
    sinCosInto(-Math.PI, cs, 0);
    expect(cs[0]).toBe(-1);
    expect(Math.abs(cs[1]!)).toBeLessThan(1e-15);
  });

  it('agrees with Math.cos and Math.sin to 3e-16 over ±3·10⁵ rad (the series arguments)', () => {
    const cs = new Float64Array(4);
    let worst = 0;
    let seed = 7;
    for (let i = 0; i < 200000; i += 1) {
      seed = (seed * 16807) % 2147483647;
      const x = ((seed / 2147483647) * 2 - 1) * 10 ** (((i % 12) - 6) / 1.1 + 0.2 * (i % 5));
      sinCosInto(x, cs, 2);
      worst = Math.max(worst, Math.abs(cs[2]! - Math.cos(x)), Math.abs(cs[3]! - Math.sin(x)));
    }
    expect(worst).toBeLessThan(3e-16);
    expect(cs[0]).toBe(0); // untouched before the offset
  });
});
