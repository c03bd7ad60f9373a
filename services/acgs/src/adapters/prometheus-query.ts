import { availabilityPercent, errorRatePercent } from '../domain/slo/index.js';
import type { SloMeasurement } from '../domain/slo/index.js';
import { NON_TRAFFIC_ROUTES } from './metrics-scrape.js';

interface VectorSample {
  readonly metric: Record<string, string>;
  readonly value: [number, string];
}

/** A minimal client of the Prometheus HTTP query API (`/api/v1/query`). */
export class PrometheusClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 5000,
  ) {}

  /** Evaluates an instant query at `time` (epoch seconds; default now) and returns the vector. */
  async query(expression: string, time?: number): Promise<VectorSample[]> {
    const url = new URL('/api/v1/query', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    url.searchParams.set('query', expression);
    if (time !== undefined) url.searchParams.set('time', time.toFixed(3));
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: { resultType: string; result: VectorSample[] };
    };
    if (body.status !== 'success' || body.data === undefined) {
      throw new Error(`Prometheus query failed: ${body.error ?? `HTTP ${response.status}`} (${expression})`);
    }
    if (body.data.resultType !== 'vector') throw new Error(`expected a vector from ${expression}`);
    return body.data.result;
  }

  /** The single value of a query that sums to one sample; `undefined` for an empty vector or NaN. */
  async scalar(expression: string, time?: number): Promise<number | undefined> {
    const [first] = await this.query(expression, time);
    if (first === undefined) return undefined;
    const value = Number(first.value[1]);
    return Number.isNaN(value) ? undefined : value;
  }
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The label selector of a service's request metrics: the `service` label (the suite's scrape configs set
 * it), the histogram by name with or without a service prefix (`isl_http_request_duration_seconds_…`), and
 * never the probe and scrape routes.
 */
export function serviceSelector(service: string, suffix: 'bucket' | 'count', extra = ''): string {
  const routes = NON_TRAFFIC_ROUTES.join('|');
  return `{__name__=~"(.+_)?http_request_duration_seconds_${suffix}",service=${quote(service)},route!~"${routes}"${extra}}`;
}

/**
 * SLO inputs of one service over the window (at − window, at], from Prometheus:
 * - P99: `histogram_quantile(0.99, sum by (le) (rate(<bucket>[window])))`, the standard latency quantile;
 * - requests and 5xx answers: the summed request counters read at both ends of the window and diffed
 *   (exact counts: `increase()` extrapolates, which would blur 999/1000 against 998/1000);
 * - RPS: requests in the window / window seconds.
 */
export async function measureFromPrometheus(
  client: PrometheusClient,
  service: string,
  windowSeconds: number,
  atMs: number,
): Promise<SloMeasurement> {
  const end = atMs / 1000;
  const start = end - windowSeconds;
  const count = `sum(${serviceSelector(service, 'count')})`;
  const failed = `sum(${serviceSelector(service, 'count', ',status_code=~"5.."')})`;
  const [totalEnd, totalStart, failedEnd, failedStart, p99Seconds] = await Promise.all([
    client.scalar(count, end),
    client.scalar(count, start),
    client.scalar(failed, end),
    client.scalar(failed, start),
    client.scalar(
      `histogram_quantile(0.99, sum by (le) (rate(${serviceSelector(service, 'bucket')}[${windowSeconds}s])))`,
      end,
    ),
  ]);
  const diff = (later = 0, earlier = 0) => (later >= earlier ? later - earlier : later);
  const requests = Math.round(diff(totalEnd, totalStart));
  const errors = Math.min(requests, Math.round(diff(failedEnd, failedStart)));
  return {
    windowSeconds,
    requests,
    p99LatencyMs: requests === 0 || p99Seconds === undefined ? undefined : p99Seconds * 1000,
    rps: requests / windowSeconds,
    availabilityPercent: availabilityPercent(requests, errors),
    errorRatePercent: errorRatePercent(requests, errors),
  };
}
