/**
 * Bayes' rule for one answered query: each particle's log-weight gains the log-likelihood of the
 * answer under the stored query's outcomes.
 */
import { IslError } from '../../errors.js';
import { answerLogLikelihood, attributeDifferences, probabilityOfA } from './choice-model.js';
import type { ComparisonQuery, PreferenceAnswer } from './choice-model.js';
import { particleMatrix } from './posterior.js';
import type { PreferencePosterior } from './posterior.js';

/**
 * Returns the posterior after the user's answer to `query`.
 *
 * @param confidence the user's confidence in the answer, 0 to 1 (tempers the likelihood).
 */
export function updatePosterior(
  posterior: PreferencePosterior,
  query: ComparisonQuery,
  answer: PreferenceAnswer,
  confidence = 1,
): PreferencePosterior {
  if (answer !== 'A' && answer !== 'B' && answer !== 'indifferent') {
    throw new IslError('ISL_INVALID_INPUT', 'response must be "A", "B" or "indifferent"', {
      field: 'response',
    });
  }
  if (!(confidence >= 0 && confidence <= 1)) {
    throw new IslError('ISL_INVALID_INPUT', 'confidence must be between 0 and 1', { field: 'confidence' });
  }
  const diffs = attributeDifferences(query, posterior.attributes);
  const d = posterior.attributes.length;
  const particles = particleMatrix(posterior);
  const logWeights = posterior.log_weights.map((lw, i) => {
    const p = probabilityOfA(particles.subarray(i * d, i * d + d), diffs, posterior.rationality);
    return lw + answerLogLikelihood(p, answer, confidence);
  });
  // Re-centre so the largest log-weight is 0 and stored numbers stay small.
  const max = Math.max(...logWeights);
  return {
    ...posterior,
    log_weights: logWeights.map((x) => x - max),
    queries_completed: posterior.queries_completed + 1,
  };
}
