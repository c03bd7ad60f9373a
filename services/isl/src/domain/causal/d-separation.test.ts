import { describe, expect, it } from 'vitest';
import { MAX_ENUMERATED_PATHS, openBackdoorPaths } from './backdoor-paths.js';
import { isDSeparated } from './d-separation.js';
import { buildCausalGraph } from './graph.js';
import { mBiasDag } from '../../../test/fixtures/requests.js';

const mBias = buildCausalGraph(mBiasDag);

describe('isDSeparated', () => {
  it('blocks a chain and a fork by conditioning and opens a collider', () => {
    const g = buildCausalGraph({
      nodes: ['A', 'B', 'C', 'D'],
      edges: [
        ['A', 'B'],
        ['B', 'C'],
        ['A', 'D'],
        ['C', 'D'],
      ],
    });
    expect(isDSeparated(g, ['A'], ['C'], ['B'])).toBe(true);
    expect(isDSeparated(g, ['A'], ['C'], [])).toBe(false);
    expect(isDSeparated(g, ['B'], ['D'], ['A', 'C'])).toBe(true);
    expect(isDSeparated(g, ['B'], ['D'], ['A'])).toBe(false);
  });

  it('opens the M-bias collider when M is conditioned on', () => {
    const gx = mBias.withoutOutgoing(['X']);
    expect(isDSeparated(gx, ['X'], ['Y'], [])).toBe(true);
    expect(isDSeparated(gx, ['X'], ['Y'], ['M'])).toBe(false);
    expect(isDSeparated(gx, ['X'], ['Y'], ['M', 'A'])).toBe(true);
  });

  it('treats a bidirected edge as a hidden common parent', () => {
    const g = buildCausalGraph({ nodes: ['X', 'Y', 'Z'], edges: [['X', 'Z']], bidirected: [['Z', 'Y']] });
    expect(isDSeparated(g, ['X'], ['Y'], [])).toBe(true);
    expect(isDSeparated(g, ['X'], ['Y'], ['Z'])).toBe(false);
    const c = buildCausalGraph({ nodes: ['X', 'Y'], edges: [], bidirected: [['X', 'Y']] });
    expect(isDSeparated(c, ['X'], ['Y'], [])).toBe(false);
  });
});

describe('openBackdoorPaths', () => {
  it('lists both backdoor paths of C->B->X, C->Y as node lists', () => {
    const g = buildCausalGraph({
      nodes: ['C', 'B', 'X', 'Y'],
      edges: [
        ['C', 'B'],
        ['B', 'X'],
        ['C', 'Y'],
        ['X', 'Y'],
      ],
    });
    const r = openBackdoorPaths(g, 'X', 'Y');
    expect(r.paths.map((p) => p.nodes)).toEqual([['X', 'B', 'C', 'Y']]);
    expect(r.paths[0]?.text).toBe('X <- B <- C -> Y');
    expect(openBackdoorPaths(g, 'X', 'Y', ['B']).paths).toEqual([]);
  });

  it('finds no open path in M-bias until M is conditioned on', () => {
    expect(openBackdoorPaths(mBias, 'X', 'Y').paths).toEqual([]);
    expect(openBackdoorPaths(mBias, 'X', 'Y', ['M']).paths.map((p) => p.text)).toEqual([
      'X <- A -> M <- B -> Y',
    ]);
  });

  it('reports a bidirected edge between treatment and outcome', () => {
    const g = buildCausalGraph({ nodes: ['X', 'Y'], edges: [['X', 'Y']], bidirected: [['X', 'Y']] });
    expect(openBackdoorPaths(g, 'X', 'Y').paths.map((p) => p.text)).toEqual(['X <-> Y']);
  });
});

describe('openBackdoorPaths limits', () => {
  it('stops at MAX_ENUMERATED_PATHS on a complete DAG and says so', () => {
    const nodes = Array.from({ length: 10 }, (_, i) => `v${i}`);
    const edges: [string, string][] = [];
    for (let i = 0; i < 10; i++) for (let j = i + 1; j < 10; j++) edges.push([`v${i}`, `v${j}`]);
    const r = openBackdoorPaths(buildCausalGraph({ nodes, edges }), 'v8', 'v9');
    expect(r.truncated).toBe(true);
    expect(r.paths).toHaveLength(MAX_ENUMERATED_PATHS);
  });
});
