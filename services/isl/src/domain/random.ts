/**
 * Seeded pseudo-random numbers for the pure domain.
 *
 * The domain never touches Math.random: every Monte Carlo run takes an explicit seed so that an
 * identical request yields a byte-identical response. The generator is mulberry32-style 32-bit
 * mixing (fast, good enough for simulation, not for cryptography).
 */

/** A seeded generator with the samplers the domain needs. */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Normal(mean, sd) by Box–Muller. */
  normal(mean: number, sd: number): number;
  /** Uniform integer on {0, …, n − 1}. */
  int(n: number): number;
  /** Uniform on [low, high). */
  uniform(low: number, high: number): number;
  /** 1 with probability p, else 0. */
  bernoulli(p: number): number;
}

/**
 * Creates a deterministic generator from a 32-bit seed (any finite number; it is truncated).
 *
 * @example
 * const rng = createRng(42);
 * rng.next(); // always the same first value for seed 42
 */
export function createRng(seed: number): Rng {
  let state = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
  // Box–Muller yields two normals per pair of uniforms; keep the spare one.
  let spare: number | undefined;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const standardNormal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u = next();
    // log(0) is -Infinity; 1 - u is in (0, 1].
    u = 1 - u;
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };

  return {
    next,
    normal: (mean: number, sd: number) => mean + sd * standardNormal(),
    int: (n: number) => Math.floor(next() * n),
    uniform: (low: number, high: number) => low + (high - low) * next(),
    bernoulli: (p: number) => (next() < p ? 1 : 0),
  };
}

/**
 * Derives a 32-bit seed from a string (FNV-1a), e.g. from a request's canonical JSON so that the same
 * request always draws the same samples.
 */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
