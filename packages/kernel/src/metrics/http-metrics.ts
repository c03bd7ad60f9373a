import { Registry, collectDefaultMetrics } from 'prom-client';
import { RequestTally } from './request-tally.js';

export interface HttpMetrics {
  readonly registry: Registry;
  /** Counts one answered request in `http_requests_total` and `http_request_duration_seconds`. */
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
  const tally = new RequestTally(registry, {
    counter: `${prefix}http_requests_total`,
    histogram: `${prefix}http_request_duration_seconds`,
  });
  return {
    registry,
    observe: (method, route, statusCode, seconds) => tally.observe(method, route, statusCode, seconds),
  };
}
