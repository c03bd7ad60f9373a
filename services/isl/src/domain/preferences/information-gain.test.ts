import { describe, expect, it } from 'vitest';
import { pairInformationGain, utilityTable } from './information-gain.js';

// Mutual information by its definition, Σ_w Σ_y P(w) P(y|w) log2(P(y|w) / P(y)), as an oracle.
function bruteForce(deltas: readonly number[], w: readonly number[], rationality: number): number {
  const ps = deltas.map((d) => 1 / (1 + Math.exp(-rationality * d)));
  const pA = ps.reduce((s, p, i) => s + (w[i] ?? 0) * p, 0);
  let mi = 0;
  ps.forEach((p, i) => {
    for (const [py, marginal] of [
      [p, pA],
      [1 - p, 1 - pA],
    ] as const) {
      if (py > 0) mi += (w[i] ?? 0) * py * Math.log2(py / marginal);
    }
  });
  return mi;
}

describe('utilityTable', () => {
  it('holds each candidate’s utility under each particle, candidate-major', () => {
    // Particles (0.25, 0.75) and (1, 0); candidates (4, 8) and (2, 0).
    const table = utilityTable(Float64Array.of(0.25, 0.75, 1, 0), Float64Array.of(4, 8, 2, 0), 2);
    expect(table.particles).toBe(2);
    expect(table.candidates).toBe(2);
    expect(Array.from(table.values)).toEqual([7, 4, 0.5, 2]);
  });
});

describe('pairInformationGain', () => {
  it('is 1 bit when two equally likely particles answer deterministically and oppositely', () => {
    const table = utilityTable(Float64Array.of(1, 0, 0, 1), Float64Array.of(1, 0, 0, 1), 2);
    expect(pairInformationGain(table, 0, 1, Float64Array.of(0.5, 0.5), 1000)).toBe(1);
  });

  it('is 0 for a single particle and for identical scenarios', () => {
    const one = utilityTable(Float64Array.of(0.3, 0.7), Float64Array.of(1, 0, 0, 1), 2);
    expect(pairInformationGain(one, 0, 1, Float64Array.of(1), 8)).toBe(0);
    const same = utilityTable(Float64Array.of(1, 0, 0, 1), Float64Array.of(0.4, 0.6, 0.4, 0.6), 2);
    expect(pairInformationGain(same, 0, 1, Float64Array.of(0.5, 0.5), 8)).toBe(0);
  });

  it('matches the mutual information by definition to 12 digits, including extreme utility gaps', () => {
    const d = 3;
    const n = 64;
    const particles = new Float64Array(n * d);
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const e = [1 + (i % 7), 1 + ((i * 3) % 5), 1 + ((i * 5) % 11)];
      const s = e[0]! + e[1]! + e[2]!;
      e.forEach((x, k) => (particles[i * d + k] = x / s));
      w[i] = (1 + (i % 4)) / 160;
    }
    const scaled = Float64Array.of(1, 0, 0.2, 0, 1, 0.9, 0.5, 0.5, 0.5, 40, -30, 0);
    const table = utilityTable(particles, scaled, d);
    for (const rationality of [0.5, 8, 60]) {
      for (const [a, b] of [
        [0, 1],
        [1, 2],
        [0, 3],
        [2, 3],
      ] as const) {
        const deltas = Array.from({ length: n }, (_, i) => table.values[a * n + i]! - table.values[b * n + i]!);
        expect(pairInformationGain(table, a, b, w, rationality)).toBeCloseTo(
          bruteForce(deltas, Array.from(w), rationality),
          12,
        );
      }
    }
  });
});
