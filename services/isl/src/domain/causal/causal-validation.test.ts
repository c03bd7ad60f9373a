import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { validateCausalQuery } from './causal-validation.js';

describe('validateCausalQuery', () => {
  it('reports the confounded graph as identifiable by backdoor with its open path', () => {
    const r = validateCausalQuery({
      dag: {
        nodes: ['C', 'B', 'X', 'Y'],
        edges: [
          ['C', 'B'],
          ['B', 'X'],
          ['C', 'Y'],
          ['X', 'Y'],
        ],
      },
      treatment: 'X',
      outcome: 'Y',
    });
    expect(r.status).toBe('identifiable');
    expect(r.strategy).toBe('backdoor');
    expect(r.adjustmentSets).toEqual([['C'], ['B']]);
    expect(r.minimalSet).toEqual(['C']);
    expect(r.backdoorPaths.map((p) => p.nodes)).toEqual([['X', 'B', 'C', 'Y']]);
    expect(r.explanation).toBe('Adjusting for {C} blocks all 1 open backdoor path(s) from X to Y.');
  });

  it('respects a latent confounder and reports cannot_identify with the hedge', () => {
    const r = validateCausalQuery({
      dag: {
        nodes: ['U', 'X', 'Y'],
        edges: [
          ['U', 'X'],
          ['U', 'Y'],
          ['X', 'Y'],
        ],
      },
      treatment: 'X',
      outcome: 'Y',
      latent: ['U'],
    });
    expect(r.status).toBe('cannot_identify');
    expect(r.minimalSet).toBeNull();
    expect(r.issues).toContain('X and Y share a hidden common cause');
    expect(r.identification.identifiable).toBe(false);
  });

  it('reports the IV graph as cannot_identify and names the instrument', () => {
    const r = validateCausalQuery({
      dag: {
        nodes: ['Z', 'X', 'Y'],
        edges: [
          ['Z', 'X'],
          ['X', 'Y'],
        ],
      },
      treatment: 'X',
      outcome: 'Y',
      bidirected: [['X', 'Y']],
    });
    expect(r.status).toBe('cannot_identify');
    expect(r.instrumentalVariables).toEqual([{ instrument: 'Z', conditionalOn: [] }]);
    expect(r.issues).toContain(
      'instrumental variable(s) Z identify the effect only under extra assumptions (linearity or monotonicity)',
    );
  });

  it('uses the frontdoor set when a bidirected edge blocks adjustment', () => {
    const r = validateCausalQuery({
      dag: {
        nodes: ['X', 'M', 'Y'],
        edges: [
          ['X', 'M'],
          ['M', 'Y'],
        ],
      },
      treatment: 'X',
      outcome: 'Y',
      bidirected: [['X', 'Y']],
    });
    expect(r.status).toBe('identifiable');
    expect(r.strategy).toBe('frontdoor');
    expect(r.frontdoorSets).toEqual([['M']]);
  });

  it('rejects a treatment that is not in the graph, naming the field', () => {
    try {
      validateCausalQuery({ dag: { nodes: ['X', 'Y'], edges: [['X', 'Y']] }, treatment: 'T', outcome: 'Y' });
      expect.unreachable();
    } catch (e) {
      expect((e as IslError).code).toBe('ISL_GRAPH_UNKNOWN_NODE');
      expect((e as IslError).field).toBe('treatment');
    }
  });
});
