import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { scrapeTraffic } from '../adapters/metrics-scrape.js';
import { measureFromPrometheus, PrometheusClient } from '../adapters/prometheus-query.js';
import { writeReport } from '../adapters/report-writer.js';
import { probeService } from '../adapters/service-probe.js';
import { sendWebhook } from '../adapters/webhook-sender.js';
import type { ServiceSpec } from '../domain/config/index.js';
import { formatMonitorSummary } from '../domain/report/index.js';
import type { MonitorReport } from '../domain/report/index.js';
import { createDriver } from '../drivers/create-driver.js';
import type { DriverKind } from '../drivers/create-driver.js';
import type { RevisionedDriver } from '../drivers/revisioned-driver.js';
import type { CommandContext } from './command-context.js';
import { runTargetedRollback } from './rollback-command.js';
import { ServiceMonitor } from './service-monitor.js';
import type { MonitorPorts } from './service-monitor.js';

export interface MonitorOptions {
  readonly driver: DriverKind;
  readonly singleCheck: boolean;
  readonly serve: boolean;
  readonly windowSeconds?: number | undefined;
}

/** Real ports for the monitor: loopback probes and scrapes, Prometheus when PROMETHEUS_URL is set, the webhook, the driver. */
export function monitorPorts(ctx: CommandContext, driver: RevisionedDriver): MonitorPorts {
  // Where services answer: loopback for the local driver; in a cluster e.g. "{service}.{namespace}.svc".
  const hostTemplate = ctx.env['ACGS_SERVICE_HOST'] ?? '127.0.0.1';
  const hostOf = (service: ServiceSpec) =>
    hostTemplate
      .replace(/\{service\}/g, service.name)
      .replace(/\{namespace\}/g, ctx.config.production.namespace);
  const monitor = ctx.config.health_monitor;
  const prometheusUrl = ctx.env['PROMETHEUS_URL'];
  const client =
    prometheusUrl === undefined || prometheusUrl === ''
      ? undefined
      : new PrometheusClient(prometheusUrl, monitor.request_timeout_ms);
  const hash = monitor.constitutional_validation.hash;
  return {
    now: ctx.now,
    probe: (service: ServiceSpec) =>
      probeService(
        {
          name: service.name,
          host: hostOf(service),
          port: service.port,
          probe: {
            ...service.probe,
            timeout_ms: Math.min(service.probe.timeout_ms, monitor.request_timeout_ms),
          },
        },
        hash,
        {
          hashRequired: monitor.constitutional_validation.enabled,
          cwd: ctx.root,
        },
      ),
    prometheus:
      client === undefined
        ? undefined
        : (service, windowSeconds, atMs) => measureFromPrometheus(client, service.name, windowSeconds, atMs),
    scrape: (service) => scrapeTraffic(hostOf(service), service.port, monitor.request_timeout_ms),
    sendAlert: (payload) => sendWebhook(monitor.alerting.webhook_url, payload, monitor.alerting.timeout_ms),
    lastChange: async (service) => {
      const current = await driver.current(service);
      return current === undefined
        ? undefined
        : { at: current.at, origin: current.origin, revision: current.revision };
    },
    rollback: async (service, reason) => {
      try {
        const report = await runTargetedRollback(
          ctx,
          driver,
          service.name,
          undefined,
          'automatic',
          `automatic rollback: ${reason}`,
        );
        const result = report.services[0];
        return {
          ok: report.status === 'success',
          detail: result?.error ?? `now revision ${result?.new_revision ?? '?'}`,
        };
      } catch (error) {
        return { ok: false, detail: (error as Error).message };
      }
    },
  };
}

/** Writes one round's report and prints its summary. */
async function record(ctx: CommandContext, report: MonitorReport): Promise<void> {
  const path = await writeReport(
    resolve(ctx.cwd, ctx.config.health_monitor.report_directory),
    'health-check',
    Date.parse(report.timestamp),
    report,
  );
  ctx.out(formatMonitorSummary(report));
  ctx.out(`report: ${path}\n`);
}

/**
 * `acgs monitor`: one round (`--single-check`, exit 0 healthy / 1 degraded / 2 unhealthy) or a round
 * every `check_interval_seconds` until SIGINT/SIGTERM; `--serve` also serves the status page. Without
 * Prometheus the first scrape primes the SLO window: a single check waits the window between two scrapes.
 */
export async function runMonitorCommand(ctx: CommandContext, options: MonitorOptions): Promise<number> {
  const driver = await createDriver(ctx, options.driver);
  const monitor = new ServiceMonitor(ctx.config, monitorPorts(ctx, driver));
  const windowSeconds =
    options.windowSeconds ?? ctx.config.health_monitor.performance_monitoring.window_seconds;
  try {
    if (options.singleCheck && !options.serve) {
      if (monitor.sloSource === 'scrape') {
        await monitor.prime();
        ctx.out(`sampling traffic for ${windowSeconds} s…\n`);
        await sleep(windowSeconds * 1000);
      }
      const report = await monitor.round(windowSeconds);
      await record(ctx, report);
      return report.exit_code;
    }
    const { serveStatusPage } = await import('../status-page/status-server.js');
    const stop = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
    const page = options.serve ? await serveStatusPage(ctx) : undefined;
    await monitor.prime();
    const interval = ctx.config.health_monitor.check_interval_seconds * 1000;
    let last = 0;
    while (!stop.signal.aborted) {
      const report = await monitor.round(
        Math.min(windowSeconds, ctx.config.health_monitor.check_interval_seconds),
      );
      await record(ctx, report);
      page?.store.addRound(report);
      last = report.exit_code;
      if (options.singleCheck) break;
      await sleep(interval, undefined, { signal: stop.signal }).catch(() => undefined);
    }
    await page?.close();
    return options.singleCheck ? last : 0;
  } finally {
    await driver.close();
  }
}
