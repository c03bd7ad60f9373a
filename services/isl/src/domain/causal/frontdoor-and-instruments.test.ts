import { describe, expect, it } from 'vitest';
import { minimalFrontdoorSets, satisfiesFrontdoor } from './frontdoor-sets.js';
import { CausalGraph, buildCausalGraph } from './graph.js';
import { SeededRandom } from './seeded-random.js';
import { instrumentalVariables, isInstrument } from './instrumental-variables.js';

describe('minimalFrontdoorSets', () => {
  it('finds {M} in the frontdoor graph X->M->Y with X<->Y', () => {
    const g = buildCausalGraph({
      nodes: ['X', 'M', 'Y'],
      edges: [
        ['X', 'M'],
        ['M', 'Y'],
      ],
      bidirected: [['X', 'Y']],
    });
    expect(minimalFrontdoorSets(g, 'X', 'Y')).toEqual([['M']]);
  });

  it('rejects a mediator confounded with the outcome and a set missing a directed path', () => {
    const g = buildCausalGraph({
      nodes: ['X', 'M', 'N', 'Y'],
      edges: [
        ['X', 'M'],
        ['M', 'Y'],
        ['X', 'N'],
        ['N', 'Y'],
      ],
      bidirected: [['M', 'Y']],
    });
    expect(satisfiesFrontdoor(g, 'X', 'Y', ['M'])).toBe(false);
    expect(satisfiesFrontdoor(g, 'X', 'Y', ['N'])).toBe(false);
    expect(minimalFrontdoorSets(g, 'X', 'Y')).toEqual([]);
  });

  it('needs both parallel mediators together', () => {
    const g = buildCausalGraph({
      nodes: ['X', 'M', 'N', 'Y'],
      edges: [
        ['X', 'M'],
        ['M', 'Y'],
        ['X', 'N'],
        ['N', 'Y'],
      ],
      bidirected: [['X', 'Y']],
    });
    expect(minimalFrontdoorSets(g, 'X', 'Y')).toEqual([['M', 'N']]);
  });
});

describe('instrumentalVariables', () => {
  it('finds Z in the IV graph Z->X->Y with X<->Y', () => {
    const g = buildCausalGraph({
      nodes: ['Z', 'X', 'Y'],
      edges: [
        ['Z', 'X'],
        ['X', 'Y'],
      ],
      bidirected: [['X', 'Y']],
    });
    expect(instrumentalVariables(g, 'X', 'Y')).toEqual([{ instrument: 'Z', conditionalOn: [] }]);
  });

  it('finds a conditional instrument when Z and Y share an observed cause W', () => {
    const g = buildCausalGraph({
      nodes: ['W', 'Z', 'X', 'Y'],
      edges: [
        ['W', 'Z'],
        ['W', 'Y'],
        ['Z', 'X'],
        ['X', 'Y'],
      ],
      bidirected: [['X', 'Y']],
    });
    expect(isInstrument(g, 'X', 'Y', 'Z', [])).toBe(false);
    expect(instrumentalVariables(g, 'X', 'Y')).toEqual([{ instrument: 'Z', conditionalOn: ['W'] }]);
  });

  it('rejects a variable with a direct effect on the outcome', () => {
    const g = buildCausalGraph({
      nodes: ['Z', 'X', 'Y'],
      edges: [
        ['Z', 'X'],
        ['Z', 'Y'],
        ['X', 'Y'],
      ],
    });
    expect(instrumentalVariables(g, 'X', 'Y')).toEqual([]);
  });
});

describe('instrument and frontdoor oracle', () => {
  it('reports only valid instruments and frontdoor sets on 100 random ADMGs', () => {
    const rng = new SeededRandom(2718);
    let ivs = 0;
    let fds = 0;
    for (let t = 0; t < 100; t++) {
      const n = 5 + rng.int(3);
      const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
      const edges: [string, string][] = [];
      const bidirected: [string, string][] = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (rng.next() < 0.35) edges.push([`v${i}`, `v${j}`]);
          if (rng.next() < 0.1) bidirected.push([`v${i}`, `v${j}`]);
        }
      }
      const g = new CausalGraph(nodes, edges, bidirected);
      const x = `v${1 + rng.int(n - 2)}`;
      const y = `v${n - 1}`;
      for (const iv of instrumentalVariables(g, x, y)) {
        ivs++;
        expect(isInstrument(g, x, y, iv.instrument, iv.conditionalOn)).toBe(true);
        for (const drop of iv.conditionalOn) {
          const w = iv.conditionalOn.filter((m) => m !== drop);
          expect(isInstrument(g, x, y, iv.instrument, w)).toBe(false);
        }
      }
      const found = minimalFrontdoorSets(g, x, y);
      fds += found.length;
      // Brute force: every minimal set of mediators (nodes on directed x → y paths) satisfying the criterion.
      const de = g.descendants([x]);
      const an = g.ancestors([y]);
      const others = de.has(y) ? nodes.filter((v) => v !== x && v !== y && de.has(v) && an.has(v)) : [];
      const valid: string[][] = [];
      for (let m = 1; m < 1 << others.length; m++) {
        const z = others.filter((_, i) => (m >> i) & 1);
        if (satisfiesFrontdoor(g, x, y, z)) valid.push(z);
      }
      const minimal = valid.filter(
        (z) => !valid.some((w) => w.length < z.length && w.every((v) => z.includes(v))),
      );
      expect(found.map((z) => z.join(',')).sort()).toEqual(minimal.map((z) => z.join(',')).sort());
    }
    expect(ivs).toBeGreaterThan(10);
    expect(fds).toBeGreaterThan(0);
  });
});
