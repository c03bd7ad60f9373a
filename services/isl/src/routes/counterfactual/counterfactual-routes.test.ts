import { createService } from '@svc/kernel';
import type { BuiltService } from '@svc/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSensitivityRoutes } from '../sensitivity/sensitivity-routes.js';
import { registerCounterfactualRoutes } from './counterfactual-routes.js';

const events: string[] = [];
const testService = createService({
  name: 'isl-counterfactual-test',
  version: '0.0.0',
  routes(app) {
    registerCounterfactualRoutes(app, { prefix: '/api/v1', onEvent: (e) => events.push(e) });
    registerSensitivityRoutes(app, { prefix: '/api/v1', onEvent: (e) => events.push(e) });
  },
});

const normal01 = { type: 'normal', parameters: { mean: 0, std: 1 } };
const joe = {
  model: {
    variables: ['X', 'H', 'Y'],
    equations: { Y: '0.7 * X + 0.4 * H + U_Y', H: '0.5 * X + U_H', X: 'U_X' },
    distributions: { U_X: normal01, U_H: normal01, U_Y: normal01 },
  },
  intervention: { H: 2 },
  outcome: 'Y',
};

let service: BuiltService<unknown>;
beforeAll(async () => {
  service = await testService.build({ env: { LOG_LEVEL: 'silent' } });
});
afterAll(async () => {
  await service.close();
});

describe('POST /api/v1/causal/counterfactual', () => {
  it("answers Joe's counterfactual 1.90 and counts it", async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/causal/counterfactual',
      payload: { ...joe, evidence: { X: 0.5, H: 1, Y: 1.5 } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ prediction: { point_estimate: number } }>().prediction.point_estimate).toBe(1.9);
    expect(events).toContain('counterfactual');
  });

  it('gives byte-identical bodies for identical requests', async () => {
    const call = () =>
      service.app.inject({ method: 'POST', url: '/api/v1/causal/counterfactual', payload: joe });
    const [a, b] = [await call(), await call()];
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
    expect(a.json<{ prediction: { point_estimate: number } }>().prediction.point_estimate).toBe(0.8);
  });

  it.each([
    [
      'a cycle',
      { ...joe, model: { ...joe.model, equations: { ...joe.model.equations, X: 'Y + U_X' } } },
      'ISL_MODEL_CYCLE',
    ],
    [
      'an unknown symbol',
      { ...joe, model: { ...joe.model, equations: { ...joe.model.equations, X: 'Q' } } },
      'ISL_MODEL_UNKNOWN_SYMBOL',
    ],
    [
      'an injection',
      { ...joe, model: { ...joe.model, equations: { ...joe.model.equations, X: 'process.exit()' } } },
      'ISL_EXPRESSION_INVALID',
    ],
  ])('answers 400 for %s', async (_label, payload, code) => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/causal/counterfactual',
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe(code);
  });

  it('answers 400 naming the field for a schema violation', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/causal/counterfactual',
      payload: { ...joe, outcome: 3 },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('POST /api/v1/analysis/sensitivity', () => {
  it('returns tornado shares summing to 100 and the E-value', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/analysis/sensitivity',
      payload: {
        model: {
          variables: ['Price', 'Revenue'],
          equations: { Revenue: '10000 + sensitivity * Price' },
          distributions: { sensitivity: { type: 'normal', parameters: { mean: 500, std: 50 } } },
        },
        baseline_result: 51000,
        context: { Price: 82 },
        assumptions: [
          {
            name: 'Price sensitivity',
            variable: 'sensitivity',
            current_value: 500,
            type: 'parametric',
            variation_range: { min: 300, max: 700 },
          },
          { name: 'Price', current_value: 82, type: 'parametric', variation_range: { min: 70, max: 90 } },
        ],
        effect_estimates: [{ type: 'risk_ratio', estimate: 2 }],
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      conclusion: { base_case: number };
      tornado: { share: number }[];
      e_values: { e_value: number }[];
    }>();
    expect(body.conclusion.base_case).toBe(51000);
    expect(Math.round(body.tornado.reduce((s, b) => s + b.share, 0) * 100)).toBe(10000);
    expect(body.e_values[0]?.e_value.toFixed(4)).toBe('3.4142');
  });
});
