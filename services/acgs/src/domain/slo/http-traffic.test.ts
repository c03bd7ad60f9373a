import { describe, expect, it } from 'vitest';
import { httpTrafficSnapshot, trafficBetween } from './http-traffic.js';
import { parsePrometheusText } from './prometheus-text.js';

const SCRAPE_1 = `# HELP http_request_duration_seconds request latency
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/x",status_code="200"} 10
http_request_duration_seconds_bucket{le="0.025",method="GET",route="/v1/x",status_code="200"} 10
http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/x",status_code="200"} 10
http_request_duration_seconds_count{method="GET",route="/v1/x",status_code="200"} 10
http_request_duration_seconds_bucket{le="0.005",method="GET",route="/metrics",status_code="200"} 4
http_request_duration_seconds_bucket{le="0.025",method="GET",route="/metrics",status_code="200"} 4
http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/metrics",status_code="200"} 4
http_request_duration_seconds_count{method="GET",route="/metrics",status_code="200"} 4
`;
const SCRAPE_2 = `http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/x",status_code="200"} 988
http_request_duration_seconds_bucket{le="0.025",method="GET",route="/v1/x",status_code="200"} 1008
http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/x",status_code="200"} 1008
http_request_duration_seconds_count{method="GET",route="/v1/x",status_code="200"} 1008
http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/x",status_code="503"} 2
http_request_duration_seconds_bucket{le="0.025",method="GET",route="/v1/x",status_code="503"} 2
http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/x",status_code="503"} 2
http_request_duration_seconds_count{method="GET",route="/v1/x",status_code="503"} 2
http_request_duration_seconds_count{method="GET",route="/metrics",status_code="200"} 5
`;

describe('httpTrafficSnapshot / trafficBetween', () => {
  it('sums label sets, leaves out excluded routes and counts 5xx as failed', () => {
    const snapshot = httpTrafficSnapshot(parsePrometheusText(SCRAPE_2), { excludeRoutes: ['/metrics'] });
    expect(snapshot).toEqual({
      buckets: [
        { le: 0.005, count: 990 },
        { le: 0.025, count: 1010 },
        { le: Infinity, count: 1010 },
      ],
      total: 1010,
      failed: 2,
    });
  });

  it('reads a service-prefixed histogram (the kernel metricsPrefix)', () => {
    const text =
      'isl_http_request_duration_seconds_bucket{le="+Inf",status_code="500"} 3\nisl_http_request_duration_seconds_count{status_code="500"} 3\n';
    expect(httpTrafficSnapshot(parsePrometheusText(text))).toEqual({
      buckets: [{ le: Infinity, count: 3 }],
      total: 3,
      failed: 3,
    });
  });

  it('gives the window between two scrapes', () => {
    const options = { excludeRoutes: ['/metrics'] };
    const window = trafficBetween(
      httpTrafficSnapshot(parsePrometheusText(SCRAPE_1), options),
      httpTrafficSnapshot(parsePrometheusText(SCRAPE_2), options),
      10,
    );
    expect(window).toEqual({
      windowSeconds: 10,
      total: 1000,
      failed: 2,
      buckets: [
        { le: 0.005, count: 980 },
        { le: 0.025, count: 1000 },
        { le: Infinity, count: 1000 },
      ],
    });
  });
});
