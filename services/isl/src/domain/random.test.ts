import { describe, expect, it } from 'vitest';
import { createRng, seedFromString } from './random.js';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('samples normals, uniforms, integers and coins with the right moments', () => {
    const rng = createRng(7);
    const n = 20000;
    const normals = Array.from({ length: n }, () => rng.normal(3, 2));
    const mean = normals.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(normals.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
    const ints = Array.from({ length: n }, () => rng.int(6));
    expect(Math.min(...ints)).toBe(0);
    expect(Math.max(...ints)).toBe(5);
    const uniforms = Array.from({ length: n }, () => rng.uniform(-1, 1));
    expect(Math.abs(uniforms.reduce((s, x) => s + x, 0) / n)).toBeLessThan(0.02);
    const coins = Array.from({ length: n }, () => rng.bernoulli(0.3));
    expect(Math.abs(coins.reduce((s, x) => s + x, 0) / n - 0.3)).toBeLessThan(0.02);
  });
});

describe('seedFromString', () => {
  it('is FNV-1a 32-bit', () => {
    // Reference values of FNV-1a: "" → 0x811c9dc5, "a" → 0xe40c292c.
    expect(seedFromString('')).toBe(0x811c9dc5);
    expect(seedFromString('a')).toBe(0xe40c292c);
  });
});
