import type { HealthMonitorConfig, ServiceSpec } from '../domain/config/index.js';
import {
  alertPolicyFromConfig,
  autoRollbackPolicyFromConfig,
  INITIAL_TRIGGER_COUNTERS,
  observeService,
  stepAlertBook,
} from '../domain/alerts/index.js';
import type { AlertBook, AlertNotification, LastChange, TriggerCounters } from '../domain/alerts/index.js';
import { buildMonitorReport } from '../domain/report/index.js';
import type {
  AlertRecord,
  AutoRollbackRecord,
  MonitorReport,
  ServiceHealthResult,
} from '../domain/report/index.js';
import { evaluateSlos, measureTraffic, trafficBetween } from '../domain/slo/index.js';
import type { HttpTrafficSnapshot, SloEvaluation, SloMeasurement } from '../domain/slo/index.js';
import type { DeliveryResult } from '../adapters/webhook-sender.js';
import type { ProbeResult } from '../adapters/service-probe.js';
import type { AcgsConfig } from '../domain/config/index.js';

/** The side effects one monitoring round needs; the CLI wires real ones, tests the same real ones on loopback. */
export interface MonitorPorts {
  readonly now: () => number;
  probe(service: ServiceSpec): Promise<ProbeResult>;
  /** Prometheus measurement over the window ending now (PROMETHEUS_URL set), else undefined. */
  readonly prometheus?:
    ((service: ServiceSpec, windowSeconds: number, atMs: number) => Promise<SloMeasurement>) | undefined;
  /** A `/metrics` scrape of the service (used when there is no Prometheus). */
  scrape(service: ServiceSpec): Promise<HttpTrafficSnapshot>;
  sendAlert(payload: unknown): Promise<DeliveryResult>;
  /** The service's latest revision change (for the auto-rollback recency rule). */
  lastChange(service: ServiceSpec): Promise<LastChange | undefined>;
  /** Rolls a service back to its previous good revision; returns whether that worked and a detail. */
  rollback(service: ServiceSpec, reason: string): Promise<{ ok: boolean; detail: string }>;
}

type CheckKind = 'health' | 'constitutional' | 'slo';

/** The payload sent to the alert webhook: Alertmanager-shaped, so the same receiver can take both. */
export function alertPayload(notification: AlertNotification, hash: string, namespace: string): unknown {
  const [service = '', check = ''] = notification.key.split(':');
  const alertname =
    check === 'constitutional'
      ? 'AcgsConstitutionalViolation'
      : check === 'slo'
        ? 'AcgsSloBreach'
        : 'AcgsServiceUnhealthy';
  return {
    version: '4',
    status: notification.status,
    receiver: 'acgs-monitor',
    alerts: [
      {
        status: notification.status,
        labels: {
          alertname,
          service,
          check,
          namespace,
          severity: check === 'slo' ? 'warning' : 'critical',
          constitutional_hash: hash,
        },
        annotations: {
          summary: `${service}: ${notification.reason}`,
          consecutive_failures: String(notification.consecutiveFailures),
        },
        startsAt: new Date(notification.at).toISOString(),
      },
    ],
  };
}

/**
 * The health monitor's state across rounds: alert states (threshold and cooldown per service and check),
 * auto-rollback trigger counters, and the previous `/metrics` scrape per service (SLOs from two scrapes).
 */
export class ServiceMonitor {
  private book: AlertBook = new Map();
  private readonly counters = new Map<string, TriggerCounters>();
  private readonly scrapes = new Map<string, { at: number; snapshot: HttpTrafficSnapshot }>();

  constructor(
    private readonly config: AcgsConfig,
    private readonly ports: MonitorPorts,
  ) {}

  private get monitor(): HealthMonitorConfig {
    return this.config.health_monitor;
  }

  /** Where SLOs come from. */
  get sloSource(): 'prometheus' | 'scrape' | 'none' {
    if (!this.monitor.performance_monitoring.enabled) return 'none';
    return this.ports.prometheus === undefined ? 'scrape' : 'prometheus';
  }

  /** Takes the first scrape of every HTTP service, so the next round has a window to diff against. */
  async prime(): Promise<void> {
    if (this.sloSource !== 'scrape') return;
    await Promise.all(this.httpServices().map((service) => this.scrapeInto(service)));
  }

  private httpServices(): ServiceSpec[] {
    return this.config.production.services.filter((s) => s.probe.type === 'http');
  }

  private async scrapeInto(
    service: ServiceSpec,
  ): Promise<
    | { before?: { at: number; snapshot: HttpTrafficSnapshot }; at: number; snapshot: HttpTrafficSnapshot }
    | undefined
  > {
    try {
      const at = this.ports.now();
      const snapshot = await this.ports.scrape(service);
      const before = this.scrapes.get(service.name);
      this.scrapes.set(service.name, { at, snapshot });
      return before === undefined ? { at, snapshot } : { before, at, snapshot };
    } catch {
      return undefined;
    }
  }

  private async slo(service: ServiceSpec, windowSeconds: number): Promise<SloEvaluation | undefined> {
    if (service.probe.type !== 'http' || this.sloSource === 'none') return undefined;
    const performance = this.monitor.performance_monitoring;
    const targets = {
      p99LatencyMs: performance.sla_p99_latency_ms,
      throughputRps: performance.sla_throughput_rps,
      availabilityPercent: performance.sla_availability_percent,
      errorRatePercent: performance.sla_error_rate_percent,
    };
    let measurement: SloMeasurement | undefined;
    if (this.ports.prometheus !== undefined) {
      measurement = await this.ports.prometheus(service, windowSeconds, this.ports.now());
    } else {
      // A window under a second (a round right after priming) says nothing about rates: keep the old scrape.
      const previous = this.scrapes.get(service.name);
      if (previous !== undefined && this.ports.now() - previous.at < 1000) return undefined;
      const scrape = await this.scrapeInto(service);
      if (scrape?.before !== undefined) {
        const seconds = Math.max(0.001, (scrape.at - scrape.before.at) / 1000);
        measurement = measureTraffic(trafficBetween(scrape.before.snapshot, scrape.snapshot, seconds));
      }
    }
    return measurement === undefined ? undefined : evaluateSlos(measurement, targets);
  }

  private async alert(
    key: string,
    ok: boolean,
    at: number,
    reason: string,
  ): Promise<AlertRecord | undefined> {
    const alerting = this.monitor.alerting;
    if (!alerting.enabled) return undefined;
    const step = stepAlertBook(this.book, key, { ok, at, reason }, alertPolicyFromConfig(alerting));
    this.book = step.book;
    if (step.notification === undefined) return undefined;
    const hash = this.monitor.constitutional_validation.hash;
    const delivery = await this.ports.sendAlert(
      alertPayload(step.notification, hash, this.monitor.namespace),
    );
    return {
      key,
      status: step.notification.status,
      at: new Date(at).toISOString(),
      delivered: delivery.delivered,
      ...(delivery.error === undefined ? {} : { error: delivery.error }),
    };
  }

  /** One check round over every configured service. */
  async round(windowSeconds = this.monitor.performance_monitoring.window_seconds): Promise<MonitorReport> {
    const checkedAt = this.ports.now();
    const services = this.config.production.services;
    const hashEnforced = this.monitor.constitutional_validation.enabled;
    const results = await Promise.all(
      services.map(
        async (
          service,
        ): Promise<{ service: ServiceSpec; result: ServiceHealthResult; probe: ProbeResult }> => {
          const probe = await this.ports.probe(service);
          let slo: SloEvaluation | undefined;
          let sloError: string | undefined;
          try {
            slo = probe.healthy ? await this.slo(service, windowSeconds) : undefined;
          } catch (error) {
            sloError = `SLO measurement failed: ${(error as Error).message}`;
          }
          const compliant =
            service.probe.type === 'http' && probe.statusCode !== undefined ? probe.hashValid === true : null;
          const result: ServiceHealthResult = {
            name: service.name,
            healthy: probe.healthy && (compliant !== false || !hashEnforced),
            status_code: probe.statusCode,
            response_time_ms: probe.responseTimeMs,
            constitutional_compliant: compliant,
            message: sloError === undefined ? probe.message : `${probe.message}; ${sloError}`,
            ...(slo === undefined
              ? {}
              : { slo: { measurement: slo.measurement, checks: slo.checks, degraded: slo.degraded } }),
          };
          return { service, result, probe };
        },
      ),
    );
    const alerts: AlertRecord[] = [];
    const autoRollbacks: AutoRollbackRecord[] = [];
    const policy = autoRollbackPolicyFromConfig(this.config.rollback);
    for (const { service, result, probe } of results) {
      const name = service.name;
      const httpAnswered = result.constitutional_compliant !== null;
      const answered =
        probe.statusCode === undefined || service.probe.type !== 'http'
          ? probe.healthy
          : probe.statusCode < 400;
      const checks: [CheckKind, boolean | undefined, string][] = [
        ['health', answered, probe.message],
        [
          'constitutional',
          httpAnswered && hashEnforced ? result.constitutional_compliant === true : undefined,
          probe.message,
        ],
        [
          'slo',
          result.slo === undefined ? undefined : !result.slo.degraded,
          'SLOs breached: ' +
            (result.slo?.checks
              .filter((c) => c.status === 'breach')
              .map((c) => c.slo)
              .join(', ') ?? ''),
        ],
      ];
      for (const [kind, ok, reason] of checks) {
        if (ok === undefined) continue;
        const record = await this.alert(`${name}:${kind}`, ok, checkedAt, reason);
        if (record !== undefined) alerts.push(record);
      }
      const observation = {
        at: checkedAt,
        healthy: answered,
        hashValid: hashEnforced && httpAnswered ? result.constitutional_compliant === true : undefined,
        degraded: result.slo?.degraded === true,
      };
      const step = observeService(
        this.counters.get(name) ?? INITIAL_TRIGGER_COUNTERS,
        observation,
        await this.ports.lastChange(service),
        policy,
      );
      this.counters.set(name, step.counters);
      if (step.verdict.action === 'rollback') {
        const outcome = await this.ports.rollback(service, `${step.verdict.trigger}: ${step.verdict.reason}`);
        autoRollbacks.push({
          service: name,
          trigger: step.verdict.trigger,
          reason: step.verdict.reason,
          outcome: outcome.ok ? 'rolled_back' : 'failed',
          detail: outcome.detail,
        });
      } else if (step.verdict.action === 'suppressed') {
        autoRollbacks.push({
          service: name,
          trigger: step.verdict.trigger,
          reason: step.verdict.reason,
          outcome: 'suppressed',
        });
      }
    }
    return buildMonitorReport({
      checkedAt,
      namespace: this.monitor.namespace,
      constitutionalHash: this.monitor.constitutional_validation.hash,
      sloSource: this.sloSource,
      services: results.map((r) => r.result),
      alerts,
      autoRollbacks,
    });
  }
}
