/** The three triggers of rollback-config `auto_rollback_triggers`. */
export type RollbackTrigger =
  'constitutional_violations' | 'health_check_failures' | 'performance_degradation';

export interface AutoRollbackPolicy {
  /** Consecutive failed health checks that fire `health_check_failures`. */
  readonly healthCheckFailures: number;
  /** Consecutive constitutional hash mismatches that fire `constitutional_violations`. */
  readonly constitutionalViolations: number;
  /** Whether SLO degradation may trigger a rollback at all. */
  readonly performanceDegradation: boolean;
  /** Consecutive degraded checks that fire `performance_degradation`. */
  readonly performanceDegradationChecks: number;
  /** Only a service whose last change is at most this old is rolled back automatically. */
  readonly recentChangeWindowMs: number;
}

/** Builds the policy from rollback-config. */
export function autoRollbackPolicyFromConfig(config: {
  auto_rollback_triggers: {
    health_check_failures: number;
    constitutional_violations: number;
    performance_degradation: boolean;
  };
  performance_degradation_checks: number;
  recent_change_window_seconds: number;
}): AutoRollbackPolicy {
  return {
    healthCheckFailures: config.auto_rollback_triggers.health_check_failures,
    constitutionalViolations: config.auto_rollback_triggers.constitutional_violations,
    performanceDegradation: config.auto_rollback_triggers.performance_degradation,
    performanceDegradationChecks: config.performance_degradation_checks,
    recentChangeWindowMs: config.recent_change_window_seconds * 1000,
  };
}

/** One monitoring check of one service. */
export interface ServiceObservation {
  readonly at: number;
  /** /health answered 2xx (or the TCP/exec probe succeeded). */
  readonly healthy: boolean;
  /** The answer carried exactly the configured hash; undefined when nothing answered (no verdict). */
  readonly hashValid: boolean | undefined;
  /** The SLO evaluation said degraded (latency, availability or error rate breached). */
  readonly degraded: boolean;
}

/** The service's latest revision change, from its revision history. */
export interface LastChange {
  readonly at: number;
  /** A rollback is never itself rolled back automatically (that would loop between two bad states). */
  readonly origin: 'apply' | 'rollback';
  readonly revision: number;
}

export interface TriggerCounters {
  readonly healthFailures: number;
  readonly hashViolations: number;
  readonly degradedChecks: number;
}

export const INITIAL_TRIGGER_COUNTERS: TriggerCounters = {
  healthFailures: 0,
  hashViolations: 0,
  degradedChecks: 0,
};

export type AutoRollbackVerdict =
  | { readonly action: 'none' }
  | {
      readonly action: 'rollback';
      readonly trigger: RollbackTrigger;
      readonly reason: string;
      readonly fromRevision: number;
    }
  | {
      readonly action: 'suppressed';
      readonly trigger: RollbackTrigger;
      readonly reason: 'no-recent-change' | 'last-change-was-rollback' | 'never-deployed';
    };

/**
 * Feeds one observation to a service's trigger counters and decides whether to roll it back. Counters
 * count consecutive bad checks and reset on a good one (and all reset after a decision). When several
 * triggers fire at once the most serious wins: constitutional violation, then health, then performance.
 * A fired trigger only rolls back a service changed within the recent-change window by an apply.
 */
export function observeService(
  counters: TriggerCounters,
  observation: ServiceObservation,
  lastChange: LastChange | undefined,
  policy: AutoRollbackPolicy,
): { counters: TriggerCounters; verdict: AutoRollbackVerdict } {
  const next: TriggerCounters = {
    healthFailures: observation.healthy ? 0 : counters.healthFailures + 1,
    hashViolations:
      observation.hashValid === false
        ? counters.hashViolations + 1
        : observation.hashValid === true
          ? 0
          : counters.hashViolations,
    degradedChecks: observation.degraded ? counters.degradedChecks + 1 : 0,
  };
  let trigger: RollbackTrigger | undefined;
  let reason = '';
  if (next.hashViolations >= policy.constitutionalViolations) {
    trigger = 'constitutional_violations';
    reason = `${next.hashViolations} consecutive constitutional hash violation(s)`;
  } else if (next.healthFailures >= policy.healthCheckFailures) {
    trigger = 'health_check_failures';
    reason = `${next.healthFailures} consecutive failed health checks`;
  } else if (policy.performanceDegradation && next.degradedChecks >= policy.performanceDegradationChecks) {
    trigger = 'performance_degradation';
    reason = `SLOs breached in ${next.degradedChecks} consecutive checks`;
  }
  if (trigger === undefined) return { counters: next, verdict: { action: 'none' } };

  if (lastChange === undefined)
    return { counters: next, verdict: { action: 'suppressed', trigger, reason: 'never-deployed' } };
  if (lastChange.origin === 'rollback') {
    return { counters: next, verdict: { action: 'suppressed', trigger, reason: 'last-change-was-rollback' } };
  }
  if (observation.at - lastChange.at > policy.recentChangeWindowMs) {
    return { counters: next, verdict: { action: 'suppressed', trigger, reason: 'no-recent-change' } };
  }
  return {
    counters: INITIAL_TRIGGER_COUNTERS,
    verdict: { action: 'rollback', trigger, reason, fromRevision: lastChange.revision },
  };
}
