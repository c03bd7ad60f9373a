/** When to alert: after `threshold` consecutive failures, then at most once per `cooldownMs`. */
export interface AlertPolicy {
  readonly threshold: number;
  readonly cooldownMs: number;
  /** Also send a 'resolved' notification when a check passes after an alert was sent. */
  readonly notifyResolved: boolean;
}

/** Per-problem alert state (one per service and check kind). */
export interface AlertState {
  readonly consecutiveFailures: number;
  /** When the last 'firing' notification was sent (epoch ms), if ever. */
  readonly lastSentAt: number | undefined;
  /** True from the first alert of an incident until a passing check. */
  readonly firing: boolean;
}

export interface AlertNotification {
  readonly key: string;
  readonly status: 'firing' | 'resolved';
  readonly at: number;
  readonly consecutiveFailures: number;
  readonly reason: string;
}

export interface CheckOutcome {
  readonly ok: boolean;
  /** Epoch ms of the check (the domain has no clock). */
  readonly at: number;
  readonly reason?: string;
}

export const INITIAL_ALERT_STATE: AlertState = {
  consecutiveFailures: 0,
  lastSentAt: undefined,
  firing: false,
};

/** Builds the policy from health-monitor-config `alerting`. */
export function alertPolicyFromConfig(alerting: {
  failure_threshold: number;
  cooldown_seconds: number;
}): AlertPolicy {
  return {
    threshold: alerting.failure_threshold,
    cooldownMs: alerting.cooldown_seconds * 1000,
    notifyResolved: true,
  };
}

/**
 * One step of the alert state machine. With threshold 3 and a cooldown: failures 1 and 2 send nothing,
 * the 3rd sends exactly one alert, later failures within the cooldown send nothing, and a failure once the
 * cooldown has passed re-sends. The cooldown also spans incidents, so a flapping service cannot page
 * more than once per cooldown. A failed webhook delivery still counts as sent: hammering a broken
 * receiver every check helps nobody.
 */
export function stepAlert(
  state: AlertState,
  outcome: CheckOutcome,
  policy: AlertPolicy,
  key: string,
): { state: AlertState; notification: AlertNotification | undefined } {
  if (outcome.ok) {
    const notification: AlertNotification | undefined =
      state.firing && policy.notifyResolved
        ? {
            key,
            status: 'resolved',
            at: outcome.at,
            consecutiveFailures: 0,
            reason: outcome.reason ?? 'check passed',
          }
        : undefined;
    return { state: { consecutiveFailures: 0, lastSentAt: state.lastSentAt, firing: false }, notification };
  }
  const failures = state.consecutiveFailures + 1;
  const cooledDown = state.lastSentAt === undefined || outcome.at - state.lastSentAt >= policy.cooldownMs;
  if (failures >= policy.threshold && cooledDown) {
    return {
      state: { consecutiveFailures: failures, lastSentAt: outcome.at, firing: true },
      notification: {
        key,
        status: 'firing',
        at: outcome.at,
        consecutiveFailures: failures,
        reason: outcome.reason ?? 'check failed',
      },
    };
  }
  return { state: { ...state, consecutiveFailures: failures }, notification: undefined };
}

/** Alert states for many problems at once, keyed like `"iss:health"`. */
export type AlertBook = ReadonlyMap<string, AlertState>;

/** {@link stepAlert} on one key of a book; returns the new book. */
export function stepAlertBook(
  book: AlertBook,
  key: string,
  outcome: CheckOutcome,
  policy: AlertPolicy,
): { book: AlertBook; notification: AlertNotification | undefined } {
  const { state, notification } = stepAlert(book.get(key) ?? INITIAL_ALERT_STATE, outcome, policy, key);
  const next = new Map(book);
  next.set(key, state);
  return { book: next, notification };
}
