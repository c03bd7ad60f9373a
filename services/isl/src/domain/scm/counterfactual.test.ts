import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { counterfactual } from './counterfactual.js';
import type { CounterfactualRequest } from './counterfactual.js';

const normal01 = { type: 'normal', parameters: { mean: 0, std: 1 } };

// Pearl, Glymour & Jewell, Causal Inference in Statistics: A Primer, §4.2.3 (the encouragement design).
const joeModel = {
  variables: ['X', 'H', 'Y'],
  equations: { Y: '0.7 * X + 0.4 * H + U_Y', H: '0.5 * X + U_H', X: 'U_X' },
  distributions: { U_X: normal01, U_H: normal01, U_Y: normal01 },
};

function errorOf(fn: () => unknown): IslError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IslError) return e;
    throw e;
  }
  throw new Error('expected an IslError');
}

describe('counterfactual', () => {
  it("reproduces Joe's counterfactual Y_{H=2} = 1.90 by abduction", () => {
    const result = counterfactual({
      model: joeModel,
      intervention: { H: 2 },
      outcome: 'Y',
      evidence: { X: 0.5, H: 1, Y: 1.5 },
    });
    expect(result.method).toBe('abduction_action_prediction');
    expect(result.prediction.point_estimate).toBe(1.9);
    expect(result.prediction.confidence_interval).toEqual({ lower: 1.9, upper: 1.9, confidence_level: 0.95 });
    expect(result.prediction.baseline).toBe(1.5);
    expect(result.prediction.effect).toBe(0.4);
    expect(result.simulation.exact).toBe(true);
    expect(result.robustness.robustness_score).toBe(1);
  });

  it('gives E[Y | do(H=2)] = 0.80 without evidence', () => {
    const result = counterfactual({ model: joeModel, intervention: { H: 2 }, outcome: 'Y' });
    expect(result.method).toBe('interventional_monte_carlo');
    expect(result.prediction.point_estimate).toBe(0.8);
    // Var(Y | do(H=2)) = 0.49 + 1 = 1.49; the 95% interval is about ±1.96·1.2207.
    expect(result.prediction.confidence_interval.lower).toBeCloseTo(0.8 - 2.3925, 0);
    expect(result.prediction.confidence_interval.upper).toBeCloseTo(0.8 + 2.3925, 0);
    expect(result.uncertainty.sources.map((s) => s.factor)).toEqual(['U_Y', 'U_X']);
    // U_Y carries 1 / 1.49 = 67.1% of the variance; Monte Carlo error is a few points.
    expect(Math.abs((result.uncertainty.sources[0]?.variance_share ?? 0) - 67.1)).toBeLessThan(3);
  });

  it('gives Y = 10 + 2X under do(X=10) = 30 exactly, equations in any order', () => {
    const request: CounterfactualRequest = {
      model: { variables: ['X', 'Z', 'Y'], equations: { Y: 'Z + 2 * X', Z: '10' } },
      intervention: { X: 10 },
      outcome: 'Y',
    };
    const result = counterfactual(request);
    expect(result.prediction.point_estimate).toBe(30);
    expect(result.prediction.confidence_interval).toEqual({ lower: 30, upper: 30, confidence_level: 0.95 });
    expect(result.prediction.sensitivity_range.optimistic).toBe(30);
  });

  it('returns a byte-identical response for an identical request', () => {
    const request: CounterfactualRequest = { model: joeModel, intervention: { H: 2 }, outcome: 'Y' };
    const reordered: CounterfactualRequest = { outcome: 'Y', intervention: { H: 2 }, model: joeModel };
    const first = JSON.stringify(counterfactual(request));
    expect(JSON.stringify(counterfactual(structuredClone(request)))).toBe(first);
    expect(JSON.stringify(counterfactual(reordered))).toBe(first);
    expect(JSON.stringify(counterfactual({ ...request, seed: 7 }))).not.toBe(first);
  });

  it('computes robustness from the model instead of a constant', () => {
    const model = (noise: number) => ({
      variables: ['X', 'Y'],
      equations: { Y: '0.1 * X + U' },
      distributions: { U: { type: 'normal', parameters: { mean: 0, std: noise } } },
    });
    const tight = counterfactual({
      model: model(0.01),
      intervention: { X: 1 },
      outcome: 'Y',
      context: { X: 0 },
    });
    const loose = counterfactual({
      model: model(10),
      intervention: { X: 1 },
      outcome: 'Y',
      context: { X: 0 },
    });
    // With unit-level noise unchanged by the intervention every unit moves by +0.1: the direction holds.
    expect(tight.robustness.robustness_score).toBe(1);
    expect(loose.robustness.robustness_score).toBe(1);
    // Interval-based robustness when the factual value of X is unknown differs with the noise.
    const a = counterfactual({ model: model(0.01), intervention: { X: 1 }, outcome: 'Y' });
    const b = counterfactual({ model: model(10), intervention: { X: 1 }, outcome: 'Y' });
    expect(a.robustness.robustness_score).toBeGreaterThan(0.5);
    expect(b.robustness.robustness_score).toBeLessThan(0.01);
    expect(b.robustness.score).toBe('fragile');
  });

  it('inverts non-additive noise numerically', () => {
    // Y = exp(X + U), observed X = 0, Y = e: U = 1; under do(X = 1), Y = e^2.
    const result = counterfactual({
      model: { variables: ['X', 'Y'], equations: { Y: 'exp(X + U)' }, distributions: { U: normal01 } },
      intervention: { X: 1 },
      outcome: 'Y',
      evidence: { X: 0, Y: Math.E },
    });
    expect(result.prediction.point_estimate).toBeCloseTo(Math.E ** 2, 9);
  });

  it('weights samples when evidence leaves some noise random', () => {
    // Y = X + U1 + U2 with U1, U2 ~ N(0,1), observe X = 0, Y = 2: posterior E[U1 + U2 | Y] = 2, so
    // under do(X = 1), E[Y] = 3.
    const result = counterfactual({
      model: {
        variables: ['X', 'Y'],
        equations: { Y: 'X + U1 + U2' },
        distributions: { U1: normal01, U2: normal01 },
      },
      intervention: { X: 1 },
      outcome: 'Y',
      evidence: { X: 0, Y: 2 },
      samples: 4000,
    });
    expect(result.prediction.point_estimate).toBeCloseTo(3, 9);
  });

  it('rejects evidence the model cannot produce', () => {
    const error = errorOf(() =>
      counterfactual({
        model: { variables: ['X', 'Y'], equations: { Y: '2 * X' } },
        intervention: { X: 1 },
        outcome: 'Y',
        evidence: { X: 1, Y: 5 },
      }),
    );
    expect(error.code).toBe('ISL_EVIDENCE_INCONSISTENT');
    expect(error.field).toBe('evidence.Y');
  });

  it('rejects unknown variables and missing inputs naming the field', () => {
    expect(
      errorOf(() => counterfactual({ model: joeModel, intervention: { Q: 1 }, outcome: 'Y' })).field,
    ).toBe('intervention.Q');
    expect(
      errorOf(() => counterfactual({ model: joeModel, intervention: { H: 1 }, outcome: 'Nope' })).field,
    ).toBe('outcome.Nope');
    expect(
      errorOf(() =>
        counterfactual({
          model: { variables: ['P', 'R'], equations: { R: '2 * P' } },
          intervention: {},
          outcome: 'R',
        }),
      ).field,
    ).toBe('context.P');
  });

  it('refuses injection through request keys and equations', () => {
    const polluted = JSON.parse('{"__proto__": 1}') as Record<string, number>;
    expect(
      errorOf(() => counterfactual({ model: joeModel, intervention: polluted, outcome: 'Y' })).code,
    ).toBe('ISL_MODEL_UNKNOWN_SYMBOL');
    const evil = {
      ...joeModel,
      equations: { ...joeModel.equations, Y: 'constructor.constructor("return process")()' },
    };
    expect(errorOf(() => counterfactual({ model: evil, intervention: { H: 2 }, outcome: 'Y' })).code).toBe(
      'ISL_EXPRESSION_INVALID',
    );
  });

  it('rejects samples whose discrete noise contradicts the evidence', () => {
    // X = B with B ~ Bernoulli(0.5); Y = 2X + U. Evidence X = 1, Y = 3 keeps only B = 1 and solves U = 1,
    // so Y under do(X = 0) is exactly 1.
    const result = counterfactual({
      model: {
        variables: ['X', 'Y'],
        equations: { X: 'B', Y: '2 * X + U' },
        distributions: { B: { type: 'bernoulli', parameters: { p: 0.5 } }, U: normal01 },
      },
      intervention: { X: 0 },
      outcome: 'Y',
      evidence: { X: 1, Y: 3 },
      samples: 200,
    });
    expect(result.prediction.point_estimate).toBe(1);
    expect(result.simulation.exact).toBe(false);
    expect(result.simulation.effective_sample_size).toBeGreaterThan(50);
    expect(result.simulation.effective_sample_size).toBeLessThan(150);
  });
});
