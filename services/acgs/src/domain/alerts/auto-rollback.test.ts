import { describe, expect, it } from 'vitest';
import { defaultAcgsConfig } from '../config/index.js';
import { INITIAL_TRIGGER_COUNTERS, autoRollbackPolicyFromConfig, observeService } from './auto-rollback.js';
import type {
  AutoRollbackVerdict,
  LastChange,
  ServiceObservation,
  TriggerCounters,
} from './auto-rollback.js';

const policy = autoRollbackPolicyFromConfig(defaultAcgsConfig().rollback);
const ok = (at: number): ServiceObservation => ({ at, healthy: true, hashValid: true, degraded: false });
const down = (at: number): ServiceObservation => ({
  at,
  healthy: false,
  hashValid: undefined,
  degraded: false,
});
const recent: LastChange = { at: 0, origin: 'apply', revision: 4 };

function feed(
  observations: ServiceObservation[],
  change: LastChange | 'never' = recent,
): AutoRollbackVerdict[] {
  const lastChange = change === 'never' ? undefined : change;
  let counters: TriggerCounters = INITIAL_TRIGGER_COUNTERS;
  return observations.map((observation) => {
    const step = observeService(counters, observation, lastChange, policy);
    counters = step.counters;
    return step.verdict;
  });
}

describe('observeService', () => {
  it('uses the guide defaults: 3 health failures, 1 violation, performance on (3 checks), 1 h window', () => {
    expect(policy).toEqual({
      healthCheckFailures: 3,
      constitutionalViolations: 1,
      performanceDegradation: true,
      performanceDegradationChecks: 3,
      recentChangeWindowMs: 3_600_000,
    });
  });

  it('rolls back a recently changed service on the 3rd consecutive failed health check', () => {
    expect(feed([down(1), down(2), down(3)]).map((v) => v.action)).toEqual(['none', 'none', 'rollback']);
    expect(feed([down(1), down(2), down(3)])[2]).toEqual({
      action: 'rollback',
      trigger: 'health_check_failures',
      reason: '3 consecutive failed health checks',
      fromRevision: 4,
    });
  });

  it('needs the failures to be consecutive', () => {
    expect(feed([down(1), down(2), ok(3), down(4), down(5)]).map((v) => v.action)).toEqual([
      'none',
      'none',
      'none',
      'none',
      'none',
    ]);
  });

  it('rolls back on the first constitutional violation, which outranks the other triggers', () => {
    const verdicts = feed([{ at: 1, healthy: true, hashValid: false, degraded: true }]);
    expect(verdicts[0]).toMatchObject({ action: 'rollback', trigger: 'constitutional_violations' });
  });

  it('rolls back after 3 degraded checks, and never when performance_degradation is off', () => {
    const degraded = (at: number): ServiceObservation => ({
      at,
      healthy: true,
      hashValid: true,
      degraded: true,
    });
    expect(feed([degraded(1), degraded(2), degraded(3)])[2]).toMatchObject({
      action: 'rollback',
      trigger: 'performance_degradation',
    });
    let counters = INITIAL_TRIGGER_COUNTERS;
    const off = { ...policy, performanceDegradation: false };
    for (let at = 1; at <= 5; at += 1) {
      const step = observeService(counters, degraded(at), recent, off);
      counters = step.counters;
      expect(step.verdict.action).toBe('none');
    }
  });

  it('does not roll back a service whose last change is older than the window, or was a rollback', () => {
    const old = feed([down(3_600_001), down(3_600_002), down(3_600_003)]);
    expect(old[2]).toEqual({
      action: 'suppressed',
      trigger: 'health_check_failures',
      reason: 'no-recent-change',
    });
    const afterRollback = feed([down(1), down(2), down(3)], { at: 0, origin: 'rollback', revision: 5 });
    expect(afterRollback[2]).toEqual({
      action: 'suppressed',
      trigger: 'health_check_failures',
      reason: 'last-change-was-rollback',
    });
    expect(feed([down(1), down(2), down(3)], 'never')[2]).toMatchObject({
      action: 'suppressed',
      reason: 'never-deployed',
    });
  });

  it('resets the counters after deciding to roll back', () => {
    const verdicts = feed([down(1), down(2), down(3), down(4), down(5)]);
    expect(verdicts.map((v) => v.action)).toEqual(['none', 'none', 'rollback', 'none', 'none']);
  });
});
