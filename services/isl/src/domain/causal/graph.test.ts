import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { buildCausalGraph, findDirectedCycle } from './graph.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof IslError ? e.code : 'not-an-IslError';
  }
  return undefined;
}

describe('buildCausalGraph', () => {
  it('rejects a cycle and names it', () => {
    try {
      buildCausalGraph({
        nodes: ['A', 'B', 'C'],
        edges: [
          ['A', 'B'],
          ['B', 'C'],
          ['C', 'A'],
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IslError);
      const err = e as IslError;
      expect(err.code).toBe('ISL_GRAPH_CYCLE');
      expect(err.details?.['cycle']).toEqual(['A', 'B', 'C', 'A']);
      expect(err.message).toContain('A -> B -> C -> A');
    }
  });

  it('rejects a self-loop, a duplicate node and an unknown node with their fields', () => {
    expect(codeOf(() => buildCausalGraph({ nodes: ['A'], edges: [['A', 'A']] }))).toBe('ISL_GRAPH_SELF_LOOP');
    expect(codeOf(() => buildCausalGraph({ nodes: ['A', 'A'], edges: [] }))).toBe('ISL_GRAPH_DUPLICATE_NODE');
    expect(codeOf(() => buildCausalGraph({ nodes: ['A'], edges: [['A', 'Q']] }))).toBe(
      'ISL_GRAPH_UNKNOWN_NODE',
    );
    expect(codeOf(() => buildCausalGraph({ nodes: ['A'], edges: [], bidirected: [['A', 'Q']] }))).toBe(
      'ISL_GRAPH_UNKNOWN_NODE',
    );
    try {
      buildCausalGraph({
        nodes: ['A', 'B'],
        edges: [
          ['A', 'B'],
          ['B', 'Z'],
        ],
      });
    } catch (e) {
      expect((e as IslError).field).toBe('dag.edges[1]');
      expect((e as IslError).statusCode).toBe(400);
    }
  });

  it('projects a latent common cause into a bidirected edge between its children', () => {
    const g = buildCausalGraph({
      nodes: ['U', 'X', 'Y'],
      edges: [
        ['U', 'X'],
        ['U', 'Y'],
        ['X', 'Y'],
      ],
      latent: ['U'],
    });
    expect(g.nodes).toEqual(['X', 'Y']);
    expect(g.directedEdges()).toEqual([['X', 'Y']]);
    expect(g.bidirectedEdges()).toEqual([['X', 'Y']]);
  });

  it('projects a latent mediator into a directed edge and treats unlisted nodes as latent when observed is given', () => {
    const g = buildCausalGraph({
      nodes: ['X', 'L', 'Y', 'U'],
      edges: [
        ['X', 'L'],
        ['L', 'Y'],
        ['U', 'L'],
        ['U', 'X'],
      ],
      observed: ['X', 'Y'],
    });
    expect(g.directedEdges()).toEqual([['X', 'Y']]);
    expect(g.bidirectedEdges()).toEqual([['X', 'Y']]);
  });

  it('computes c-components and a topological order', () => {
    const g = buildCausalGraph({
      nodes: ['W', 'Z', 'X', 'Y'],
      edges: [
        ['W', 'Z'],
        ['Z', 'X'],
        ['X', 'Y'],
      ],
      bidirected: [
        ['W', 'X'],
        ['W', 'Y'],
      ],
    });
    expect(g.cComponents()).toEqual([['W', 'X', 'Y'], ['Z']]);
    expect(g.topologicalOrder()).toEqual(['W', 'Z', 'X', 'Y']);
  });
});

describe('findDirectedCycle', () => {
  it('returns undefined for a DAG', () => {
    expect(findDirectedCycle(['a', 'b'], [['a', 'b']])).toBeUndefined();
  });
});
