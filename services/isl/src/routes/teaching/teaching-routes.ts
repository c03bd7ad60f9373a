/**
 * `POST {prefix}/teaching/teach`: Bayesian teaching examples chosen for the user's stored beliefs.
 */
import { Type } from '@svc/kernel';
import type { ServiceApp } from '@svc/kernel';
import { selectTeachingExamples } from '../../domain/teaching/example-selection.js';
import type { TeachingBeliefs } from '../../domain/teaching/example-selection.js';
import { BELIEFS_TTL_SECONDS, STATE_KEYS, USER_ID_PATTERN } from '../preferences/user-state-store.js';
import type { BusinessEventSink, UserStateStore } from '../preferences/user-state-store.js';

export const TeachBodySchema = Type.Object({
  user_id: Type.String({ minLength: 1, maxLength: 100, pattern: USER_ID_PATTERN }),
  target_concept: Type.String({ minLength: 1, maxLength: 100 }),
  /** Accepted for compatibility with the original API; the stored beliefs are what the selection uses. */
  current_beliefs: Type.Optional(Type.Unknown()),
  context: Type.Optional(Type.Unknown()),
  max_examples: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, default: 3 })),
});

export interface TeachingRouteOptions {
  prefix: string;
  store: UserStateStore;
  onEvent?: BusinessEventSink;
}

function asBeliefs(value: unknown): TeachingBeliefs | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: TeachingBeliefs = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)))
      out[k] = v as number[];
  }
  return out;
}

/** Registers the teaching route. */
export function registerTeachingRoutes(app: ServiceApp, options: TeachingRouteOptions): void {
  app.post(
    `${options.prefix}/teaching/teach`,
    {
      schema: {
        summary: 'Teaching examples with the largest expected change toward a concept',
        description:
          'Concepts: confounding, mediation, selection_bias, collider_bias, regression_to_the_mean, simpsons_paradox. ' +
          `The learner's beliefs are stored for ${BELIEFS_TTL_SECONDS / 3600} h.`,
        tags: ['teaching'],
        body: TeachBodySchema,
      },
    },
    async (request) => {
      const body = request.body;
      const stored = asBeliefs(await options.store.get(body.user_id, STATE_KEYS.teachingBeliefs));
      const result = selectTeachingExamples(stored, body.target_concept, body.max_examples ?? 3);
      await options.store.set(
        body.user_id,
        STATE_KEYS.teachingBeliefs,
        result.updated_beliefs,
        BELIEFS_TTL_SECONDS,
      );
      options.onEvent?.('teaching');
      return result;
    },
  );
}
