import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { CONCEPTS } from './concept-catalogue.js';
import { learnerPosterior, selectTeachingExamples } from './example-selection.js';

describe('selectTeachingExamples', () => {
  it('picks the example with the largest rise in the target belief first', () => {
    const result = selectTeachingExamples(undefined, 'confounding', 1);
    // From a uniform prior: coffee/heart gives 0.85/1.2 = 0.708333, ice-cream 0.9/1.4 = 0.642857,
    // randomised trial 0.8/1.25 = 0.64, shoe size 0.9/1.4.
    expect(result.examples[0]?.scenario.description).toContain('Coffee');
    expect(result.examples[0]?.information_value).toBe(0.375);
    expect(result.belief_before).toBe(0.333333);
    expect(result.belief_after).toBe(0.708333);
  });

  it('scores each next example against the beliefs left by the previous ones (brute force)', () => {
    const concept = CONCEPTS.find((c) => c.id === 'simpsons_paradox')!;
    const result = selectTeachingExamples({ simpsons_paradox: [0.1, 0.6, 0.3] }, "Simpson's paradox", 2);
    const prior = [0.1, 0.6, 0.3];
    const gains = concept.examples.map((e) => (learnerPosterior(prior, e)[0] ?? 0) - 0.1);
    const bestFirst = concept.examples[gains.indexOf(Math.max(...gains))]!;
    expect(result.examples[0]?.scenario.description).toBe(bestFirst.description);
    expect(result.examples[0]?.information_value).toBe(Math.round(Math.max(...gains) * 1e6) / 1e6);
    expect(result.belief_after).toBeGreaterThan(result.belief_before);
    expect(result.updated_beliefs['simpsons_paradox']?.[0]).toBe(result.belief_after);
  });

  it('gives less value once the user already understands', () => {
    const novice = selectTeachingExamples({ collider_bias: [0.1, 0.45, 0.45] }, 'collider_bias', 1);
    const expert = selectTeachingExamples({ collider_bias: [0.95, 0.025, 0.025] }, 'collider_bias', 1);
    expect(expert.examples[0]!.information_value).toBeLessThan(novice.examples[0]!.information_value);
  });

  it('rejects an unknown concept listing the valid ones', () => {
    try {
      selectTeachingExamples(undefined, 'astrology');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IslError);
      const error = e as IslError;
      expect(error.code).toBe('ISL_UNKNOWN_CONCEPT');
      expect(error.field).toBe('target_concept');
      expect(error.details).toEqual({
        valid: [
          'confounding',
          'mediation',
          'selection_bias',
          'collider_bias',
          'regression_to_the_mean',
          'simpsons_paradox',
        ],
      });
    }
  });
});
