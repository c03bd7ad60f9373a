import { describe, expect, it } from 'vitest';
import { bucketize } from './latency-quantile.js';
import { evaluateSlos, measureTraffic } from './slo-evaluation.js';
import type { SloTargets } from './slo-evaluation.js';

const GUIDE: SloTargets = {
  p99LatencyMs: 5,
  throughputRps: 100,
  availabilityPercent: 99.9,
  errorRatePercent: 1,
};
const latencies = (fast: number, slow: number) => [
  ...Array<number>(fast).fill(1),
  ...Array<number>(slow).fill(20),
];
const statusOf = (evaluation: ReturnType<typeof evaluateSlos>) =>
  Object.fromEntries(evaluation.checks.map((c) => [c.slo, c.status]));

describe('evaluateSlos', () => {
  it('breaches the 5 ms P99 when 2% of requests take 20 ms (exact, from samples)', () => {
    const evaluation = evaluateSlos(
      measureTraffic({ windowSeconds: 10, total: 1000, failed: 0, samplesMs: latencies(980, 20) }),
      GUIDE,
    );
    expect(evaluation.measurement.p99LatencyMs).toBe(20);
    expect(statusOf(evaluation)).toEqual({
      p99_latency: 'breach',
      throughput: 'pass',
      availability: 'pass',
      error_rate: 'pass',
    });
    expect(evaluation.degraded).toBe(true);
  });

  it('passes the 5 ms P99 when 0.5% of requests take 20 ms (exact, from samples)', () => {
    const evaluation = evaluateSlos(
      measureTraffic({ windowSeconds: 10, total: 1000, failed: 0, samplesMs: latencies(995, 5) }),
      GUIDE,
    );
    expect(evaluation.measurement.p99LatencyMs).toBe(1);
    expect(evaluation.degraded).toBe(false);
  });

  it('gives the same verdicts from prom-client histogram buckets', () => {
    const bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    const seconds = (fast: number, slow: number) => latencies(fast, slow).map((ms) => ms / 1000);
    const slow = measureTraffic({
      windowSeconds: 10,
      total: 1000,
      failed: 0,
      buckets: bucketize(seconds(980, 20), bounds),
    });
    const fast = measureTraffic({
      windowSeconds: 10,
      total: 1000,
      failed: 0,
      buckets: bucketize(seconds(995, 5), bounds),
    });
    expect(slow.p99LatencyMs).toBeCloseTo(17.5, 9);
    expect(fast.p99LatencyMs).toBeCloseTo(4.974874371859297, 9);
    expect(statusOf(evaluateSlos(slow, GUIDE))['p99_latency']).toBe('breach');
    expect(statusOf(evaluateSlos(fast, GUIDE))['p99_latency']).toBe('pass');
  });

  it('passes 99.9% availability with 999/1000 and fails it with 998/1000', () => {
    const pass = evaluateSlos(
      measureTraffic({ windowSeconds: 10, total: 1000, failed: 1, samplesMs: [1] }),
      GUIDE,
    );
    const fail = evaluateSlos(
      measureTraffic({ windowSeconds: 10, total: 1000, failed: 2, samplesMs: [1] }),
      GUIDE,
    );
    expect(pass.checks.find((c) => c.slo === 'availability')).toEqual({
      slo: 'availability',
      actual: 99.9,
      target: 99.9,
      comparator: '>=',
      status: 'pass',
    });
    expect(fail.checks.find((c) => c.slo === 'availability')).toEqual({
      slo: 'availability',
      actual: 99.8,
      target: 99.9,
      comparator: '>=',
      status: 'breach',
    });
    expect(fail.degraded).toBe(true);
  });

  it('computes RPS over the known window and flags low throughput without calling it degradation', () => {
    const evaluation = evaluateSlos(
      measureTraffic({ windowSeconds: 20, total: 1000, failed: 0, samplesMs: [1] }),
      GUIDE,
    );
    expect(evaluation.measurement.rps).toBe(50);
    expect(statusOf(evaluation)['throughput']).toBe('breach');
    expect(evaluation.degraded).toBe(false);
  });

  it('reports no-data (not a breach) for a window without requests', () => {
    const evaluation = evaluateSlos(
      measureTraffic({ windowSeconds: 10, total: 0, failed: 0, samplesMs: [] }),
      GUIDE,
    );
    expect(statusOf(evaluation)).toEqual({
      p99_latency: 'no-data',
      throughput: 'breach',
      availability: 'no-data',
      error_rate: 'no-data',
    });
    expect(evaluation.degraded).toBe(false);
  });
});
