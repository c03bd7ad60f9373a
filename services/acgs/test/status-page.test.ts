import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { createAcgsService } from '../src/app.js';
import { parseAcgsConfig } from '../src/domain/config/index.js';
import { buildMonitorReport } from '../src/domain/report/index.js';
import type { ServiceHealthResult } from '../src/domain/report/index.js';
import { evaluateSlos } from '../src/domain/slo/index.js';
import { StatusStore } from '../src/status-page/status-store.js';
import { lineChartSvg } from '../src/status-page/svg-chart.js';
import { tempDir } from './support/test-context.js';

const T0 = Date.UTC(2026, 10, 23, 4, 0, 0);
const targets = { p99LatencyMs: 5, throughputRps: 100, availabilityPercent: 99.9, errorRatePercent: 1 };

function round(at: number, p99: number, hashOk: boolean) {
  const measurement = {
    windowSeconds: 30,
    requests: 3000,
    p99LatencyMs: p99,
    rps: 100,
    availabilityPercent: 99.95,
    errorRatePercent: 0.05,
  };
  const slo = evaluateSlos(measurement, targets);
  const services: ServiceHealthResult[] = [
    { name: 'iss', healthy: true, status_code: 200, constitutional_compliant: true, slo: { ...slo } },
    {
      name: 'isl',
      healthy: hashOk,
      status_code: 200,
      constitutional_compliant: hashOk,
      message: hashOk ? 'HTTP 200' : 'hash mismatch',
    },
  ];
  return buildMonitorReport({
    checkedAt: at,
    namespace: 'acgs-system',
    constitutionalHash: 'cdd01ef066bc6cf2',
    sloSource: 'scrape',
    services,
  });
}

const store = new StatusStore();
const config = parseAcgsConfig({ production: { services: [] } });
const service = createAcgsService(store, config, tempDir('status'));
let built: Awaited<ReturnType<typeof service.build>>;

beforeAll(async () => {
  built = await service.build({ env: { LOG_LEVEL: 'silent' } });
  store.addRound(round(T0, 2, true));
  store.addRound(round(T0 + 30_000, 7, false));
});

afterAll(async () => {
  await built.close();
});

describe('status page', () => {
  it('renders services, hash verdicts and inline SVG SLO charts', async () => {
    const response = await built.app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<td>isl</td><td>UNHEALTHY</td><td>VIOLATION</td>');
    expect(response.body).toContain('aria-label="P99 latency: 7 ms"');
    expect(response.body).not.toMatch(/<script|src="http/);
  });

  it('exposes acgs_service_constitutional_compliant per service on /metrics', async () => {
    const body = (await built.app.inject('/metrics')).body;
    expect(body).toContain('acgs_service_constitutional_compliant{service="iss"} 1');
    expect(body).toContain('acgs_service_constitutional_compliant{service="isl"} 0');
  });

  it('receives Alertmanager webhooks on POST /alerts', async () => {
    const response = await built.app.inject({
      method: 'POST',
      url: '/alerts',
      payload: {
        version: '4',
        status: 'firing',
        receiver: 'acgs',
        alerts: [
          {
            status: 'firing',
            labels: { alertname: 'ACGSHighLatency', service: 'iss' },
            annotations: { summary: 'P99 above 5 ms' },
            startsAt: '2026-11-23T04:00:00Z',
          },
        ],
      },
    });
    expect(response.json()).toEqual({ received: 1 });
    const status = (await built.app.inject('/status.json')).json<{
      alerts: { source: string; name: string; service: string }[];
    }>();
    expect(status.alerts[0]).toMatchObject({
      source: 'alertmanager',
      name: 'ACGSHighLatency',
      service: 'iss',
    });
    expect((await built.app.inject('/')).body).toContain('P99 above 5 ms');
  });

  it('draws a line through the points and a dashed target line', () => {
    const svg = lineChartSvg({
      title: 'P99',
      unit: 'ms',
      points: [
        { at: 0, value: 1 },
        { at: 10, value: 2 },
      ],
      target: 5,
      width: 100,
      height: 60,
    });
    // y = 60 − 4 − v / (5 · 1.1) · (60 − 8 − 14): 1 → 49.1, 2 → 42.2, the target 5 → 21.5.
    expect(svg).toContain('<path d="M4.0,49.1 L96.0,42.2"');
    expect(svg).toContain('y1="21.5" y2="21.5"');
    expect(svg).toContain('stroke-dasharray="4 3"');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('renders in headless Chromium with its charts', async () => {
    const address = await built.app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(address);
      expect(await page.title()).toBe('ACGS-2 status');
      expect(await page.locator('#services svg').count()).toBe(6);
      expect(await page.locator('#overall').textContent()).toBe('unhealthy');
      const box = await page.locator('#services svg').first().boundingBox();
      expect(box?.width).toBe(320);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
