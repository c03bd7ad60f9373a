/**
 * A closed-loop HTTP driver for the ISL workload benchmark: a fixed number of virtual clients, each
 * sending its next request only when the previous answer has been read, until a fixed number of
 * iterations is done. Latency is measured per request (send → body read) and kept as raw samples, so
 * percentiles are exact rather than histogram buckets; one iteration may make several calls (elicit
 * then update), each recorded under its own endpoint name.
 */
import { performance } from 'node:perf_hooks';

export interface Sample {
  readonly endpoint: string;
  readonly ms: number;
  readonly ok: boolean;
}

/** POSTs `body` to `path`, records a sample under `endpoint`, and returns the JSON answer when 2xx. */
export type Call = (endpoint: string, path: string, body: object) => Promise<unknown>;

/** One iteration of the workload: the `index`-th, across all virtual clients. */
export type Iteration = (index: number, call: Call) => Promise<void>;

export interface LoopResult {
  readonly samples: readonly Sample[];
  readonly wallMs: number;
}

/** Runs `iterations` iterations of `iteration` against `baseUrl` with `concurrency` virtual clients. */
export async function runClosedLoop(
  baseUrl: string,
  concurrency: number,
  iterations: number,
  iteration: Iteration,
): Promise<LoopResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(baseUrl))
    throw new Error(`benchmarks only target loopback, not ${baseUrl}`);
  const samples: Sample[] = [];
  const call: Call = async (endpoint, path, body) => {
    const payload = JSON.stringify(body);
    const started = performance.now();
    try {
      const response = await fetch(baseUrl + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      });
      const text = await response.text();
      samples.push({ endpoint, ms: performance.now() - started, ok: response.ok });
      return response.ok ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      samples.push({ endpoint, ms: performance.now() - started, ok: false });
      return undefined;
    }
  };
  let next = 0;
  const client = async (): Promise<void> => {
    while (next < iterations) {
      const index = next++;
      await iteration(index, call);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  return { samples, wallMs: performance.now() - started };
}

export interface EndpointStats {
  readonly endpoint: string;
  readonly requests: number;
  readonly successRate: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * The nearest-rank percentile (the smallest sample with at least q of the samples at or below it):
 * always an observed latency, never an interpolation.
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Success rate and p50/p95/p99 (over every request, failed ones included) per endpoint, in first-seen order. */
export function summarize(samples: readonly Sample[]): EndpointStats[] {
  const byEndpoint = new Map<string, Sample[]>();
  for (const sample of samples) {
    const list = byEndpoint.get(sample.endpoint) ?? [];
    list.push(sample);
    byEndpoint.set(sample.endpoint, list);
  }
  return [...byEndpoint].map(([endpoint, list]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    return {
      endpoint,
      requests: list.length,
      successRate: list.filter((s) => s.ok).length / list.length,
      p50Ms: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    };
  });
}
