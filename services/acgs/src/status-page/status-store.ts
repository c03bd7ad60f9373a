import type { MonitorReport } from '../domain/report/index.js';

/** One point of an SLO time series. */
export interface SloPoint {
  readonly at: number;
  readonly p99LatencyMs: number | null;
  readonly rps: number | null;
  readonly availabilityPercent: number | null;
}

/** An alert received on POST /alerts (Alertmanager webhook) or sent by the monitor. */
export interface ReceivedAlert {
  readonly at: string;
  readonly source: 'alertmanager' | 'monitor';
  readonly status: string;
  readonly name: string;
  readonly service: string;
  readonly summary: string;
}

/**
 * What the status page shows, kept in memory: the last monitoring rounds (SLO series per service, at most
 * `limit` points), and the last alerts. Deploys and rollbacks are read from the report directory.
 */
export class StatusStore {
  private readonly rounds: MonitorReport[] = [];
  private readonly series = new Map<string, SloPoint[]>();
  private readonly alertList: ReceivedAlert[] = [];
  private readonly listeners: ((report: MonitorReport) => void)[] = [];

  constructor(private readonly limit = 120) {}

  /** Records a monitoring round. */
  addRound(report: MonitorReport): void {
    this.rounds.push(report);
    if (this.rounds.length > this.limit) this.rounds.shift();
    const at = Date.parse(report.timestamp);
    for (const service of report.services) {
      const points = this.series.get(service.name) ?? [];
      const m = service.slo?.measurement;
      points.push({
        at,
        p99LatencyMs: m?.p99LatencyMs ?? null,
        rps: m?.rps ?? null,
        availabilityPercent: m?.availabilityPercent ?? null,
      });
      if (points.length > this.limit) points.shift();
      this.series.set(service.name, points);
    }
    for (const alert of report.alerts_sent) {
      const [service = '', check = ''] = alert.key.split(':');
      this.addAlert({
        at: alert.at,
        source: 'monitor',
        status: alert.status,
        name: check,
        service,
        summary: alert.delivered ? 'delivered' : `not delivered: ${alert.error ?? ''}`,
      });
    }
    for (const listener of this.listeners) listener(report);
  }

  addAlert(alert: ReceivedAlert): void {
    this.alertList.unshift(alert);
    if (this.alertList.length > this.limit) this.alertList.pop();
  }

  onRound(listener: (report: MonitorReport) => void): void {
    this.listeners.push(listener);
  }

  get latest(): MonitorReport | undefined {
    return this.rounds[this.rounds.length - 1];
  }

  seriesOf(service: string): readonly SloPoint[] {
    return this.series.get(service) ?? [];
  }

  get alerts(): readonly ReceivedAlert[] {
    return this.alertList;
  }
}
