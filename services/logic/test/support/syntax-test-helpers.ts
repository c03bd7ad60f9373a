import { LogicError } from '../../src/errors.js';

/** The LogicError `f` throws (fails the test when it throws nothing or something else). */
export function errorOf(f: () => unknown): LogicError {
  try {
    f();
  } catch (e) {
    if (e instanceof LogicError) return e;
    throw e;
  }
  throw new Error('expected a LogicError');
}

/** mulberry32: a small seeded PRNG, so generated formulas are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
