import { createService } from '@svc/kernel';
import type { BuiltService } from '@svc/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CausalEvent } from './causal-routes.js';
import { registerCausalRoutes } from './causal-routes.js';
import { frontdoorDistribution, frontdoorQuery } from '../../../test/fixtures/requests.js';

const events: CausalEvent[] = [];
const testService = createService({
  name: 'isl-causal-test',
  version: '0.0.0',
  routes(app) {
    registerCausalRoutes(app, { prefix: '/api/v1', onEvent: (e) => events.push(e) });
  },
});

let service: BuiltService<unknown>;
beforeAll(async () => {
  service = await testService.build({ env: { LOG_LEVEL: 'silent' } });
});
afterAll(async () => {
  await service.close();
});

const post = (path: string, payload: unknown) =>
  service.app.inject({
    method: 'POST',
    url: `/api/v1/causal/${path}`,
    payload: payload as Record<string, unknown>,
  });

describe('POST /api/v1/causal/validate', () => {
  it('lists every minimal adjustment set, the minimal set and the open backdoor paths', async () => {
    const response = await post('validate', {
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
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body['status']).toBe('identifiable');
    expect(body['adjustment_sets']).toEqual([['C'], ['B']]);
    expect(body['minimal_set']).toEqual(['C']);
    expect(body['backdoor_paths']).toEqual([{ nodes: ['X', 'B', 'C', 'Y'], path: 'X <- B <- C -> Y' }]);
    expect(events).toContain('causal_validation');
  });

  it('answers cannot_identify for a hidden confounder given as a latent node', async () => {
    const response = await post('validate', {
      dag: {
        nodes: ['U', 'X', 'Y'],
        edges: [
          ['U', 'X'],
          ['U', 'Y'],
          ['X', 'Y'],
        ],
      },
      latent: ['U'],
      treatment: 'X',
      outcome: 'Y',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Record<string, unknown>>()['status']).toBe('cannot_identify');
  });

  it.each([
    [
      'a cycle',
      {
        nodes: ['A', 'B', 'X', 'Y'],
        edges: [
          ['A', 'B'],
          ['B', 'A'],
          ['X', 'Y'],
        ],
      },
      'ISL_GRAPH_CYCLE',
    ],
    ['a self-loop', { nodes: ['X', 'Y'], edges: [['X', 'X']] }, 'ISL_GRAPH_SELF_LOOP'],
    ['a duplicate node', { nodes: ['X', 'Y', 'X'], edges: [] }, 'ISL_GRAPH_DUPLICATE_NODE'],
    ['an unknown node', { nodes: ['X', 'Y'], edges: [['X', 'Q']] }, 'ISL_GRAPH_UNKNOWN_NODE'],
  ])('answers 400 for %s', async (_, dag, code) => {
    const response = await post('validate', { dag, treatment: 'X', outcome: 'Y' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe(code);
  });

  it('names the cycle in the message', async () => {
    const response = await post('validate', {
      dag: {
        nodes: ['A', 'B', 'X', 'Y'],
        edges: [
          ['A', 'B'],
          ['B', 'A'],
        ],
      },
      treatment: 'X',
      outcome: 'Y',
    });
    expect(response.json<{ message: string; details: unknown }>()).toMatchObject({
      message: 'graph has a directed cycle: A -> B -> A',
      details: { cycle: ['A', 'B', 'A'] },
    });
  });
});

describe('POST /api/v1/causal/identify', () => {
  it('identifies the frontdoor graph and evaluates 0.4525 on the joint table', async () => {
    const response = await post('identify', {
      ...frontdoorQuery,
      distribution: frontdoorDistribution,
      intervention: { X: 1 },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ formula: string; interventional_distribution: Record<string, number> }>();
    expect(body.formula).toBe("Σ_{Z} [P(Z | X) Σ_{X'} [P(X') P(Y | X', Z)]]");
    expect(body.interventional_distribution['1']?.toFixed(4)).toBe('0.4525');
  });

  it('returns the hedge when the effect is not identifiable', async () => {
    const response = await post('identify', {
      dag: {
        nodes: ['Z', 'X', 'Y'],
        edges: [
          ['Z', 'X'],
          ['X', 'Y'],
        ],
      },
      bidirected: [['X', 'Y']],
      treatment: 'X',
      outcome: 'Y',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Record<string, unknown>>()).toMatchObject({
      status: 'cannot_identify',
      identifiable: false,
      hedge: { F: ['X', 'Y'], F_prime: ['Y'] },
    });
  });
});

describe('POST /api/v1/causal/estimate', () => {
  const groups: [string, string, number, number][] = [
    ['A', 'small', 81, 87],
    ['A', 'large', 192, 263],
    ['B', 'small', 234, 270],
    ['B', 'large', 55, 80],
  ];
  const lines = ['treatment,size,success'];
  for (const [t, z, ok, n] of groups) for (let i = 0; i < n; i++) lines.push(`${t},${z},${i < ok ? 1 : 0}`);
  const kidney = {
    dag: {
      nodes: ['size', 'treatment', 'success'],
      edges: [
        ['size', 'treatment'],
        ['size', 'success'],
        ['treatment', 'success'],
      ],
    },
    treatment: 'treatment',
    outcome: 'success',
    csv: lines.join('\n'),
    bootstrap_samples: 50,
    seed: 4,
  };

  it('estimates the kidney-stone arms 0.8325 and 0.7789 from CSV, identically twice', async () => {
    const [a, b] = [await post('estimate', kidney), await post('estimate', kidney)];
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
    const body = a.json<{ arm_means: Record<string, { value: string; mean: number }>; method: string }>();
    expect(body.method).toBe('backdoor.stratification');
    expect(body.arm_means['control']?.value).toBe('A');
    expect(body.arm_means['control']?.mean.toFixed(4)).toBe('0.8325');
    expect(body.arm_means['treated']?.mean.toFixed(4)).toBe('0.7789');
    expect(events).toContain('causal_estimation');
  });

  it('answers 422 with the hedge when no estimator can be justified', async () => {
    const response = await post('estimate', {
      dag: { nodes: ['X', 'Y'], edges: [['X', 'Y']] },
      bidirected: [['X', 'Y']],
      treatment: 'X',
      outcome: 'Y',
      data: [
        { X: 1, Y: 1 },
        { X: 0, Y: 0 },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<{ code: string }>().code).toBe('ISL_NOT_IDENTIFIABLE');
  });

  it('answers 400 naming the row of a missing value', async () => {
    const response = await post('estimate', {
      ...kidney,
      csv: undefined,
      data: [
        { size: 'small', treatment: 'A', success: 1 },
        { size: 'small', treatment: 'B', success: null },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string; message: string }>()).toMatchObject({
      code: 'ISL_DATA_INVALID',
      message: 'row 1 has no value for "success"',
      details: { field: 'data[1].success' },
    });
  });
});
