import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKETS, RequestTally } from './request-tally.js';

const NAMES = { counter: 'svc_http_requests_total', histogram: 'svc_http_request_duration_seconds' };
const OBSERVATIONS: [string, string, number, number][] = [
  ['GET', '/health', 200, 0.0004],
  ['GET', '/health', 200, 0.005], // exactly on a bound: counted in le="0.005", as prom-client does
  ['GET', '/items/:id', 404, 0.02],
  ['POST', '/items', 201, 12], // above every bound: only +Inf
  ['GET', '/health', 200, 0.3],
];

describe('RequestTally', () => {
  it("writes the same /metrics text as prom-client's own Counter and Histogram", async () => {
    const ours = new Registry();
    const tally = new RequestTally(ours, NAMES);
    const reference = new Registry();
    const labelNames = ['method', 'route', 'status_code'] as const;
    const counter = new Counter({
      name: NAMES.counter,
      help: 'HTTP requests answered, by route template and status',
      labelNames,
      registers: [reference],
    });
    const histogram = new Histogram({
      name: NAMES.histogram,
      help: 'HTTP request latency in seconds, by route template and status',
      labelNames,
      buckets: [...LATENCY_BUCKETS],
      registers: [reference],
    });
    for (const [method, route, status, seconds] of OBSERVATIONS) {
      tally.observe(method, route, status, seconds);
      const labels = { method, route, status_code: String(status) };
      counter.inc(labels);
      histogram.observe(labels, seconds);
    }
    expect(await ours.metrics()).toBe(await reference.metrics());
    expect(await ours.metrics()).toContain(
      'svc_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/health",status_code="200"} 2',
    );
    expect(await ours.metrics()).toContain(
      'svc_http_requests_total{method="GET",route="/health",status_code="200"} 3',
    );
  });

  it('merges across workers like prom-client metrics (the aggregator sums by name and labels)', async () => {
    const registries = [new Registry(), new Registry()];
    const tallies = registries.map((registry) => new RequestTally(registry, NAMES));
    tallies[0]!.observe('GET', '/health', 200, 0.001);
    tallies[1]!.observe('GET', '/health', 200, 0.002);
    const { AggregatorRegistry } = await import('prom-client');
    const merged = AggregatorRegistry.aggregate(
      await Promise.all(registries.map((registry) => registry.getMetricsAsJSON())),
    );
    const text = await merged.metrics();
    expect(text).toContain('svc_http_requests_total{method="GET",route="/health",status_code="200"} 2');
    expect(text).toContain(
      'svc_http_request_duration_seconds_bucket{le="0.001",method="GET",route="/health",status_code="200"} 1',
    );
    expect(text).toContain(
      'svc_http_request_duration_seconds_bucket{le="0.0025",method="GET",route="/health",status_code="200"} 2',
    );
    expect(text).toContain(
      'svc_http_request_duration_seconds_sum{method="GET",route="/health",status_code="200"} 0.003',
    );
  });
});
