import { describe, expect, it } from 'vitest';
import { INITIAL_ALERT_STATE, alertPolicyFromConfig, stepAlert } from './alert-policy.js';
import type { AlertNotification, AlertState, CheckOutcome } from './alert-policy.js';

const policy = alertPolicyFromConfig({ failure_threshold: 3, cooldown_seconds: 300 });

function run(outcomes: CheckOutcome[]): { sent: (AlertNotification | undefined)[]; state: AlertState } {
  let state = INITIAL_ALERT_STATE;
  const sent: (AlertNotification | undefined)[] = [];
  for (const outcome of outcomes) {
    const step = stepAlert(state, outcome, policy, 'iss:health');
    state = step.state;
    sent.push(step.notification);
  }
  return { sent, state };
}

const fail = (at: number): CheckOutcome => ({ ok: false, at, reason: 'HTTP 503' });
const pass = (at: number): CheckOutcome => ({ ok: true, at });

describe('stepAlert', () => {
  it('sends nothing for 2 failures, exactly one on the 3rd, nothing on a 4th within the cooldown', () => {
    const { sent, state } = run([fail(0), fail(30_000), fail(60_000), fail(90_000)]);
    expect(sent.map((n) => n?.status)).toEqual([undefined, undefined, 'firing', undefined]);
    expect(sent[2]).toEqual({
      key: 'iss:health',
      status: 'firing',
      at: 60_000,
      consecutiveFailures: 3,
      reason: 'HTTP 503',
    });
    expect(state).toEqual({ consecutiveFailures: 4, lastSentAt: 60_000, firing: true });
  });

  it('re-sends once the cooldown has passed and the problem persists', () => {
    const { sent } = run([fail(0), fail(1), fail(2), fail(300_001), fail(300_002), fail(300_003)]);
    // Sent at 2: 300_001 is 1 ms inside the 300 s cooldown, 300_002 is the first moment outside it.
    expect(sent.map((n) => n?.status)).toEqual([
      undefined,
      undefined,
      'firing',
      undefined,
      'firing',
      undefined,
    ]);
  });

  it('resets the count on a passing check and sends resolved after an alert', () => {
    const { sent } = run([fail(0), fail(1), pass(2), fail(3), fail(4)]);
    expect(sent.every((n) => n === undefined)).toBe(true);
    const resolved = run([fail(0), fail(1), fail(2), pass(3)]);
    expect(resolved.sent.map((n) => n?.status)).toEqual([undefined, undefined, 'firing', 'resolved']);
  });

  it('keeps the cooldown across incidents so a flapping service pages once', () => {
    const { sent } = run([fail(0), fail(1), fail(2), pass(3), fail(4), fail(5), fail(6)]);
    expect(sent.map((n) => n?.status)).toEqual([
      undefined,
      undefined,
      'firing',
      'resolved',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('alerts on the first failure with threshold 1 and cooldown 0 every time', () => {
    const eager = { threshold: 1, cooldownMs: 0, notifyResolved: false };
    let state = INITIAL_ALERT_STATE;
    const statuses: (string | undefined)[] = [];
    for (const at of [0, 0, 1]) {
      const step = stepAlert(state, fail(at), eager, 'k');
      state = step.state;
      statuses.push(step.notification?.status);
    }
    expect(statuses).toEqual(['firing', 'firing', 'firing']);
  });
});
