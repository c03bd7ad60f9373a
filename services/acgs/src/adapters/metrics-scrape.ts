import { httpTrafficSnapshot, parsePrometheusText } from '../domain/slo/index.js';
import type { HttpTrafficSnapshot } from '../domain/slo/index.js';

/** Routes that are probes and scrapes, not traffic: the monitor's own requests must not count. */
export const NON_TRAFFIC_ROUTES = ['/health', '/ready', '/metrics'];

/** Scrapes a service's `/metrics` and sums its request-latency histogram into one traffic snapshot. */
export async function scrapeTraffic(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<HttpTrafficSnapshot> {
  const response = await fetch(`http://${host}:${port}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`/metrics answered HTTP ${response.status}`);
  return httpTrafficSnapshot(parsePrometheusText(await response.text()), {
    excludeRoutes: NON_TRAFFIC_ROUTES,
  });
}
