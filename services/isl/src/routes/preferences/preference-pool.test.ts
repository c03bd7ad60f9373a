/**
 * The assembled service runs elicit and update on its computation thread, with the same answers as
 * in-process and domain errors (404 for an unknown query) carried across the thread boundary.
 */
import type { BuiltService } from '@svc/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { islService } from '../../app.js';
import type { IslConfig } from '../../config.js';
import { answerPreferenceQuery, elicitPreferences } from '../../domain/preferences/preference-session.js';

let service: BuiltService<IslConfig>;
beforeAll(async () => {
  service = await islService.build({
    env: { LOG_LEVEL: 'silent', SECRET_KEY: 'isl-preference-pool-secret', COMPUTE_THREADS: '1', DISABLE_RATE_LIMIT: '1' },
  });
});
afterAll(async () => {
  await service?.close();
});

const post = (url: string, payload: object) => service.app.inject({ method: 'POST', url, payload });

/** The value of one `isl_compute_jobs_total` series (0 when absent). */
async function jobs(kind: string, outcome: string): Promise<number> {
  const text = (await service.app.inject('/metrics')).body;
  const series = `isl_compute_jobs_total{kind="${kind}",outcome="${outcome}"} `;
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line === undefined ? 0 : Number(line.slice(series.length));
}

describe('preference routes on the computation pool', () => {
  it('elicit and update run as pool jobs and answer what the domain answers', async () => {
    const context = { domain: 'pricing', variables: ['revenue', 'churn', 'nps'] };
    const [elicitBefore, updateBefore] = [await jobs('preferences_elicit', 'ok'), await jobs('preferences_update', 'ok')];

    const elicit = await post('/api/v1/preferences/elicit', { user_id: 'pool-user', context, num_queries: 3 });
    expect(elicit.statusCode).toBe(200);
    const expected = elicitPreferences({ stored: undefined, context, num_queries: 3 });
    expect(elicit.json()).toEqual(JSON.parse(JSON.stringify(expected.response)));

    const query = expected.queries[0]!;
    const update = await post('/api/v1/preferences/update', {
      user_id: 'pool-user',
      query_id: query.id,
      response: 'B',
      confidence: 0.9,
    });
    expect(update.statusCode).toBe(200);
    const answered = answerPreferenceQuery({
      stored: expected.posterior,
      query,
      query_id: query.id,
      response: 'B',
      confidence: 0.9,
    });
    expect(update.json()).toEqual(JSON.parse(JSON.stringify(answered.response)));

    expect(await jobs('preferences_elicit', 'ok')).toBe(elicitBefore + 1);
    expect(await jobs('preferences_update', 'ok')).toBe(updateBefore + 1);
  });

  it('answers 404 ISL_QUERY_NOT_FOUND from the thread for an unknown query', async () => {
    const response = await post('/api/v1/preferences/update', {
      user_id: 'pool-user-2',
      query_id: 'q_missing',
      response: 'A',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ISL_QUERY_NOT_FOUND', details: { field: 'query_id' } });
    expect(await jobs('preferences_update', 'error')).toBe(1);
  });
});
