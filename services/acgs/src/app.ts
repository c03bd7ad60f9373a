import { resolve } from 'node:path';
import { createService, Gauge, Type } from '@svc/kernel';
import type { AcgsConfig } from './domain/config/index.js';
import { readRecentOperations } from './status-page/recent-operations.js';
import { renderStatusPage } from './status-page/status-html.js';
import type { StatusStore } from './status-page/status-store.js';

interface AlertmanagerWebhook {
  status?: string;
  alerts?: {
    status?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    startsAt?: string;
  }[];
}

/**
 * The acgs HTTP service (`acgs monitor --serve`, port 8006): the status page at `/`, its data at
 * `/status.json`, POST `/alerts` as an Alertmanager webhook receiver, and the gauge
 * `acgs_service_constitutional_compliant{service}` (1 exact hash, 0 violation) on `/metrics`.
 */
export function createAcgsService(store: StatusStore, config: AcgsConfig, cwd: string) {
  return createService({
    name: 'acgs',
    version: '0.1.0',
    configDefaults: { PORT: 8006 },
    metricsPrefix: 'acgs_',
    docs: () => ({
      title: 'ACGS-2 deployment system',
      description: 'Status page, status JSON and the Alertmanager webhook receiver.',
    }),
    routes(app, ctx) {
      const compliant = new Gauge({
        name: 'acgs_service_constitutional_compliant',
        help: '1 when the service /health carries exactly the constitutional hash, 0 when it does not',
        labelNames: ['service'],
        registers: [ctx.metrics],
      });
      const healthy = new Gauge({
        name: 'acgs_service_healthy',
        help: '1 when the service passed its last health check',
        labelNames: ['service'],
        registers: [ctx.metrics],
      });
      store.onRound((report) => {
        for (const service of report.services) {
          if (service.constitutional_compliant !== null)
            compliant.set({ service: service.name }, service.constitutional_compliant ? 1 : 0);
          healthy.set({ service: service.name }, service.healthy ? 1 : 0);
        }
      });
      const reports = resolve(cwd, config.production.deployment.report_directory);

      app.get('/', { schema: { hide: true } }, async (_request, reply) => {
        const operations = await readRecentOperations(reports);
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
          .send(renderStatusPage(store, config.health_monitor, operations));
      });

      app.get(
        '/status.json',
        { schema: { summary: 'Latest monitoring round, recent operations and alerts', tags: ['status'] } },
        async () => ({
          latest: store.latest ?? null,
          operations: await readRecentOperations(reports),
          alerts: store.alerts,
        }),
      );

      app.post(
        '/alerts',
        {
          schema: {
            summary: 'Alertmanager webhook receiver',
            tags: ['alerts'],
            body: Type.Object(
              { status: Type.Optional(Type.String()), alerts: Type.Array(Type.Any()) },
              { additionalProperties: true },
            ),
          },
        },
        (request) => {
          const body = request.body as AlertmanagerWebhook;
          for (const alert of body.alerts ?? []) {
            store.addAlert({
              at: alert.startsAt ?? new Date().toISOString(),
              source: 'alertmanager',
              status: alert.status ?? body.status ?? 'firing',
              name: alert.labels?.['alertname'] ?? 'alert',
              service: alert.labels?.['service'] ?? '',
              summary: alert.annotations?.['summary'] ?? alert.annotations?.['description'] ?? '',
            });
          }
          return { received: body.alerts?.length ?? 0 };
        },
      );
    },
  });
}
