import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { parseCsv } from './data-table.js';
import type { DataRow } from './data-table.js';
import { estimateEffect } from './estimate.js';
import { SeededRandom } from './seeded-random.js';

/** The 700 kidney-stone patients (Charig et al. 1986), generated exactly from the published counts. */
function kidneyRows(): DataRow[] {
  const groups: [string, string, number, number][] = [
    ['A', 'small', 81, 87],
    ['A', 'large', 192, 263],
    ['B', 'small', 234, 270],
    ['B', 'large', 55, 80],
  ];
  const rows: DataRow[] = [];
  for (const [t, z, ok, n] of groups)
    for (let i = 0; i < n; i++) rows.push({ T: t, Z: z, Y: i < ok ? 1 : 0 });
  return rows;
}

const kidneyDag = {
  nodes: ['Z', 'T', 'Y'],
  edges: [
    ['Z', 'T'],
    ['Z', 'Y'],
    ['T', 'Y'],
  ],
};

describe('estimateEffect on the kidney-stone data', () => {
  it('reproduces P(success | do(A)) = 0.8325 and do(B) = 0.7789 by stratification from 700 rows', () => {
    const rows = kidneyRows();
    expect(rows).toHaveLength(700);
    const r = estimateEffect({
      dag: kidneyDag,
      treatment: 'T',
      outcome: 'Y',
      data: rows,
      bootstrapSamples: 100,
      seed: 1,
    });
    expect(r.method).toBe('backdoor.stratification');
    expect(r.adjustmentSet).toEqual(['Z']);
    expect(r.armMeans.control).toMatchObject({ value: 'A' });
    expect(r.armMeans.control.mean.toFixed(4)).toBe('0.8325');
    expect(r.armMeans.treated.mean.toFixed(4)).toBe('0.7789');
    expect(r.effect.toFixed(4)).toBe('-0.0537');
    expect(r.ci[0]).toBeLessThan(r.effect);
    expect(r.ci[1]).toBeGreaterThan(r.effect);
    // The naive comparison favours B: 0.8257 − 0.78 > 0, the opposite sign.
    const naive = estimateEffect({
      dag: { nodes: ['T', 'Y'], edges: [['T', 'Y']] },
      treatment: 'T',
      outcome: 'Y',
      data: rows,
      bootstrapSamples: 0,
      refute: false,
    });
    expect(naive.armMeans.control.mean.toFixed(4)).toBe('0.7800');
    expect(naive.armMeans.treated.mean.toFixed(4)).toBe('0.8257');
    expect(Math.sign(naive.effect)).toBe(-Math.sign(r.effect));
  });

  it('gives the same answers by stratified IPW, by the ID estimand and from CSV text', () => {
    const rows = kidneyRows();
    const ipw = estimateEffect({
      dag: kidneyDag,
      treatment: 'T',
      outcome: 'Y',
      data: rows,
      method: 'ipw',
      bootstrapSamples: 0,
      refute: false,
    });
    expect(ipw.armMeans.control.mean.toFixed(4)).toBe('0.8325');
    expect(ipw.armMeans.treated.mean.toFixed(4)).toBe('0.7789');
    const id = estimateEffect({
      dag: kidneyDag,
      treatment: 'T',
      outcome: 'Y',
      data: rows,
      method: 'id',
      bootstrapSamples: 0,
      refute: false,
    });
    expect(id.estimand).toBe('Σ_{Z} [P(Z) P(Y | Z, T)]');
    expect(id.armMeans.control.mean.toFixed(4)).toBe('0.8325');
    const csv = ['T,Z,Y', ...rows.map((r) => `${String(r['T'])},${String(r['Z'])},${String(r['Y'])}`)].join(
      '\n',
    );
    const fromCsv = estimateEffect({
      dag: kidneyDag,
      treatment: 'T',
      outcome: 'Y',
      csv,
      bootstrapSamples: 0,
      refute: false,
    });
    expect(fromCsv.armMeans.treated.mean.toFixed(4)).toBe('0.7789');
  });

  it('is byte-identical for the same seed', () => {
    const req = {
      dag: kidneyDag,
      treatment: 'T',
      outcome: 'Y',
      data: kidneyRows(),
      bootstrapSamples: 50,
      seed: 9,
    };
    expect(JSON.stringify(estimateEffect(req))).toBe(JSON.stringify(estimateEffect(req)));
  });
});

/** Z ~ N(0,1); T ~ Bernoulli(σ(1.5 Z)); Y = 2 T + 3 Z + N(0,1): the true effect is 2. */
function linearRows(n: number, seed: number): DataRow[] {
  const rng = new SeededRandom(seed);
  const rows: DataRow[] = [];
  for (let i = 0; i < n; i++) {
    const z = rng.normal();
    const t = rng.next() < 1 / (1 + Math.exp(-1.5 * z)) ? 1 : 0;
    rows.push({ Z: z, T: t, Y: 2 * t + 3 * z + rng.normal() });
  }
  return rows;
}

describe('estimateEffect on simulated linear data', () => {
  const dag = {
    nodes: ['Z', 'T', 'Y'],
    edges: [
      ['Z', 'T'],
      ['Z', 'Y'],
      ['T', 'Y'],
    ],
  };

  it('recovers the true effect 2 inside the regression CI, and placebo is about 0', () => {
    const r = estimateEffect({
      dag,
      treatment: 'T',
      outcome: 'Y',
      data: linearRows(2000, 1),
      bootstrapSamples: 200,
      seed: 3,
    });
    expect(r.method).toBe('backdoor.regression');
    expect(r.ci[0]).toBeLessThan(2);
    expect(r.ci[1]).toBeGreaterThan(2);
    expect(Math.abs(r.effect - 2)).toBeLessThan(0.15);
    const placebo = r.refutations.find((f) => f.refuter === 'placebo_treatment');
    expect(placebo?.passed).toBe(true);
    expect(Math.abs(placebo?.newEffect ?? 1)).toBeLessThan(0.1 * Math.abs(r.effect) + 0.35);
    expect(r.refutations.find((f) => f.refuter === 'random_common_cause')?.passed).toBe(true);
    expect(r.refutations.find((f) => f.refuter === 'data_subset')?.passed).toBe(true);
  });

  it('recovers the true effect by IPW with a logistic propensity model', () => {
    const r = estimateEffect({
      dag,
      treatment: 'T',
      outcome: 'Y',
      data: linearRows(2000, 1),
      method: 'ipw',
      bootstrapSamples: 100,
      seed: 3,
    });
    expect(r.ci[0]).toBeLessThan(2);
    expect(r.ci[1]).toBeGreaterThan(2);
  });

  it('recovers a frontdoor effect 1.5 × 2 = 3 despite a hidden confounder', () => {
    const rng = new SeededRandom(5);
    const rows: DataRow[] = [];
    for (let i = 0; i < 2000; i++) {
      const u = rng.normal();
      const t = u + rng.normal();
      const m = 1.5 * t + rng.normal();
      rows.push({ T: t, M: m, Y: 2 * m + 3 * u + rng.normal() });
    }
    const r = estimateEffect({
      dag: {
        nodes: ['T', 'M', 'Y'],
        edges: [
          ['T', 'M'],
          ['M', 'Y'],
        ],
      },
      bidirected: [['T', 'Y']],
      treatment: 'T',
      outcome: 'Y',
      data: rows,
      bootstrapSamples: 100,
      seed: 2,
      refute: false,
    });
    expect(r.method).toBe('frontdoor');
    expect(r.mediators).toEqual(['M']);
    expect(r.ci[0]).toBeLessThan(3);
    expect(r.ci[1]).toBeGreaterThan(3);
  });

  it('refuses a non-identifiable effect with the hedge', () => {
    try {
      estimateEffect({
        dag: { nodes: ['X', 'Y'], edges: [['X', 'Y']] },
        bidirected: [['X', 'Y']],
        treatment: 'X',
        outcome: 'Y',
        data: [
          { X: 1, Y: 1 },
          { X: 0, Y: 0 },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as IslError).code).toBe('ISL_NOT_IDENTIFIABLE');
      expect((e as IslError).details?.['hedge']).toEqual({ f: ['X', 'Y'], fPrime: ['Y'] });
    }
  });

  it('names the row and column of a missing value', () => {
    try {
      estimateEffect({
        dag,
        treatment: 'T',
        outcome: 'Y',
        data: [
          { Z: 1, T: 1, Y: 1 },
          { Z: 1, T: 0 },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as IslError).field).toBe('data[1].Y');
    }
  });
});

describe('parseCsv', () => {
  it('parses quoted cells, CRLF line ends and numbers', () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""",2.5\r\n')).toEqual([{ a: 1, b: 'x, "y"', c: 2.5 }]);
  });

  it('rejects a ragged line', () => {
    expect(() => parseCsv('a,b\n1\n')).toThrow(IslError);
  });
});

describe('estimateEffect with the ID estimand', () => {
  it('estimates the napkin effect from rows; the exact truth lies inside the interval', () => {
    // W <- U1 -> X, W <- U2 -> Y, W -> Z -> X -> Y with binary variables; U1, U2 hidden.
    const rng = new SeededRandom(11);
    const bern = (p: number): number => (rng.next() < p ? 1 : 0);
    const rows: DataRow[] = [];
    for (let i = 0; i < 20000; i++) {
      const u1 = bern(0.5);
      const u2 = bern(0.4);
      const w = bern(0.2 + 0.3 * u1 + 0.4 * u2);
      const z = bern(0.3 + 0.5 * w);
      const x = bern(0.1 + 0.4 * z + 0.4 * u1);
      rows.push({ W: w, Z: z, X: x, Y: bern(0.1 + 0.5 * x + 0.3 * u2) });
    }
    // Truth: E[Y | do(X = x)] = 0.1 + 0.5 x + 0.3 · P(U2 = 1), so the effect is exactly 0.5.
    const r = estimateEffect({
      dag: {
        nodes: ['W', 'Z', 'X', 'Y'],
        edges: [
          ['W', 'Z'],
          ['Z', 'X'],
          ['X', 'Y'],
        ],
      },
      bidirected: [
        ['W', 'X'],
        ['W', 'Y'],
      ],
      treatment: 'X',
      outcome: 'Y',
      data: rows,
      bootstrapSamples: 40,
      seed: 1,
      refute: false,
    });
    expect(r.method).toBe('id');
    expect(r.estimand).toBe('Σ_{W} [P(W) P(X | W, Z) P(Y | W, Z, X)] / Σ_{W} [P(W) P(X | W, Z)]');
    expect(r.ci[0]).toBeLessThan(0.5);
    expect(r.ci[1]).toBeGreaterThan(0.5);
    expect(r.armMeans.control.ci[0]).toBeLessThan(0.22);
    expect(r.armMeans.control.ci[1]).toBeGreaterThan(0.22);
  });
});
