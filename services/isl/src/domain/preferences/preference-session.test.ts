import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { answerPreferenceQuery, elicitPreferences } from './preference-session.js';

describe('preference session', () => {
  it('runs elicit → update on the very first call and keeps the stored posterior', () => {
    const first = elicitPreferences({
      stored: undefined,
      context: { domain: 'pricing', variables: ['revenue', 'churn'] },
      num_queries: 2,
    });
    expect(first.queries).toHaveLength(2);
    const query = first.queries[0]!;
    const answered = answerPreferenceQuery({
      stored: first.posterior,
      query,
      query_id: query.id,
      response: 'A',
    });
    expect(answered.posterior.queries_completed).toBe(1);
    expect(answered.response.queries_completed).toBe(1);
    expect(answered.next_queries.length).toBeGreaterThan(0);
    // The stored posterior is reused while the attributes match.
    const again = elicitPreferences({
      stored: answered.posterior,
      context: { domain: 'pricing', variables: ['revenue', 'churn'] },
    });
    expect(again.posterior).toBe(answered.posterior);
  });

  it('updates from no stored posterior at all', () => {
    const { queries } = elicitPreferences({
      stored: undefined,
      context: { domain: 'd', variables: ['a', 'b', 'c'] },
      num_queries: 1,
    });
    const result = answerPreferenceQuery({
      stored: undefined,
      query: queries[0],
      query_id: queries[0]!.id,
      response: 'B',
      confidence: 0.8,
    });
    expect(result.posterior.attributes).toEqual(['a', 'b', 'c']);
  });

  it('answers 404 for an unknown query', () => {
    try {
      answerPreferenceQuery({ stored: undefined, query: undefined, query_id: 'q_missing', response: 'A' });
      expect.unreachable();
    } catch (e) {
      expect((e as IslError).code).toBe('ISL_QUERY_NOT_FOUND');
      expect((e as IslError).statusCode).toBe(404);
    }
  });
});

describe('stated beliefs', () => {
  it('tilt the first prior toward the stated weights', () => {
    const { posterior, response } = elicitPreferences({
      stored: undefined,
      context: { domain: 'pricing', variables: ['revenue', 'churn'] },
      current_beliefs: {
        value_weights: {
          revenue: { type: 'normal', parameters: { mean: 0.8, std: 0.1 } },
          churn: { type: 'normal', parameters: { mean: 0.2, std: 0.1 } },
        },
      },
    });
    expect(posterior.queries_completed).toBe(0);
    const revenue = response.current_beliefs.value_weights['revenue']!.parameters.mean;
    expect(Math.abs(revenue - 0.8)).toBeLessThan(0.03);
  });
});
