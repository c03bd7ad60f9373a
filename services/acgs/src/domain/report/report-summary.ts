import type { DeployReport } from './deploy-report.js';
import type { MonitorReport } from './monitor-report.js';

const fixed = (value: number | null | undefined, digits: number, unit: string) =>
  value === null || value === undefined ? '—' : `${value.toFixed(digits)}${unit}`;

/** The human-readable summary printed after `acgs deploy` (the JSON report carries the detail). */
export function formatDeploySummary(report: DeployReport): string {
  const lines = [
    `deployment ${report.deployment_id}: ${report.deployment_status.toUpperCase()} in ${report.duration_seconds.toFixed(1)} s ` +
      `(${report.driver}, namespace ${report.namespace}${report.dry_run ? ', dry run' : ''})`,
    `order: ${report.deployment_order.map((wave) => `[${wave.join(', ')}]`).join(' → ')}`,
  ];
  for (const service of report.services) {
    const revision = service.revision === undefined ? '' : ` rev ${service.revision}`;
    const error = service.error === undefined ? '' : ` — ${service.error}`;
    lines.push(`  ${service.status.padEnd(11)} ${service.name}${revision}${error}`);
  }
  for (const violation of report.constitutional_compliance.manifest_violations) {
    lines.push(`  manifest   ${violation.path}: ${violation.message}`);
  }
  if (report.rollback.performed) {
    lines.push(`rollback (${report.rollback.reason ?? 'failure'}):`);
    for (const service of report.rollback.services) {
      const to = service.to_revision === undefined ? '' : ` → rev ${service.to_revision}`;
      lines.push(
        `  ${service.status.padEnd(11)} ${service.name}${to}${service.error === undefined ? '' : ` — ${service.error}`}`,
      );
    }
  }
  for (const error of report.errors) lines.push(`error: ${error}`);
  return `${lines.join('\n')}\n`;
}

/** The human-readable summary of one monitoring round. */
export function formatMonitorSummary(report: MonitorReport): string {
  const lines = [
    `${report.timestamp} ${report.overall_status.toUpperCase()}: ${report.summary.healthy_services}/${report.summary.total_services} healthy` +
      ` (SLOs from ${report.slo_source})`,
  ];
  for (const service of report.services) {
    const hash =
      service.constitutional_compliant === null
        ? 'hash —'
        : service.constitutional_compliant
          ? 'hash ok'
          : 'HASH BAD';
    const m = service.slo?.measurement;
    const slo =
      m === undefined
        ? ''
        : ` p99 ${fixed(m.p99LatencyMs, 2, ' ms')} rps ${fixed(m.rps, 1, '')} avail ${fixed(m.availabilityPercent, 3, '%')} err ${fixed(m.errorRatePercent, 3, '%')}`;
    lines.push(
      `  ${(service.healthy ? 'up' : 'DOWN').padEnd(5)} ${service.name.padEnd(20)} ${hash}${slo}${service.message === undefined ? '' : ` — ${service.message}`}`,
    );
  }
  for (const alert of report.alerts_sent) {
    lines.push(
      `  alert ${alert.status} ${alert.key}${alert.delivered ? '' : ` (not delivered: ${alert.error ?? 'unknown'})`}`,
    );
  }
  for (const rollback of report.auto_rollbacks) {
    lines.push(
      `  auto-rollback ${rollback.outcome} ${rollback.service} (${rollback.trigger}: ${rollback.reason})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
