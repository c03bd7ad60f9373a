/**
 * What the preference and teaching routes need from the per-user store. The HTTP layer provides it
 * (Redis, or memory with the same TTLs when no Redis is configured); keys are scoped per user and the
 * store, not the routes, keeps raw user ids out of its keys.
 */

/** Per-user JSON state with a time-to-live. */
export interface UserStateStore {
  /** The value stored for this user under `key`, or undefined when absent or expired. */
  get(userId: string, key: string): Promise<unknown>;
  /** Stores `value` for this user under `key` for `ttlSeconds`. */
  set(userId: string, key: string, value: unknown, ttlSeconds: number): Promise<void>;
}

/** Beliefs (preference posterior, teaching beliefs) live 24 hours (the guide's GDPR TTL). */
export const BELIEFS_TTL_SECONDS = 24 * 60 * 60;
/** Elicitation queries live 7 days. */
export const QUERIES_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Store keys used by these routes. */
export const STATE_KEYS = {
  preferenceBeliefs: 'preferences:beliefs',
  preferenceQuery: (queryId: string) => `preferences:query:${queryId}`,
  teachingBeliefs: 'teaching:beliefs',
} as const;

/** Business events the routes report (counted by the HTTP layer; never labelled per user). */
export type BusinessEvent =
  | 'counterfactual'
  | 'sensitivity_analysis'
  | 'preference_elicitation'
  | 'belief_update'
  | 'teaching'
  | 'team_alignment'
  | 'validation';

/** Receives business events, e.g. to increment a prom-client counter. */
export type BusinessEventSink = (event: BusinessEvent) => void;

/** The user id pattern of the original API. */
export const USER_ID_PATTERN = '^[a-zA-Z0-9_\\-]+$';
