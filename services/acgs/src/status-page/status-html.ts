import type { HealthMonitorConfig } from '../domain/config/index.js';
import type { StatusStore } from './status-store.js';
import { lineChartSvg } from './svg-chart.js';

/** A deploy or rollback report, as much of it as the page shows. */
export interface RecentOperation {
  readonly kind: 'deployment' | 'rollback';
  readonly id: string;
  readonly timestamp: string;
  readonly status: string;
  readonly services: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The status page: services with health and hash, SLO charts over time, recent deploys, rollbacks and alerts. */
export function renderStatusPage(
  store: StatusStore,
  monitor: HealthMonitorConfig,
  operations: readonly RecentOperation[],
): string {
  const latest = store.latest;
  const targets = monitor.performance_monitoring;
  const rows = (latest?.services ?? [])
    .map((service) => {
      const series = store.seriesOf(service.name);
      const chart = (
        title: string,
        unit: string,
        pick: (p: (typeof series)[number]) => number | null,
        target: number,
      ) => lineChartSvg({ title, unit, points: series.map((p) => ({ at: p.at, value: pick(p) })), target });
      const hash =
        service.constitutional_compliant === null
          ? '—'
          : service.constitutional_compliant
            ? 'exact'
            : 'VIOLATION';
      return (
        `<tr class="${service.healthy ? 'up' : 'down'}"><td>${escapeHtml(service.name)}</td>` +
        `<td>${service.healthy ? 'healthy' : 'UNHEALTHY'}</td><td>${hash}</td>` +
        `<td>${escapeHtml(service.message ?? '')}</td></tr>` +
        `<tr><td colspan="4" class="charts">` +
        chart('P99 latency', 'ms', (p) => p.p99LatencyMs, targets.sla_p99_latency_ms) +
        chart('Throughput', 'rps', (p) => p.rps, targets.sla_throughput_rps) +
        chart('Availability', '%', (p) => p.availabilityPercent, targets.sla_availability_percent) +
        `</td></tr>`
      );
    })
    .join('');
  const ops = operations
    .map(
      (op) =>
        `<tr><td>${op.kind}</td><td>${escapeHtml(op.timestamp)}</td><td>${escapeHtml(op.id)}</td><td>${escapeHtml(op.status)}</td><td>${escapeHtml(op.services)}</td></tr>`,
    )
    .join('');
  const alerts = store.alerts
    .slice(0, 30)
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.at)}</td><td>${a.source}</td><td>${escapeHtml(a.status)}</td><td>${escapeHtml(a.service)}</td><td>${escapeHtml(a.name)}</td><td>${escapeHtml(a.summary)}</td></tr>`,
    )
    .join('');
  const overall = latest === undefined ? 'no check yet' : latest.overall_status;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ACGS-2 status</title>
<meta http-equiv="refresh" content="${Math.max(5, monitor.check_interval_seconds)}">
<style>body{font-family:sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;margin-bottom:1.5rem}
td,th{border-bottom:1px solid #eee;padding:.3rem .6rem;text-align:left;vertical-align:top}.down td{color:#b00}
.charts svg{margin-right:.5rem}h1 span{font-size:.6em;color:#666}</style></head>
<body><h1>ACGS-2 status <span id="overall">${escapeHtml(overall)}</span></h1>
<p>Constitutional hash <code>${escapeHtml(monitor.constitutional_validation.hash)}</code> · SLOs from ${latest?.slo_source ?? '—'} · last check ${escapeHtml(latest?.timestamp ?? '—')}</p>
<h2>Services</h2><table id="services"><tr><th>service</th><th>health</th><th>hash</th><th>detail</th></tr>${rows}</table>
<h2>Recent deploys and rollbacks</h2><table id="operations"><tr><th>kind</th><th>time</th><th>id</th><th>status</th><th>services</th></tr>${ops}</table>
<h2>Recent alerts</h2><table id="alerts"><tr><th>time</th><th>source</th><th>status</th><th>service</th><th>alert</th><th>summary</th></tr>${alerts}</table>
</body></html>`;
}
