import { describe, expect, it } from 'vitest';
import { updatePosterior } from './belief-update.js';
import { answerLogLikelihood, attributeDifferences, probabilityOfA } from './choice-model.js';
import type { ComparisonQuery } from './choice-model.js';
import { elicit, expectedInformationGain } from './elicitation.js';
import type { Scenario } from './elicitation.js';
import { summarisePosterior } from './learning-summary.js';
import {
  createPosterior,
  normalisedWeights,
  particlesOf,
  PARTICLE_COUNT,
  weightSummary,
} from './posterior.js';

const scenario = (revenue: number, churn: number): Scenario => ({
  description: `r${revenue} c${churn}`,
  outcomes: { revenue, churn },
  trade_offs: [],
});
const versus = { scenario_a: scenario(1, 0), scenario_b: scenario(0, 1), scales: { revenue: 1, churn: 1 } };

// Mutual information by its definition, Σ_y Σ_w P(w) P(y|w) log2(P(y|w) / P(y)), as an oracle.
function bruteForceEig(posterior: ReturnType<typeof createPosterior>, query: ComparisonQuery): number {
  const w = normalisedWeights(posterior);
  const diffs = attributeDifferences(query, posterior.attributes);
  const ps = particlesOf(posterior).map((p) => probabilityOfA(p, diffs, posterior.rationality));
  const pA = ps.reduce((s, p, i) => s + (w[i] ?? 0) * p, 0);
  let mi = 0;
  ps.forEach((p, i) => {
    for (const [py, marginal] of [
      [p, pA],
      [1 - p, 1 - pA],
    ] as const) {
      if (py > 0) mi += (w[i] ?? 0) * py * Math.log2(py / marginal);
    }
  });
  return mi;
}

describe('preference posterior', () => {
  it('starts flat: equal means on the simplex', () => {
    const prior = createPosterior(['revenue', 'churn'], 42);
    expect(prior.log_weights).toHaveLength(PARTICLE_COUNT);
    const means = weightSummary(prior).map((s) => s.mean);
    expect(means[0]! + means[1]!).toBeCloseTo(1, 12);
    expect(Math.abs(means[0]! - 0.5)).toBeLessThan(0.05);
  });

  it('moves the posterior mean toward the preferred attribute', () => {
    const prior = createPosterior(['revenue', 'churn'], 42);
    const before = weightSummary(prior)[0]!.mean;
    const once = updatePosterior(prior, versus, 'A');
    const twice = updatePosterior(once, versus, 'A');
    const after1 = weightSummary(once)[0]!.mean;
    const after2 = weightSummary(twice)[0]!.mean;
    expect(after1).toBeGreaterThan(before + 0.1);
    expect(after2).toBeGreaterThan(after1);
    expect(twice.queries_completed).toBe(2);
    expect(weightSummary(updatePosterior(prior, versus, 'B'))[0]!.mean).toBeLessThan(before - 0.1);
  });

  it('applies Bayes rule exactly: each log-weight gains the answer log-likelihood', () => {
    const prior = createPosterior(['revenue', 'churn'], 7);
    const post = updatePosterior(prior, versus, 'A', 0.5);
    const particles = particlesOf(prior);
    const raw = particles.map((p) =>
      answerLogLikelihood(probabilityOfA(p, [1, -1], prior.rationality), 'A', 0.5),
    );
    const max = Math.max(...raw);
    expect(post.log_weights).toEqual(raw.map((x) => x - max));
    // A zero-confidence answer changes nothing.
    expect(weightSummary(updatePosterior(prior, versus, 'A', 0))).toEqual(weightSummary(prior));
  });
});

describe('elicit', () => {
  it('chooses the query with the highest expected information gain (brute-force check)', () => {
    const prior = updatePosterior(createPosterior(['revenue', 'churn'], 3), versus, 'A');
    const candidates = [scenario(10, 5), scenario(12, 9), scenario(3, 1), scenario(7, 7), scenario(20, 18)];
    const result = elicit(prior, { candidates, count: 10 });
    const brute = result.queries.map((q) => bruteForceEig(prior, q));
    result.queries.forEach((q, i) => expect(q.information_gain).toBeCloseTo(brute[i]!, 12));
    expect(result.queries[0]!.information_gain).toBe(
      Math.max(...result.queries.map((q) => q.information_gain)),
    );
    expect(new Set(result.queries.map((q) => q.information_gain.toFixed(6))).size).toBeGreaterThan(5);
    expect(result.queries[0]!.information_gain).toBeLessThanOrEqual(1);
  });

  it('gives a pair that trades attributes off more information than a dominated pair', () => {
    const prior = createPosterior(['revenue', 'churn'], 3);
    const tradeOff = expectedInformationGain(prior, versus);
    const dominated = expectedInformationGain(prior, {
      ...versus,
      scenario_a: scenario(1, 1),
      scenario_b: scenario(0, 0),
    });
    expect(tradeOff).toBeGreaterThan(dominated);
  });

  it('works from an empty prior on the first call: elicit then update', () => {
    const prior = createPosterior(['revenue', 'churn', 'brand'], 11);
    const { queries, estimated_queries_remaining } = elicit(prior, { count: 3 });
    expect(queries).toHaveLength(3);
    expect(estimated_queries_remaining).toBeGreaterThan(0);
    const stored = JSON.parse(JSON.stringify(queries[0])) as (typeof queries)[number];
    const post = updatePosterior(prior, stored, 'B');
    expect(post.queries_completed).toBe(1);
    expect(post.log_weights).not.toEqual(prior.log_weights);
    expect(elicit(prior, { count: 3 })).toEqual(elicit(prior, { count: 3 }));
  });

  it('summarises beliefs in the original value_weights shape', () => {
    const summary = summarisePosterior(
      updatePosterior(createPosterior(['revenue', 'churn'], 42), versus, 'A'),
    );
    expect(summary.learning_summary.top_priorities).toEqual(['revenue', 'churn']);
    expect(summary.value_weights['revenue']?.type).toBe('normal');
    expect(summary.queries_completed).toBe(1);
  });
});
