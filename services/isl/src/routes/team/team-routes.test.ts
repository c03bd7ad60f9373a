import { createService } from '@svc/kernel';
import type { BuiltService } from '@svc/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerValidationRoutes } from '../validation/validation-routes.js';
import { registerTeamRoutes } from './team-routes.js';

const testService = createService({
  name: 'isl-team-test',
  version: '0.0.0',
  routes(app) {
    registerTeamRoutes(app, { prefix: '/api/v1' });
    registerValidationRoutes(app, { prefix: '/api/v1' });
  },
});

let service: BuiltService<unknown>;
beforeAll(async () => {
  service = await testService.build({ env: { LOG_LEVEL: 'silent' } });
});
afterAll(async () => {
  await service.close();
});

describe('POST /api/v1/team/align', () => {
  it('recommends a Pareto-optimal option with its reason', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/team/align',
      payload: {
        perspectives: [
          { role: 'PM', priorities: ['Speed'], constraints: ['Budget'], preferred_options: ['a'] },
          {
            role: 'Designer',
            priorities: ['Quality'],
            constraints: ['Budget'],
            preferred_options: ['b'],
            weight: 2,
          },
        ],
        options: [
          { id: 'a', name: 'MVP', attributes: { speed: 'fast', quality: 'medium' } },
          { id: 'b', name: 'Polished', attributes: { speed: 'medium', quality: 'high' } },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      recommendation: { top_option: string; rationale: string };
      pareto_front: string[];
    }>();
    expect(body.recommendation.top_option).toBe('b');
    expect(body.pareto_front).toEqual(['a', 'b']);
    expect(body.recommendation.rationale).toContain('Pareto-optimal');
  });

  it('answers 400 for a single perspective', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/team/align',
      payload: { perspectives: [{ role: 'PM', priorities: [], constraints: [] }], options: [] },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('POST /api/v1/validation/validate', () => {
  it('reports a cycle as a failed structural check', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/validation/validate',
      payload: {
        dag: {
          nodes: ['A', 'B'],
          edges: [
            ['A', 'B'],
            ['B', 'A'],
          ],
        },
        validation_level: 'basic',
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      overall_quality: string;
      validation_results: { structural: { checks: { name: string; status: string }[] } };
    }>();
    expect(body.overall_quality).toBe('poor');
    expect(body.validation_results.structural.checks.find((c) => c.name === 'acyclic')?.status).toBe('fail');
  });
});
