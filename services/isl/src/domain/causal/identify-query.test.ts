import { describe, expect, it } from 'vitest';
import { identifyQuery } from './identify-query.js';

describe('identifyQuery', () => {
  it("evaluates Pearl's frontdoor example on a joint table given as cells", () => {
    const cells: [number, number, number, number][] = [
      [0, 0, 0.475, 0.1],
      [1, 0, 0.025, 0.9],
      [0, 1, 0.025, 0.05],
      [1, 1, 0.475, 0.85],
    ];
    const distribution = cells.flatMap(([x, z, pxz, py]) => [
      { values: { X: x, Z: z, Y: 1 }, p: pxz * py },
      { values: { X: x, Z: z, Y: 0 }, p: pxz * (1 - py) },
    ]);
    const r = identifyQuery({
      dag: {
        nodes: ['X', 'Z', 'Y'],
        edges: [
          ['X', 'Z'],
          ['Z', 'Y'],
        ],
      },
      bidirected: [['X', 'Y']],
      treatment: 'X',
      outcome: 'Y',
      distribution,
      interventionValues: { X: 1 },
    });
    expect(r.identifiable).toBe(true);
    expect(r.interventional?.['1']?.toFixed(4)).toBe('0.4525');
    expect(r.interventional?.['0']?.toFixed(4)).toBe('0.5475');
  });

  it('returns the hedge for a latent confounder given as a node', () => {
    const r = identifyQuery({
      dag: {
        nodes: ['U', 'X', 'Y'],
        edges: [
          ['U', 'X'],
          ['U', 'Y'],
          ['X', 'Y'],
        ],
      },
      latent: ['U'],
      treatment: ['X'],
      outcome: ['Y'],
    });
    expect(r.identifiable).toBe(false);
    if (!r.identifiable) expect(r.hedge).toEqual({ f: ['X', 'Y'], fPrime: ['Y'] });
  });
});
