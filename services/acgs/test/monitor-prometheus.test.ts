import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, waitFor } from '@svc/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrapeTraffic } from '../src/adapters/metrics-scrape.js';
import { PrometheusClient, serviceSelector } from '../src/adapters/prometheus-query.js';
import { monitorPorts } from '../src/commands/monitor-command.js';
import { ServiceMonitor } from '../src/commands/service-monitor.js';
import { createDriver } from '../src/drivers/create-driver.js';
import type { MonitorReport } from '../src/domain/report/index.js';
import { measureTraffic, trafficBetween } from '../src/domain/slo/index.js';
import { sendTraffic, startFixture } from './support/fixture-process.js';
import type { FixtureProcess } from './support/fixture-process.js';
import { startPrometheus } from './support/prometheus-server.js';
import type { TestPrometheus } from './support/prometheus-server.js';
import { tempDir, testContext } from './support/test-context.js';

// Four services with known traffic: 1000 requests each.
const SCENARIOS = {
  'slow-2pct': { FIXTURE_SLOW_FRACTION: '0.02', FIXTURE_SLOW_MS: '20' },
  'slow-half-pct': { FIXTURE_SLOW_FRACTION: '0.005', FIXTURE_SLOW_MS: '20' },
  'errors-1': { FIXTURE_ERROR_FRACTION: '0.001' },
  'errors-2': { FIXTURE_ERROR_FRACTION: '0.002' },
} as const;
type Scenario = keyof typeof SCENARIOS;
const NAMES = Object.keys(SCENARIOS) as Scenario[];

let prometheus: TestPrometheus;
const fixtures = new Map<Scenario, FixtureProcess>();
let report: MonitorReport;
let windowSeconds: number;
const scraped = new Map<Scenario, ReturnType<typeof measureTraffic>>();

beforeAll(async () => {
  for (const name of NAMES) fixtures.set(name, await startFixture(await freePort(), SCENARIOS[name]));
  prometheus = await startPrometheus(Object.fromEntries(NAMES.map((n) => [n, fixtures.get(n)?.port ?? 0])));
  const client = new PrometheusClient(prometheus.url);
  // Every target scraped with its zeroed counters before any traffic.
  await waitFor(
    'zeroed counters in Prometheus',
    async () => {
      for (const name of NAMES)
        if ((await client.scalar(`sum(${serviceSelector(name, 'count')})`)) !== 0) return false;
      return true;
    },
    30_000,
  );
  await sleep(1200);
  const t0 = Date.now() - 1000; // the last second only saw zeros
  const before = await Promise.all(
    NAMES.map((n) => scrapeTraffic('127.0.0.1', fixtures.get(n)?.port ?? 0, 2000)),
  );
  // Two at a time: queueing inside a busy fixture would add latency the test did not inject.
  await Promise.all(NAMES.map((n) => sendTraffic(fixtures.get(n)?.port ?? 0, 1000, 2)));
  const after = await Promise.all(
    NAMES.map((n) => scrapeTraffic('127.0.0.1', fixtures.get(n)?.port ?? 0, 2000)),
  );
  NAMES.forEach((n, i) => scraped.set(n, measureTraffic(trafficBetween(before[i]!, after[i]!, 10))));
  await waitFor(
    'Prometheus to scrape all traffic',
    async () => {
      for (const name of NAMES)
        if ((await client.scalar(`sum(${serviceSelector(name, 'count')})`)) !== 1000) return false;
      return true;
    },
    30_000,
  );
  windowSeconds = Math.ceil((Date.now() - t0) / 1000) + 1;
  const dir = tempDir('prom');
  const ctx = testContext(
    dir,
    {
      production: {
        services: NAMES.map((name) => ({ name, port: fixtures.get(name)?.port ?? 0, command: ['node'] })),
      },
      health_monitor: { alerting: { enabled: false }, report_directory: dir },
    },
    { PROMETHEUS_URL: prometheus.url },
  );
  ctx.clock.now = t0 + windowSeconds * 1000;
  const monitor = new ServiceMonitor(ctx.config, monitorPorts(ctx, await createDriver(ctx, 'local')));
  expect(monitor.sloSource).toBe('prometheus');
  report = await monitor.round(windowSeconds);
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  for (const fixture of fixtures.values()) await fixture.stop();
});

const service = (name: Scenario) => report.services.find((s) => s.name === name);
const check = (name: Scenario, slo: string) => service(name)?.slo?.checks.find((c) => c.slo === slo);

describe('acgs monitor SLOs from a real Prometheus', () => {
  it('breaches P99 < 5 ms when 2% of requests take 20 ms', () => {
    const p99 = check('slow-2pct', 'p99_latency');
    expect(p99?.status).toBe('breach');
    // histogram_quantile interpolates inside the bucket holding the slow 2% (every fast request is
    // ≤ 10 ms): 17.5 ms in (10, 25], 37.5 ms in (25, 50] when the loaded machine stretched the 20 ms.
    expect(p99?.actual).toBeGreaterThan(10);
    expect(p99?.actual).toBeLessThan(100);
    expect(service('slow-2pct')?.slo?.degraded).toBe(true);
  });

  it('passes P99 < 5 ms when 0.5% of requests take 20 ms', () => {
    const p99 = check('slow-half-pct', 'p99_latency');
    expect(p99?.status).toBe('pass');
    expect(p99?.actual).toBeLessThan(5);
  });

  it('passes 99.9% availability with 999 of 1000 and fails it with 998 of 1000', () => {
    expect(check('errors-1', 'availability')).toMatchObject({ actual: 99.9, status: 'pass' });
    expect(check('errors-2', 'availability')).toMatchObject({ actual: 99.8, status: 'breach' });
    expect(check('errors-1', 'error_rate')).toMatchObject({ actual: 0.1, status: 'pass' });
    expect(report.sla_compliance['availability']).toEqual({ compliant: false, breached_by: ['errors-2'] });
  });

  it('computes RPS over the known window: 1000 requests / window seconds', () => {
    for (const name of NAMES) {
      expect(service(name)?.slo?.measurement.requests).toBe(1000);
      expect(service(name)?.slo?.measurement.rps).toBe(1000 / windowSeconds);
    }
    expect(report.slo_source).toBe('prometheus');
    expect(report.summary.constitutional_violations).toEqual([]);
  });

  it('gets the same verdicts from its own /metrics scrapes without Prometheus', () => {
    expect(scraped.get('errors-1')).toMatchObject({ requests: 1000, availabilityPercent: 99.9, rps: 100 });
    expect(scraped.get('errors-2')?.availabilityPercent).toBe(99.8);
    expect(scraped.get('slow-2pct')?.p99LatencyMs).toBeGreaterThan(10);
    expect(scraped.get('slow-half-pct')?.p99LatencyMs).toBeLessThan(5);
  });
});
