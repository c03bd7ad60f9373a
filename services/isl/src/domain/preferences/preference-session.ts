/**
 * The preference endpoints' use cases over explicit state, in the original API's shapes.
 *
 * `POST /api/v1/preferences/elicit` → `elicitPreferences`: reads the user's stored posterior (if any),
 * returns queries to store (7 days, by id) and the posterior to store (24 h).
 * `POST /api/v1/preferences/update` → `answerPreferenceQuery`: applies the stored query's outcomes
 * with Bayes' rule and returns the posterior to store plus the next queries.
 */
import { IslError } from '../../errors.js';
import { seedFromString } from '../random.js';
import { updatePosterior } from './belief-update.js';
import type { PreferenceAnswer } from './choice-model.js';
import { elicit } from './elicitation.js';
import type { ElicitationResult, PreferenceQuery, Scenario } from './elicitation.js';
import { summarisePosterior } from './learning-summary.js';
import type { LearningSummary } from './learning-summary.js';
import { createPosterior, posteriorFromStatedBeliefs } from './posterior.js';
import type { PreferencePosterior, StatedValueWeights } from './posterior.js';

export interface ElicitPreferencesInput {
  /** The user's stored posterior, if any. */
  stored: PreferencePosterior | undefined;
  context: { domain: string; variables: string[]; constraints?: Record<string, unknown> };
  num_queries?: number;
  /** Optional candidate scenarios; generated from the variables when absent. */
  candidates?: Scenario[];
  /** Beliefs the caller states (original `current_beliefs`); shape the prior when nothing is stored. */
  current_beliefs?: { value_weights?: StatedValueWeights };
}

export interface ElicitPreferencesOutput {
  /** Store under the user (TTL 24 h). */
  posterior: PreferencePosterior;
  /** Store each under its id (TTL 7 d). */
  queries: PreferenceQuery[];
  response: ElicitationResult & { current_beliefs: LearningSummary };
}

/**
 * Starts or continues elicitation. A stored posterior over different attributes is replaced by a
 * fresh prior (the decision context changed).
 */
export function elicitPreferences(input: ElicitPreferencesInput): ElicitPreferencesOutput {
  const variables = input.context?.variables;
  if (!Array.isArray(variables)) {
    throw new IslError('ISL_INVALID_INPUT', 'context.variables must list the attributes', {
      field: 'context.variables',
    });
  }
  const sameAttributes =
    input.stored !== undefined &&
    input.stored.attributes.length === variables.length &&
    input.stored.attributes.every((a, i) => a === variables[i]);
  const seed = seedFromString(`${input.context.domain}|${variables.join('|')}`);
  const stated = input.current_beliefs?.value_weights;
  const posterior =
    sameAttributes && input.stored
      ? input.stored
      : stated
        ? posteriorFromStatedBeliefs(variables, seed, stated)
        : createPosterior(variables, seed);
  const count = input.num_queries ?? 5;
  if (!Number.isInteger(count) || count < 1 || count > 10) {
    throw new IslError('ISL_INVALID_INPUT', 'num_queries must be an integer from 1 to 10', {
      field: 'num_queries',
    });
  }
  const result = elicit(posterior, { count, ...(input.candidates ? { candidates: input.candidates } : {}) });
  return {
    posterior,
    queries: result.queries,
    response: { ...result, current_beliefs: summarisePosterior(posterior) },
  };
}

export interface AnswerPreferenceInput {
  stored: PreferencePosterior | undefined;
  /** The stored query the user answered; undefined when it expired or never existed. */
  query: PreferenceQuery | undefined;
  query_id: string;
  response: PreferenceAnswer;
  confidence?: number;
  next_queries?: number;
}

export interface AnswerPreferenceOutput {
  posterior: PreferencePosterior;
  next_queries: PreferenceQuery[];
  response: LearningSummary & {
    updated_beliefs: LearningSummary['value_weights'];
    next_queries: PreferenceQuery[];
  };
}

/**
 * Applies an answer. Works on the very first call: without a stored posterior, a flat prior over the
 * query's attributes is used.
 *
 * @throws IslError ISL_QUERY_NOT_FOUND when the query is unknown or expired.
 */
export function answerPreferenceQuery(input: AnswerPreferenceInput): AnswerPreferenceOutput {
  if (!input.query) {
    throw new IslError(
      'ISL_QUERY_NOT_FOUND',
      `Query "${input.query_id}" was not found or has expired (queries live 7 days)`,
      {
        field: 'query_id',
      },
    );
  }
  const attributes = Object.keys(input.query.scales);
  const posterior = input.stored ?? createPosterior(attributes, seedFromString(attributes.join('|')));
  const updated = updatePosterior(posterior, input.query, input.response, input.confidence ?? 1);
  const next = elicit(updated, { count: input.next_queries ?? 3 }).queries;
  const summary = summarisePosterior(updated);
  return {
    posterior: updated,
    next_queries: next,
    response: { ...summary, updated_beliefs: summary.value_weights, next_queries: next },
  };
}
