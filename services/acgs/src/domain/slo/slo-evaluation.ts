import { histogramQuantile, sampleQuantile } from './latency-quantile.js';
import type { TrafficWindow } from './http-traffic.js';
import { availabilityPercent, errorRatePercent, requestRate } from './traffic-rates.js';

/** The guide's SLO targets (health-monitor-config `performance_monitoring`). */
export interface SloTargets {
  /** P99 must stay below this (guide: < 5 ms). */
  readonly p99LatencyMs: number;
  /** Throughput at or above this (guide: > 100 RPS, the minimum operational standard). */
  readonly throughputRps: number;
  /** Availability at or above this (guide: 99.9 %). */
  readonly availabilityPercent: number;
  /** Error rate below this (guide: < 1 %). */
  readonly errorRatePercent: number;
}

/** Measured values over one window; undefined where the window had no requests. */
export interface SloMeasurement {
  readonly windowSeconds: number;
  readonly requests: number;
  readonly p99LatencyMs: number | undefined;
  readonly rps: number;
  readonly availabilityPercent: number | undefined;
  readonly errorRatePercent: number | undefined;
}

export type SloName = 'p99_latency' | 'throughput' | 'availability' | 'error_rate';

export interface SloCheck {
  readonly slo: SloName;
  readonly actual: number | null;
  readonly target: number;
  readonly comparator: '<' | '>=';
  readonly status: 'pass' | 'breach' | 'no-data';
}

export interface SloEvaluation {
  readonly measurement: SloMeasurement;
  readonly checks: readonly SloCheck[];
  /**
   * True when latency, availability or error rate is breached: the service itself is degraded (this is
   * what the `performance_degradation` rollback trigger reads). Low throughput alone is not degradation —
   * it usually means little traffic, not a fault — so it is reported but does not set this.
   */
  readonly degraded: boolean;
}

/** Measures a traffic window: P99 (exact from samples, or histogram_quantile from buckets), RPS, availability, error rate. */
export function measureTraffic(window: TrafficWindow): SloMeasurement {
  let p99LatencyMs: number | undefined;
  if (window.samplesMs !== undefined) {
    p99LatencyMs = sampleQuantile(window.samplesMs, 0.99);
  } else if (window.buckets !== undefined && window.buckets.length >= 2) {
    const seconds = histogramQuantile(window.buckets, 0.99);
    p99LatencyMs = seconds === undefined ? undefined : seconds * 1000;
  }
  return {
    windowSeconds: window.windowSeconds,
    requests: window.total,
    p99LatencyMs,
    rps: requestRate(0, window.total, window.windowSeconds),
    availabilityPercent: availabilityPercent(window.total, window.failed),
    errorRatePercent: errorRatePercent(window.total, window.failed),
  };
}

function check(slo: SloName, actual: number | undefined, target: number, comparator: '<' | '>='): SloCheck {
  if (actual === undefined) return { slo, actual: null, target, comparator, status: 'no-data' };
  const ok = comparator === '<' ? actual < target : actual >= target;
  return { slo, actual, target, comparator, status: ok ? 'pass' : 'breach' };
}

/** Compares a measurement with the targets. */
export function evaluateSlos(measurement: SloMeasurement, targets: SloTargets): SloEvaluation {
  const checks = [
    check('p99_latency', measurement.p99LatencyMs, targets.p99LatencyMs, '<'),
    check('throughput', measurement.rps, targets.throughputRps, '>='),
    check('availability', measurement.availabilityPercent, targets.availabilityPercent, '>='),
    check('error_rate', measurement.errorRatePercent, targets.errorRatePercent, '<'),
  ];
  const degraded = checks.some((c) => c.slo !== 'throughput' && c.status === 'breach');
  return { measurement, checks, degraded };
}
