import { describe, expect, it } from 'vitest';
import { evaluateSlos, measureTraffic } from '../slo/index.js';
import { buildMonitorReport } from './monitor-report.js';
import type { ServiceHealthResult } from './monitor-report.js';
import { formatMonitorSummary } from './report-summary.js';

const targets = { p99LatencyMs: 5, throughputRps: 100, availabilityPercent: 99.9, errorRatePercent: 1 };
const slo = (failed: number, slowMs: number) =>
  evaluateSlos(
    measureTraffic({
      windowSeconds: 10,
      total: 1000,
      failed,
      samplesMs: [...Array<number>(990).fill(1), ...Array<number>(10).fill(slowMs)],
    }),
    targets,
  );
const at = Date.UTC(2026, 10, 23, 4, 0, 0);

describe('buildMonitorReport', () => {
  it('is healthy with exit code 0 when every service is up, compliant and within SLOs', () => {
    const services: ServiceHealthResult[] = [
      {
        name: 'iss',
        healthy: true,
        status_code: 200,
        response_time_ms: 1.2,
        constitutional_compliant: true,
        slo: slo(0, 1),
      },
    ];
    const report = buildMonitorReport({
      checkedAt: at,
      namespace: 'acgs-system',
      constitutionalHash: 'cdd01ef066bc6cf2',
      sloSource: 'scrape',
      services,
    });
    expect(report).toMatchObject({
      overall_status: 'healthy',
      exit_code: 0,
      summary: { total_services: 1, healthy_services: 1 },
    });
    expect(report.sla_compliance['p99_latency']).toEqual({ compliant: true, breached_by: [] });
    expect(formatMonitorSummary(report)).toBe(
      '2026-11-23T04:00:00.000Z HEALTHY: 1/1 healthy (SLOs from scrape)\n' +
        '  up    iss                  hash ok p99 1.00 ms rps 100.0 avail 100.000% err 0.000%\n',
    );
  });

  it('is degraded (exit 1) on an SLO breach and unhealthy (exit 2) on a hash violation', () => {
    const degraded = buildMonitorReport({
      checkedAt: at,
      namespace: 'n',
      constitutionalHash: 'h',
      sloSource: 'prometheus',
      services: [{ name: 'isl', healthy: true, constitutional_compliant: true, slo: slo(2, 20) }],
    });
    expect([degraded.overall_status, degraded.exit_code]).toEqual(['degraded', 1]);
    expect(degraded.sla_compliance['availability']).toEqual({ compliant: false, breached_by: ['isl'] });
    const violated = buildMonitorReport({
      checkedAt: at,
      namespace: 'n',
      constitutionalHash: 'h',
      sloSource: 'none',
      services: [{ name: 'logic', healthy: true, constitutional_compliant: false, message: 'wrong hash' }],
      alerts: [
        {
          key: 'logic:constitution',
          status: 'firing',
          at: '2026-11-23T04:00:00.000Z',
          delivered: false,
          error: 'HTTP 500',
        },
      ],
    });
    expect([violated.overall_status, violated.exit_code]).toEqual(['unhealthy', 2]);
    expect(violated.summary.constitutional_violations).toEqual(['logic']);
    expect(formatMonitorSummary(violated)).toContain(
      '  alert firing logic:constitution (not delivered: HTTP 500)',
    );
  });
});
