import { createService } from '@svc/kernel';
import { openStores } from './adapters/store-factory.js';
import { issConfigSchema } from './config-schema.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { mapIssErrors } from './routes/iss-error-mapping.js';
import { registerSpiceRoutes } from './routes/spice-routes.js';
import { registerTimeRoutes } from './routes/time-routes.js';

const HEALTH_WAIT_MS = 700; // a probe gets the last verification rather than waiting out a long re-verify

/** ISS Module v2 on the service kernel. */
export const issService = createService({
  name: 'iss',
  version: '2.0.0',
  configSchema: issConfigSchema,
  configDefaults: { PORT: 8000 },
  metricsPrefix: 'iss_',
  validationStatus: 422,
  docs: (config) => ({ title: config.API_TITLE, description: config.API_DESCRIPTION, version: config.API_VERSION }),
  async routes(app, ctx) {
    const stores = await openStores(ctx.config);
    ctx.onClose(() => stores.close());
    if (stores.key.source === 'ephemeral') {
      ctx.log.warn('no CHECKPOINT_KEY_FILE or SECRET_KEY: checkpoints are signed with a key that dies with this process');
    }

    ctx.addHealthCheck('chain', async () => {
      const { report, stale, verified_at } = await stores.integrity.current(HEALTH_WAIT_MS);
      const regression = stores.regression();
      if (!report) return { status: 'degraded', note: 'first verification still running' };
      const ok = report.ok && regression === null;
      return {
        status: ok ? 'ok' : 'fail',
        storage: stores.mode,
        records: report.chain.records,
        descriptors: report.descriptors.records,
        first_bad_index: report.chain.first_bad_index,
        issue: report.chain.issue ?? report.descriptors.issue,
        regression,
        stale,
        verified_at,
      };
    });
    ctx.addReadinessCheck('storage', async () => {
      await stores.chain.size();
      return { status: 'ok', storage: stores.mode };
    });

    mapIssErrors(app);
    registerTimeRoutes(app, stores, ctx.config.NODE_ID);
    registerSpiceRoutes(app, stores);
    registerAuditRoutes(app, stores);
  },
});
