/**
 * Summaries of a preference posterior in the original API's shapes: `UserBeliefModel.value_weights`
 * as normal distributions and a `learning_summary`.
 */
import { estimateRemaining, LEARNED_STD } from './elicitation.js';
import { weightSummary } from './posterior.js';
import type { PreferencePosterior } from './posterior.js';

export interface LearningSummary {
  value_weights: Record<string, { type: 'normal'; parameters: { mean: number; std: number } }>;
  uncertainty_estimates: Record<string, number>;
  learning_summary: {
    top_priorities: string[];
    confidence: number;
    insights: string[];
    ready_for_recommendations: boolean;
  };
  queries_completed: number;
  estimated_queries_remaining: number;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Describes what has been learned so far. */
export function summarisePosterior(posterior: PreferencePosterior): LearningSummary {
  const summary = weightSummary(posterior);
  const d = posterior.attributes.length;
  // Standard deviation of one Dirichlet(1,…,1) coordinate: the prior's spread.
  const priorStd = Math.sqrt((d - 1) / (d * d * (d + 1)));
  const maxStd = Math.max(...summary.map((s) => s.std));
  const ranked = [...summary].sort((a, b) => b.mean - a.mean || a.attribute.localeCompare(b.attribute));
  const value_weights: LearningSummary['value_weights'] = {};
  const uncertainty_estimates: Record<string, number> = {};
  for (const s of summary) {
    value_weights[s.attribute] = { type: 'normal', parameters: { mean: round(s.mean), std: round(s.std) } };
    uncertainty_estimates[s.attribute] = round(Math.min(1, s.std / priorStd));
  }
  const confidence = round(Math.max(0, 1 - summary.reduce((a, s) => a + s.std, 0) / (d * priorStd)));
  const top = ranked[0];
  return {
    value_weights,
    uncertainty_estimates,
    learning_summary: {
      top_priorities: ranked.slice(0, Math.min(3, d)).map((s) => s.attribute),
      confidence,
      insights: top
        ? [
            `${top.attribute} carries the largest weight so far (${round(top.mean)})`,
            `${posterior.queries_completed} answer(s) recorded`,
          ]
        : [],
      ready_for_recommendations: maxStd <= LEARNED_STD,
    },
    queries_completed: posterior.queries_completed,
    estimated_queries_remaining: estimateRemaining(maxStd),
  };
}
