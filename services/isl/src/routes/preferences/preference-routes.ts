/**
 * `POST {prefix}/preferences/elicit` and `POST {prefix}/preferences/update`: Bayesian preference
 * learning with the posterior stored per user (24 h) and queries stored by id (7 days).
 */
import { Type } from '@svc/kernel';
import type { ServiceApp } from '@svc/kernel';
import type { PreferenceQuery } from '../../domain/preferences/elicitation.js';
import { assertPosterior } from '../../domain/preferences/posterior.js';
import type { PreferencePosterior } from '../../domain/preferences/posterior.js';
import { answerPreferenceQuery, elicitPreferences } from '../../domain/preferences/preference-session.js';
import type {
  AnswerPreferenceInput,
  AnswerPreferenceOutput,
  ElicitPreferencesInput,
  ElicitPreferencesOutput,
} from '../../domain/preferences/preference-session.js';
import { BELIEFS_TTL_SECONDS, QUERIES_TTL_SECONDS, STATE_KEYS, USER_ID_PATTERN } from './user-state-store.js';
import type { BusinessEventSink, UserStateStore } from './user-state-store.js';

const UserId = Type.String({ minLength: 1, maxLength: 100, pattern: USER_ID_PATTERN });

const ScenarioSchema = Type.Object({
  description: Type.String({ maxLength: 10000 }),
  outcomes: Type.Record(Type.String(), Type.Number()),
  trade_offs: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })),
});

export const ElicitBodySchema = Type.Object({
  user_id: UserId,
  context: Type.Object({
    domain: Type.String({ minLength: 1, maxLength: 100 }),
    variables: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 2, maxItems: 12 }),
    constraints: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
  current_beliefs: Type.Optional(
    Type.Object({ value_weights: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
  ),
  num_queries: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
  candidates: Type.Optional(Type.Array(ScenarioSchema, { minItems: 2, maxItems: 30 })),
});

export const UpdateBodySchema = Type.Object({
  user_id: UserId,
  query_id: Type.String({ minLength: 1, maxLength: 100 }),
  response: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('indifferent')]),
  confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 1 })),
});

/** Where elicitation and updates compute (tens of particles × candidate pairs: CPU-bound). */
export interface PreferenceComputations {
  elicit(input: ElicitPreferencesInput): Promise<ElicitPreferencesOutput>;
  update(input: AnswerPreferenceInput): Promise<AnswerPreferenceOutput>;
}

const inProcessPreferences: PreferenceComputations = {
  elicit: (input) => Promise.resolve().then(() => elicitPreferences(input)),
  update: (input) => Promise.resolve().then(() => answerPreferenceQuery(input)),
};

export interface PreferenceRouteOptions {
  prefix: string;
  store: UserStateStore;
  onEvent?: BusinessEventSink;
  /** Runs the computations; defaults to in-process. Plug the worker pool here to keep the event loop free. */
  compute?: PreferenceComputations;
}

async function readPosterior(
  store: UserStateStore,
  userId: string,
): Promise<PreferencePosterior | undefined> {
  const stored = await store.get(userId, STATE_KEYS.preferenceBeliefs);
  if (stored === undefined || stored === null) return undefined;
  try {
    return assertPosterior(stored);
  } catch {
    // A corrupt or outdated stored posterior is dropped, as if it had expired.
    return undefined;
  }
}

async function saveQueries(
  store: UserStateStore,
  userId: string,
  queries: readonly PreferenceQuery[],
): Promise<void> {
  await Promise.all(
    queries.map((q) => store.set(userId, STATE_KEYS.preferenceQuery(q.id), q, QUERIES_TTL_SECONDS)),
  );
}

/** Registers the preference routes. */
export function registerPreferenceRoutes(app: ServiceApp, options: PreferenceRouteOptions): void {
  const { store } = options;
  const compute = options.compute ?? inProcessPreferences;

  app.post(
    `${options.prefix}/preferences/elicit`,
    {
      schema: {
        summary: 'Choose preference questions by expected information gain',
        description: `Pairs of scenarios ranked by the mutual information between the answer and the user's attribute weights. The posterior is stored for ${BELIEFS_TTL_SECONDS / 3600} h, queries for ${QUERIES_TTL_SECONDS / 86400} days.`,
        tags: ['preferences'],
        body: ElicitBodySchema,
      },
    },
    async (request) => {
      const body = request.body;
      const stored = await readPosterior(store, body.user_id);
      const result = await compute.elicit({
        stored,
        context: body.context,
        ...(body.num_queries !== undefined ? { num_queries: body.num_queries } : {}),
        ...(body.candidates
          ? { candidates: body.candidates.map((c) => ({ ...c, trade_offs: c.trade_offs ?? [] })) }
          : {}),
        ...(body.current_beliefs
          ? { current_beliefs: body.current_beliefs as ElicitPreferencesInput['current_beliefs'] }
          : {}),
      });
      await store.set(body.user_id, STATE_KEYS.preferenceBeliefs, result.posterior, BELIEFS_TTL_SECONDS);
      await saveQueries(store, body.user_id, result.queries);
      options.onEvent?.('preference_elicitation');
      return result.response;
    },
  );

  app.post(
    `${options.prefix}/preferences/update`,
    {
      schema: {
        summary: "Update the user's preference posterior with an answer",
        description:
          "Applies Bayes' rule with the stored query's outcomes; returns the updated beliefs and the next queries.",
        tags: ['preferences'],
        body: UpdateBodySchema,
      },
    },
    async (request) => {
      const body = request.body;
      const [stored, query] = await Promise.all([
        readPosterior(store, body.user_id),
        store.get(body.user_id, STATE_KEYS.preferenceQuery(body.query_id)),
      ]);
      const result = await compute.update({
        stored,
        query: (query ?? undefined) as PreferenceQuery | undefined,
        query_id: body.query_id,
        response: body.response,
        confidence: body.confidence ?? 1,
      });
      await store.set(body.user_id, STATE_KEYS.preferenceBeliefs, result.posterior, BELIEFS_TTL_SECONDS);
      await saveQueries(store, body.user_id, result.next_queries);
      options.onEvent?.('belief_update');
      return result.response;
    },
  );
}
