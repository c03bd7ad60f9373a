/**
 * The time resolver service: POST /v1/time/resolve on the kernel's envelope.
 */
import { createService } from '@svc/kernel';
import { createTzdb, verifyIcuHistory } from '../adapters/tzdb-intl.js';
import { createZoneLocator } from '../adapters/zone-locator-geo-tz.js';
import { registerCommonHealth } from '../routes/common-health.js';
import { registerResolveRoutes } from '../routes/time/resolve-routes.js';
import { SERVICE_VERSION } from './service-version.js';

/** The time service; `involution serve time` runs it. */
export const timeService = createService({
  name: 'involution-time',
  version: SERVICE_VERSION,
  configDefaults: { PORT: 8003 },
  metricsPrefix: 'involution_time_',
  validationStatus: 422,
  docs: () => ({
    title: 'Involution time resolver',
    description: 'Local birth time and place → UTC with IANA tzdb history, offline zone lookup, LMT and explicit DST choices.',
  }),
  routes(app, context) {
    const db = createTzdb();
    const locator = createZoneLocator();
    const problems = verifyIcuHistory(db);
    registerCommonHealth(app, context, 'involution-time', SERVICE_VERSION);
    context.addHealthCheck('time_resolver', () => ({
      status: problems.length === 0 ? 'ok' : 'degraded',
      tzdb_version: db.version,
      boundary_source: locator.source,
      ...(problems.length > 0 ? { problems } : {}),
    }));
    registerResolveRoutes(app, { db, locator });
  },
});
