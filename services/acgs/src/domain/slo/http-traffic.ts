import { histogramDelta } from './latency-quantile.js';
import type { HistogramBucket } from './latency-quantile.js';
import type { MetricSample } from './prometheus-text.js';

/** Cumulative HTTP traffic of one service at one scrape. */
export interface HttpTrafficSnapshot {
  /** Latency histogram in seconds, summed over routes, methods and statuses. */
  readonly buckets: readonly HistogramBucket[];
  readonly total: number;
  /** Requests answered with a 5xx status. */
  readonly failed: number;
}

/** Traffic within one window of known length. */
export interface TrafficWindow {
  readonly windowSeconds: number;
  readonly total: number;
  readonly failed: number;
  /** Latency histogram of the window in seconds (from scrapes or Prometheus)… */
  readonly buckets?: readonly HistogramBucket[];
  /** …or raw latencies in milliseconds (from the monitor's own timed requests). */
  readonly samplesMs?: readonly number[];
}

export interface SnapshotOptions {
  /**
   * Histogram base name; `_bucket` and `_count` are read. A service-prefixed name (the kernel's
   * `metricsPrefix`, e.g. `isl_http_request_duration_seconds`) matches too.
   */
  readonly metric?: string;
  /** Routes not counted as traffic (the scrapes and probes themselves), by the `route` label. */
  readonly excludeRoutes?: readonly string[];
}

/** prom-client's and the kernel's histogram name for request latency. */
export const DEFAULT_HTTP_METRIC = 'http_request_duration_seconds';

function statusOf(labels: Readonly<Record<string, string>>): string | undefined {
  return labels['status_code'] ?? labels['status'] ?? labels['code'];
}

/**
 * Sums a service's request-latency histogram over every label set (route, method, status), leaving out
 * excluded routes, and counts 5xx answers as failed.
 */
export function httpTrafficSnapshot(
  samples: readonly MetricSample[],
  options: SnapshotOptions = {},
): HttpTrafficSnapshot {
  const metric = options.metric ?? DEFAULT_HTTP_METRIC;
  const excluded = new Set(options.excludeRoutes ?? []);
  const counted = (labels: Readonly<Record<string, string>>) => {
    const route = labels['route'];
    return route === undefined || !excluded.has(route);
  };
  const byLe = new Map<number, number>();
  const named = (name: string, suffix: string) =>
    name === metric + suffix || name.endsWith(`_${metric}${suffix}`);
  let total = 0;
  let failed = 0;
  for (const sample of samples) {
    if (!counted(sample.labels)) continue;
    if (named(sample.name, '_bucket')) {
      const leText = sample.labels['le'];
      if (leText === undefined) continue;
      const le = leText === '+Inf' ? Infinity : Number(leText);
      byLe.set(le, (byLe.get(le) ?? 0) + sample.value);
    } else if (named(sample.name, '_count')) {
      total += sample.value;
      if (statusOf(sample.labels)?.startsWith('5') === true) failed += sample.value;
    }
  }
  const buckets = [...byLe.entries()].sort(([a], [b]) => a - b).map(([le, count]) => ({ le, count }));
  return { buckets, total, failed };
}

/** The traffic between two scrapes taken `windowSeconds` apart (a counter reset keeps only the later one). */
export function trafficBetween(
  earlier: HttpTrafficSnapshot,
  later: HttpTrafficSnapshot,
  windowSeconds: number,
): TrafficWindow {
  const reset = later.total < earlier.total;
  return {
    windowSeconds,
    total: reset ? later.total : later.total - earlier.total,
    failed: reset ? later.failed : Math.max(0, later.failed - earlier.failed),
    buckets: histogramDelta(earlier.buckets, later.buckets),
  };
}
