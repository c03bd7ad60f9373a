import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { minimalAdjustmentSets, satisfiesBackdoor } from './adjustment-sets.js';
import { CausalGraph, buildCausalGraph } from './graph.js';
import { SeededRandom } from './seeded-random.js';
import { mBiasDag } from '../../../test/fixtures/requests.js';

describe('minimalAdjustmentSets', () => {
  it('returns the empty set as the unique minimal set for M-bias', () => {
    const g = buildCausalGraph(mBiasDag);
    expect(minimalAdjustmentSets(g, 'X', 'Y')).toEqual({ sets: [[]], minimalSet: [], truncated: false });
  });

  it('returns {A, B, C} for three confounders', () => {
    const g = buildCausalGraph({
      nodes: ['A', 'B', 'C', 'X', 'Y'],
      edges: [
        ['A', 'X'],
        ['A', 'Y'],
        ['B', 'X'],
        ['B', 'Y'],
        ['C', 'X'],
        ['C', 'Y'],
        ['X', 'Y'],
      ],
    });
    expect(minimalAdjustmentSets(g, 'X', 'Y').sets).toEqual([['A', 'B', 'C']]);
  });

  it('returns {B} and {C} for C->B->X, C->Y with the minimal set chosen by graph order', () => {
    const g = buildCausalGraph({
      nodes: ['C', 'B', 'X', 'Y'],
      edges: [
        ['C', 'B'],
        ['B', 'X'],
        ['C', 'Y'],
        ['X', 'Y'],
      ],
    });
    const r = minimalAdjustmentSets(g, 'X', 'Y');
    expect(r.sets).toEqual([['C'], ['B']]);
    expect(r.minimalSet).toEqual(['C']);
  });

  it('finds no set when treatment and outcome are confounded by a hidden cause', () => {
    const g = buildCausalGraph({
      nodes: ['X', 'Y', 'Z'],
      edges: [
        ['X', 'Y'],
        ['Z', 'X'],
        ['Z', 'Y'],
      ],
      bidirected: [['X', 'Y']],
    });
    expect(minimalAdjustmentSets(g, 'X', 'Y')).toEqual({ sets: [], minimalSet: null, truncated: false });
  });

  it('never adjusts for a latent node or a descendant of the treatment', () => {
    const g = buildCausalGraph({
      nodes: ['U', 'W', 'X', 'M', 'Y'],
      edges: [
        ['U', 'W'],
        ['W', 'X'],
        ['U', 'Y'],
        ['X', 'M'],
        ['M', 'Y'],
      ],
      latent: ['U'],
    });
    expect(minimalAdjustmentSets(g, 'X', 'Y').sets).toEqual([['W']]);
  });

  it('refuses graphs beyond the enumeration limit', () => {
    const nodes = Array.from({ length: 51 }, (_, i) => `n${i}`);
    const g = new CausalGraph(nodes, []);
    expect(() => minimalAdjustmentSets(g, 'n0', 'n1')).toThrow(IslError);
  });
});

/** Random DAG over n nodes: each forward pair is an edge with probability p. */
function randomDag(rng: SeededRandom, n: number, p: number): CausalGraph {
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const edges: [string, string][] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (rng.next() < p) edges.push([`v${i}`, `v${j}`]);
  return new CausalGraph(nodes, edges);
}

/** Every minimal backdoor set by brute force over all subsets of the allowed nodes. */
function bruteForce(g: CausalGraph, x: string, y: string): string[] {
  const de = g.descendants([x]);
  const cand = g.nodes.filter((n) => n !== x && n !== y && !de.has(n));
  const valid: string[][] = [];
  for (let mask = 0; mask < 1 << cand.length; mask++) {
    const z = cand.filter((_, i) => (mask >> i) & 1);
    if (satisfiesBackdoor(g, x, y, z)) valid.push(z);
  }
  const minimal = valid.filter(
    (z) => !valid.some((w) => w.length < z.length && w.every((n) => z.includes(n))),
  );
  return minimal.map((z) => [...z].sort().join(',')).sort();
}

describe('minimalAdjustmentSets oracle', () => {
  it('returns on 200 random DAGs exactly the minimal sets that satisfy the backdoor criterion', () => {
    const rng = new SeededRandom(20261123);
    let nonTrivial = 0;
    for (let t = 0; t < 200; t++) {
      const n = 5 + rng.int(5);
      const g = randomDag(rng, n, 0.25 + rng.next() * 0.35);
      const i = rng.int(n - 1);
      const j = i + 1 + rng.int(n - i - 1);
      const x = `v${i}`;
      const y = `v${j}`;
      const r = minimalAdjustmentSets(g, x, y);
      for (const z of r.sets) {
        expect(satisfiesBackdoor(g, x, y, z)).toBe(true);
        for (const drop of z)
          expect(
            satisfiesBackdoor(
              g,
              x,
              y,
              z.filter((m) => m !== drop),
            ),
          ).toBe(false);
      }
      expect(r.sets.map((z) => [...z].sort().join(',')).sort()).toEqual(bruteForce(g, x, y));
      if (r.sets.some((z) => z.length > 0)) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(50);
  });
});

describe('minimalAdjustmentSets oracle on ADMGs', () => {
  it('matches brute force on 100 random graphs with hidden confounders', () => {
    const rng = new SeededRandom(314);
    let none = 0;
    for (let t = 0; t < 100; t++) {
      const n = 5 + rng.int(4);
      const dag = randomDag(rng, n, 0.3);
      const bidirected: [string, string][] = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) if (rng.next() < 0.12) bidirected.push([`v${i}`, `v${j}`]);
      }
      const g = new CausalGraph(dag.nodes, dag.directedEdges(), bidirected);
      const x = `v${rng.int(n - 1)}`;
      const y = `v${n - 1}`;
      const r = minimalAdjustmentSets(g, x, y);
      expect(r.sets.map((z) => [...z].sort().join(',')).sort()).toEqual(bruteForce(g, x, y));
      if (r.minimalSet === null) none++;
    }
    expect(none).toBeGreaterThan(5);
  });
});
