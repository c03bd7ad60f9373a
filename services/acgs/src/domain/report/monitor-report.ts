import type { SloCheck, SloMeasurement } from '../slo/index.js';

/** One service at one monitoring check. */
export interface ServiceHealthResult {
  readonly name: string;
  readonly healthy: boolean;
  readonly status_code?: number | undefined;
  readonly response_time_ms?: number | undefined;
  /** True when /health carried exactly the hash; null when nothing answered or the probe is not HTTP. */
  readonly constitutional_compliant: boolean | null;
  readonly message?: string | undefined;
  readonly slo?:
    | {
        readonly measurement: SloMeasurement;
        readonly checks: readonly SloCheck[];
        readonly degraded: boolean;
      }
    | undefined;
}

export interface AlertRecord {
  readonly key: string;
  readonly status: 'firing' | 'resolved';
  readonly at: string;
  readonly delivered: boolean;
  readonly error?: string | undefined;
}

export interface AutoRollbackRecord {
  readonly service: string;
  readonly trigger: string;
  readonly reason: string;
  readonly outcome: 'rolled_back' | 'suppressed' | 'failed';
  readonly detail?: string | undefined;
}

export interface MonitorReportInput {
  readonly checkedAt: number;
  readonly namespace: string;
  readonly constitutionalHash: string;
  readonly sloSource: 'prometheus' | 'scrape' | 'none';
  readonly services: readonly ServiceHealthResult[];
  readonly alerts?: readonly AlertRecord[] | undefined;
  readonly autoRollbacks?: readonly AutoRollbackRecord[] | undefined;
}

export type OverallStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface MonitorReport {
  readonly report_type: 'health_check';
  readonly timestamp: string;
  readonly namespace: string;
  readonly constitutional_hash: string;
  readonly overall_status: OverallStatus;
  readonly slo_source: 'prometheus' | 'scrape' | 'none';
  readonly summary: {
    readonly total_services: number;
    readonly healthy_services: number;
    readonly unhealthy_services: readonly string[];
    readonly constitutional_violations: readonly string[];
    readonly slo_breaches: readonly string[];
  };
  readonly sla_compliance: Readonly<
    Record<string, { readonly compliant: boolean; readonly breached_by: readonly string[] }>
  >;
  readonly services: readonly ServiceHealthResult[];
  readonly alerts_sent: readonly AlertRecord[];
  readonly auto_rollbacks: readonly AutoRollbackRecord[];
  readonly exit_code: number;
}

/** `acgs monitor --single-check` exit codes: 0 healthy, 1 degraded (SLO breach), 2 unhealthy or a hash violation. */
export function monitorExitCode(status: OverallStatus): number {
  return status === 'healthy' ? 0 : status === 'degraded' ? 1 : 2;
}

/** Builds the monitor report of one check round. */
export function buildMonitorReport(input: MonitorReportInput): MonitorReport {
  const unhealthy = input.services.filter((s) => !s.healthy).map((s) => s.name);
  const violations = input.services.filter((s) => s.constitutional_compliant === false).map((s) => s.name);
  const breaches = input.services.filter((s) => s.slo?.degraded === true).map((s) => s.name);
  const overall: OverallStatus =
    unhealthy.length > 0 || violations.length > 0
      ? 'unhealthy'
      : breaches.length > 0
        ? 'degraded'
        : 'healthy';
  const sla: Record<string, { compliant: boolean; breached_by: string[] }> = {};
  for (const slo of ['p99_latency', 'throughput', 'availability', 'error_rate']) {
    const by = input.services
      .filter((s) => s.slo?.checks.some((c) => c.slo === slo && c.status === 'breach') === true)
      .map((s) => s.name);
    sla[slo] = { compliant: by.length === 0, breached_by: by };
  }
  return {
    report_type: 'health_check',
    timestamp: new Date(input.checkedAt).toISOString(),
    namespace: input.namespace,
    constitutional_hash: input.constitutionalHash,
    overall_status: overall,
    slo_source: input.sloSource,
    summary: {
      total_services: input.services.length,
      healthy_services: input.services.length - unhealthy.length,
      unhealthy_services: unhealthy,
      constitutional_violations: violations,
      slo_breaches: breaches,
    },
    sla_compliance: sla,
    services: input.services,
    alerts_sent: input.alerts ?? [],
    auto_rollbacks: input.autoRollbacks ?? [],
    exit_code: monitorExitCode(overall),
  };
}
