import { describe, expect, it } from 'vitest';
import { validateModel } from './model-validation.js';

describe('validateModel', () => {
  it('passes a clean graph and matching structural model as excellent', () => {
    const result = validateModel({
      dag: {
        nodes: ['Price', 'Brand', 'Revenue'],
        edges: [
          ['Brand', 'Price'],
          ['Brand', 'Revenue'],
          ['Price', 'Revenue'],
        ],
      },
      structural_model: {
        variables: ['Price', 'Brand', 'Revenue'],
        equations: { Revenue: '100 - 2 * Price + 3 * Brand + U_R', Price: '10 + Brand + U_P', Brand: 'U_B' },
        distributions: {
          U_R: { type: 'normal', parameters: { mean: 0, std: 1 } },
          U_P: { type: 'normal', parameters: { mean: 0, std: 1 } },
          U_B: { type: 'normal', parameters: { mean: 0, std: 1 } },
        },
      },
      context: { treatment: 'Price', outcome: 'Revenue', domain: 'pricing' },
      validation_level: 'comprehensive',
    });
    expect(result.overall_quality).toBe('excellent');
    expect(result.quality_score).toBe(100);
    expect(result.suggestions).toEqual([]);
  });

  it('reports a cycle, a self-loop and a missing node as structural failures', () => {
    const result = validateModel({
      dag: {
        nodes: ['A', 'B'],
        edges: [
          ['A', 'B'],
          ['B', 'A'],
          ['A', 'A'],
          ['A', 'C'],
        ],
      },
      validation_level: 'basic',
    });
    const failed = result.validation_results.structural.checks
      .filter((c) => c.status === 'fail')
      .map((c) => c.name);
    expect(failed).toEqual(['edges_reference_nodes', 'no_self_loops', 'acyclic']);
    expect(result.overall_quality).toBe('poor');
    expect(result.suggestions.map((s) => s.type)).toEqual(['add_node', 'restructure']);
  });

  it('checks equations against edges and suggests the fixes', () => {
    const result = validateModel({
      dag: {
        nodes: ['X', 'Y', 'Z'],
        edges: [
          ['Z', 'Y'],
          ['X', 'Z'],
        ],
      },
      structural_model: { variables: ['X', 'Y', 'Z'], equations: { Y: '2 * X', Z: '1' } },
    });
    const checks = Object.fromEntries(
      result.validation_results.statistical.checks.map((c) => [c.name, c.status]),
    );
    expect(checks).toEqual({
      equations_valid: 'pass',
      equations_match_edges: 'fail',
      edges_used_by_equations: 'warning',
      noise_terms: 'warning',
      root_distributions: 'warning',
    });
    expect(result.suggestions.map((s) => s.description)).toEqual([
      'Add edge X→Y',
      'Remove edge Z→Y',
      'Remove edge X→Z',
    ]);
  });

  it('reports an invalid equation as a failed check rather than an error', () => {
    const result = validateModel({
      dag: { nodes: ['X', 'Y'], edges: [['X', 'Y']] },
      structural_model: { variables: ['X', 'Y'], equations: { Y: 'process.exit()' } },
    });
    expect(result.validation_results.statistical.checks[0]).toMatchObject({
      name: 'equations_valid',
      status: 'fail',
    });
    expect(result.validation_results.statistical.checks[0]?.description).toContain(
      'forbidden identifier "process"',
    );
  });

  it('rejects unreadable input naming the field', () => {
    expect(() =>
      validateModel({ dag: { nodes: ['A'], edges: [['A']] as unknown as [string, string][] } }),
    ).toThrow('dag.edges[0] must be [from, to]');
  });
});
