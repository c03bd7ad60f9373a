import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface HttpMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status_code'>;
  readonly duration: Histogram<'method' | 'route' | 'status_code'>;
  /** Counts one answered request; label children are cached, so the hot path does no label hashing. */
  readonly observe: (method: string, route: string, statusCode: number, seconds: number) => void;
}

/**
 * One registry per app (never prom-client's global one) with process metrics and the HTTP
 * request counter and latency histogram. `prefix` names the service (`isl_` gives `isl_http_*`).
 * Route labels are templates (`/spice/descriptor/:id`), `unmatched` for 404s: never raw URLs.
 */
export function createHttpMetrics(prefix = ''): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: `${prefix}http_requests_total`,
    help: 'HTTP requests answered, by route template and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'HTTP request latency in seconds, by route template and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // Bounded: methods × route templates × statuses, never raw URLs.
  const children = new Map<string, { count: () => void; time: (seconds: number) => void }>();
  const observe = (method: string, route: string, statusCode: number, seconds: number) => {
    const key = `${method} ${statusCode} ${route}`;
    let child = children.get(key);
    if (!child) {
      const labels = { method, route, status_code: String(statusCode) };
      const counter = requests.labels(labels);
      const histogram = duration.labels(labels);
      child = { count: () => counter.inc(), time: (value) => histogram.observe(value) };
      children.set(key, child);
    }
    child.count();
    child.time(seconds);
  };
  return { registry, requests, duration, observe };
}
