import { describe, expect, it } from 'vitest';
import { identifyQuery } from './identify-query.js';
import { frontdoorDistribution, frontdoorQuery } from '../../../test/fixtures/requests.js';

describe('identifyQuery', () => {
  it("evaluates Pearl's frontdoor example on a joint table given as cells", () => {
    const r = identifyQuery({
      ...frontdoorQuery,
      distribution: frontdoorDistribution,
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
