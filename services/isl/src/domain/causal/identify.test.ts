import { describe, expect, it } from 'vitest';
import type { Cpt, DiscreteValue } from './discrete-distribution.js';
import { DiscreteDistribution } from './discrete-distribution.js';
import { evaluateEstimand, evaluateIdentified } from './estimand-evaluation.js';
import { CausalGraph, buildCausalGraph } from './graph.js';
import { identifyEffect } from './identify.js';
import { SeededRandom } from './seeded-random.js';
import { frontdoorCells } from '../../../test/fixtures/requests.js';

const g = (nodes: string[], edges: [string, string][], bidirected: [string, string][] = []): CausalGraph =>
  buildCausalGraph({ nodes, edges, bidirected });

describe('identifyEffect', () => {
  it('reports X->Y with X<->Y as not identifiable with the hedge {X, Y} ⊃ {Y}', () => {
    const r = identifyEffect(g(['X', 'Y'], [['X', 'Y']], [['X', 'Y']]), ['Y'], ['X']);
    expect(r.identifiable).toBe(false);
    if (!r.identifiable) expect(r.hedge).toEqual({ f: ['X', 'Y'], fPrime: ['Y'] });
  });

  it('identifies the frontdoor graph through M with the frontdoor formula', () => {
    const r = identifyEffect(
      g(
        ['X', 'M', 'Y'],
        [
          ['X', 'M'],
          ['M', 'Y'],
        ],
        [['X', 'Y']],
      ),
      ['Y'],
      ['X'],
    );
    expect(r.identifiable).toBe(true);
    if (r.identifiable) expect(r.formula).toBe("Σ_{M} [P(M | X) Σ_{X'} [P(X') P(Y | X', M)]]");
  });

  it('identifies the napkin graph (not by adjustment)', () => {
    const r = identifyEffect(
      g(
        ['W', 'Z', 'X', 'Y'],
        [
          ['W', 'Z'],
          ['Z', 'X'],
          ['X', 'Y'],
        ],
        [
          ['W', 'X'],
          ['W', 'Y'],
        ],
      ),
      ['Y'],
      ['X'],
    );
    expect(r.identifiable).toBe(true);
    if (r.identifiable) {
      expect(r.formula).toBe('Σ_{W} [P(W) P(X | W, Z) P(Y | W, Z, X)] / Σ_{W} [P(W) P(X | W, Z)]');
      expect(r.arbitrary).toEqual(['Z']);
    }
  });

  it('reports the IV graph Z->X->Y with X<->Y as not identifiable', () => {
    const r = identifyEffect(
      g(
        ['Z', 'X', 'Y'],
        [
          ['Z', 'X'],
          ['X', 'Y'],
        ],
        [['X', 'Y']],
      ),
      ['Y'],
      ['X'],
    );
    expect(r.identifiable).toBe(false);
  });

  it('reduces to backdoor adjustment when the confounder is observed', () => {
    const r = identifyEffect(
      g(
        ['Z', 'X', 'Y'],
        [
          ['Z', 'X'],
          ['Z', 'Y'],
          ['X', 'Y'],
        ],
      ),
      ['Y'],
      ['X'],
    );
    expect(r.identifiable && r.formula).toBe('Σ_{Z} [P(Z) P(Y | Z, X)]');
  });
});

function table(variables: string[], rows: [DiscreteValue[], number][]): DiscreteDistribution {
  return new DiscreteDistribution(
    variables,
    rows.map(([vals, p]) => ({
      values: Object.fromEntries(variables.map((v, i) => [v, vals[i] as DiscreteValue])),
      p,
    })),
  );
}

const bern = (
  variable: string,
  parents: string[],
  pTrue: (pa: Record<string, DiscreteValue>) => number,
): Cpt => ({
  variable,
  parents,
  values: [true, false],
  probabilities: (pa) => {
    const p = pTrue(pa);
    return [p, 1 - p];
  },
});

describe('evaluateEstimand known answers', () => {
  it('reproduces the kidney-stone effects 0.8325 and 0.7789 with the naive comparison reversed', () => {
    const counts: [DiscreteValue[], number][] = [
      [['A', 'small', 1], 81],
      [['A', 'small', 0], 6],
      [['A', 'large', 1], 192],
      [['A', 'large', 0], 71],
      [['B', 'small', 1], 234],
      [['B', 'small', 0], 36],
      [['B', 'large', 1], 55],
      [['B', 'large', 0], 25],
    ];
    const dist = table(['T', 'Z', 'Y'], counts);
    const r = identifyEffect(
      g(
        ['Z', 'T', 'Y'],
        [
          ['Z', 'T'],
          ['Z', 'Y'],
          ['T', 'Y'],
        ],
      ),
      ['Y'],
      ['T'],
    );
    if (!r.identifiable) throw new Error('expected identifiable');
    const doA = evaluateEstimand(r.estimand, dist, { T: 'A', Y: 1 });
    const doB = evaluateEstimand(r.estimand, dist, { T: 'B', Y: 1 });
    expect(doA.toFixed(4)).toBe('0.8325');
    expect(doB.toFixed(4)).toBe('0.7789');
    const naiveA = dist.conditional(['Y'], ['T'], { T: 'A', Y: 1 });
    const naiveB = dist.conditional(['Y'], ['T'], { T: 'B', Y: 1 });
    expect(naiveA.toFixed(4)).toBe('0.7800');
    expect(naiveB.toFixed(4)).toBe('0.8257');
    expect(Math.sign(doA - doB)).toBe(-Math.sign(naiveA - naiveB));
  });

  it("reproduces Pearl's smoking–tar–cancer frontdoor answers 0.4525 and 0.4975", () => {
    const rows: [DiscreteValue[], number][] = [];
    for (const [x, z, pxz, py] of frontdoorCells)
      rows.push([[x, z, 1], pxz * py], [[x, z, 0], pxz * (1 - py)]);
    const dist = table(['X', 'Z', 'Y'], rows);
    const r = identifyEffect(
      g(
        ['X', 'Z', 'Y'],
        [
          ['X', 'Z'],
          ['Z', 'Y'],
        ],
        [['X', 'Y']],
      ),
      ['Y'],
      ['X'],
    );
    if (!r.identifiable) throw new Error('expected identifiable');
    expect(evaluateEstimand(r.estimand, dist, { X: 1, Y: 1 }).toFixed(4)).toBe('0.4525');
    expect(evaluateEstimand(r.estimand, dist, { X: 0, Y: 1 }).toFixed(4)).toBe('0.4975');
  });

  it('reproduces the sprinkler answers P(wet | do(on)) = 0.945 against P(wet | on) = 0.927', () => {
    const dist = DiscreteDistribution.fromCpts([
      bern('Cloudy', [], () => 0.5),
      bern('Sprinkler', ['Cloudy'], (p) => (p['Cloudy'] ? 0.1 : 0.5)),
      bern('Rain', ['Cloudy'], (p) => (p['Cloudy'] ? 0.8 : 0.2)),
      bern('Wet', ['Sprinkler', 'Rain'], (p) =>
        p['Sprinkler'] && p['Rain'] ? 0.99 : p['Sprinkler'] || p['Rain'] ? 0.9 : 0,
      ),
    ]);
    const graph = g(
      ['Cloudy', 'Sprinkler', 'Rain', 'Wet'],
      [
        ['Cloudy', 'Sprinkler'],
        ['Cloudy', 'Rain'],
        ['Sprinkler', 'Wet'],
        ['Rain', 'Wet'],
      ],
    );
    const r = identifyEffect(graph, ['Wet'], ['Sprinkler']);
    if (!r.identifiable) throw new Error('expected identifiable');
    expect(evaluateEstimand(r.estimand, dist, { Sprinkler: true, Wet: true }).toFixed(4)).toBe('0.9450');
    expect(dist.conditional(['Wet'], ['Sprinkler'], { Sprinkler: true, Wet: true }).toFixed(4)).toBe(
      '0.9270',
    );
  });

  it('reproduces Asia: P(smoke | do(lung)) = 0.5 against 0.9091 observed', () => {
    const dist = DiscreteDistribution.fromCpts([
      bern('asia', [], () => 0.01),
      bern('smoke', [], () => 0.5),
      bern('tub', ['asia'], (p) => (p['asia'] ? 0.05 : 0.01)),
      bern('lung', ['smoke'], (p) => (p['smoke'] ? 0.1 : 0.01)),
      bern('bronc', ['smoke'], (p) => (p['smoke'] ? 0.6 : 0.3)),
      bern('either', ['tub', 'lung'], (p) => (p['tub'] || p['lung'] ? 1 : 0)),
      bern('xray', ['either'], (p) => (p['either'] ? 0.98 : 0.05)),
      bern('dysp', ['bronc', 'either'], (p) =>
        p['bronc'] ? (p['either'] ? 0.9 : 0.8) : p['either'] ? 0.7 : 0.1,
      ),
    ]);
    const graph = g(
      ['asia', 'smoke', 'tub', 'lung', 'bronc', 'either', 'xray', 'dysp'],
      [
        ['asia', 'tub'],
        ['smoke', 'lung'],
        ['smoke', 'bronc'],
        ['tub', 'either'],
        ['lung', 'either'],
        ['either', 'xray'],
        ['bronc', 'dysp'],
        ['either', 'dysp'],
      ],
    );
    const r = identifyEffect(graph, ['smoke'], ['lung']);
    if (!r.identifiable) throw new Error('expected identifiable');
    expect(r.formula).toBe('P(smoke)');
    expect(evaluateEstimand(r.estimand, dist, { lung: true, smoke: true }).toFixed(4)).toBe('0.5000');
    expect(dist.conditional(['smoke'], ['lung'], { lung: true, smoke: true }).toFixed(4)).toBe('0.9091');
  });
});

/** A random binary model over a DAG that may include latent nodes. */
function randomModel(rng: SeededRandom, nodes: string[], edges: [string, string][]): Cpt[] {
  return nodes.map((n) => {
    const parents = edges.filter(([, b]) => b === n).map(([a]) => a);
    const table = new Map<string, number>();
    return bern(n, parents, (pa) => {
      const key = parents.map((p) => String(pa[p])).join(',');
      let p = table.get(key);
      if (p === undefined) {
        p = 0.05 + 0.9 * rng.next();
        table.set(key, p);
      }
      return p;
    });
  });
}

/** Ground truth P(y = true | do(x = true)) by mutilating the full (latent-including) model. */
function truth(cpts: Cpt[], x: string, y: string, xv: boolean): number {
  const mutilated = cpts.map((c) => (c.variable === x ? bern(x, [], () => (xv ? 1 : 0)) : c));
  return DiscreteDistribution.fromCpts(mutilated).probability([y], { [y]: true });
}

describe('identifyEffect oracle', () => {
  it('matches the mutilated-model truth on the napkin graph with random CPTs', () => {
    const rng = new SeededRandom(7);
    const nodes = ['U1', 'U2', 'W', 'Z', 'X', 'Y'];
    const edges: [string, string][] = [
      ['U1', 'W'],
      ['U1', 'X'],
      ['U2', 'W'],
      ['U2', 'Y'],
      ['W', 'Z'],
      ['Z', 'X'],
      ['X', 'Y'],
    ];
    const cpts = randomModel(rng, nodes, edges);
    const full = DiscreteDistribution.fromCpts(cpts);
    const observed = ['W', 'Z', 'X', 'Y'];
    const obs = new DiscreteDistribution(
      observed,
      observed.length
        ? enumerate(observed).map((values) => ({ values, p: full.probability(observed, values) }))
        : [],
    );
    const r = identifyEffect(buildCausalGraph({ nodes, edges, latent: ['U1', 'U2'] }), ['Y'], ['X']);
    if (!r.identifiable) throw new Error('expected identifiable');
    for (const xv of [true, false]) {
      expect(evaluateIdentified(r, obs, { X: xv, Y: true })).toBeCloseTo(truth(cpts, 'X', 'Y', xv), 10);
    }
  });

  it('matches the truth on 60 random identifiable ADMGs and finds hedges only where adjustment also fails', () => {
    const rng = new SeededRandom(99);
    let identified = 0;
    let hedges = 0;
    for (let t = 0; t < 60; t++) {
      const n = 4 + rng.int(2);
      const obsNodes = Array.from({ length: n }, (_, i) => `v${i}`);
      const edges: [string, string][] = [];
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) if (rng.next() < 0.4) edges.push([`v${i}`, `v${j}`]);
      const latents: string[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (rng.next() < 0.2) {
            const u = `u${i}_${j}`;
            latents.push(u);
            edges.push([u, `v${i}`], [u, `v${j}`]);
          }
        }
      }
      const nodes = [...latents, ...obsNodes];
      const x = obsNodes[rng.int(n - 1)] as string;
      const y = obsNodes[n - 1] as string;
      const r = identifyEffect(buildCausalGraph({ nodes, edges, latent: latents }), [y], [x]);
      if (!r.identifiable) {
        hedges++;
        expect(r.hedge.fPrime.every((v) => r.hedge.f.includes(v))).toBe(true);
        continue;
      }
      identified++;
      const cpts = randomModel(rng, nodes, edges);
      const full = DiscreteDistribution.fromCpts(cpts);
      const obs = new DiscreteDistribution(
        obsNodes,
        enumerate(obsNodes).map((values) => ({ values, p: full.probability(obsNodes, values) })),
      );
      expect(evaluateIdentified(r, obs, { [x]: true, [y]: true })).toBeCloseTo(truth(cpts, x, y, true), 9);
    }
    expect(identified).toBeGreaterThan(20);
    expect(hedges).toBeGreaterThan(3);
  });
});

function enumerate(vars: string[]): Record<string, boolean>[] {
  let out: Record<string, boolean>[] = [{}];
  for (const v of vars)
    out = out.flatMap((a) => [
      { ...a, [v]: true },
      { ...a, [v]: false },
    ]);
  return out;
}

describe('identifyEffect limits', () => {
  it('refuses graphs over MAX_ID_NODES with ISL_GRAPH_TOO_LARGE', () => {
    const nodes = Array.from({ length: 51 }, (_, i) => `n${i}`);
    expect(() => identifyEffect(new CausalGraph(nodes, [['n0', 'n1']]), ['n1'], ['n0'])).toThrow(
      expect.objectContaining({ code: 'ISL_GRAPH_TOO_LARGE' }) as Error,
    );
  });
});
