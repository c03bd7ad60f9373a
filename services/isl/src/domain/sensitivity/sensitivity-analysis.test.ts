import { describe, expect, it } from 'vitest';
import { sensitivityAnalysis } from './sensitivity-analysis.js';
import type { SensitivityRequest } from './sensitivity-analysis.js';

const request: SensitivityRequest = {
  model: {
    variables: ['Price', 'Profit'],
    equations: { Profit: 'margin * Price - fixed_cost' },
    distributions: {
      margin: { type: 'normal', parameters: { mean: 2, std: 0.1 } },
      fixed_cost: { type: 'constant', parameters: { value: 100 } },
    },
  },
  context: { Price: 60 },
  outcome: 'Profit',
  assumptions: [
    {
      name: 'Fixed cost',
      variable: 'fixed_cost',
      current_value: 100,
      type: 'parametric',
      variation_range: { min: 50, max: 150 },
    },
    {
      name: 'Margin',
      variable: 'margin',
      current_value: 2,
      type: 'parametric',
      variation_range: { min: 1, max: 3 },
    },
  ],
  effect_estimates: [{ type: 'risk_ratio', estimate: 2 }],
};

describe('sensitivityAnalysis', () => {
  it('re-runs the model over each range into tornado data whose shares sum to 100', () => {
    const result = sensitivityAnalysis(request);
    expect(result.conclusion).toEqual({ statement: 'Profit ≥ 0', base_case: 20, threshold: 0, holds: true });
    expect(result.tornado.map((b) => [b.name, b.low_outcome, b.high_outcome, b.swing, b.share])).toEqual([
      ['Margin', -40, 80, 120, 54.55],
      ['Fixed cost', 70, -30, 100, 45.45],
    ]);
    expect(result.assumptions.map((a) => a.impact)).toEqual([
      { if_wrong: 50, percentage: 45.45 },
      { if_wrong: 60, percentage: 54.55 },
    ]);
  });

  it('reports where the conclusion flips', () => {
    const result = sensitivityAnalysis(request);
    expect(result.robustness.breakpoints).toEqual([
      { assumption: 'Fixed cost', value: 120, threshold: 'If fixed_cost > 120, Profit falls below 0' },
      {
        assumption: 'Margin',
        value: 1.66666666667,
        threshold: 'If margin < 1.66666666667, Profit falls below 0',
      },
    ]);
    // The margin breakpoint is 1/6 of its range from the current value.
    expect(result.robustness.overall).toBe('fragile');
    expect(result.assumptions.every((a) => a.importance === 'critical')).toBe(true);
  });

  it('is robust when no range crosses the threshold', () => {
    const result = sensitivityAnalysis({ ...request, threshold: -100 });
    expect(result.robustness.overall).toBe('robust');
    expect(result.robustness.breakpoints).toEqual([]);
  });

  it('computes E-values for effect estimates', () => {
    expect(sensitivityAnalysis(request).e_values[0]?.e_value).toBe(3.41421356237);
  });

  it('names unknown assumption variables', () => {
    expect(() =>
      sensitivityAnalysis({ ...request, assumptions: [{ name: 'Elasticity', current_value: 1 }] }),
    ).toThrow('assumptions[0]: "Elasticity" is not a variable of the model');
  });
});
