/**
 * The routing gateway: one POST /calculate for clients, routed by date to the modern (DE440) or
 * historical (DE441) engine, as the guide's "Smart Gateway".
 */
import { createService, Type } from '@svc/kernel';
import { registerCommonHealth } from '../routes/common-health.js';
import { probeEngine } from '../routes/gateway/forward-request.js';
import { registerGatewayRoutes } from '../routes/gateway/gateway-routes.js';
import type { RoutingPolicy } from '../routes/gateway/route-decision.js';
import { SERVICE_VERSION } from './service-version.js';

/** The gateway's own variables. */
export const gatewayConfigSchema = {
  ENGINE_URL: Type.String({ default: 'http://127.0.0.1:8000', description: 'modern (DE440) engine base URL (alias MODERN_ENGINE_URL)' }),
  HISTORICAL_ENGINE_URL: Type.String({ default: 'http://127.0.0.1:8001', description: 'historical (DE441) engine base URL' }),
  MODERN_START_YEAR: Type.Integer({ default: 1550, description: 'first year routed to the modern engine (DE440: 1550)' }),
  MODERN_END_YEAR: Type.Integer({ default: 2650, description: 'first year no longer routed to it (DE440: 2650)' }),
  HISTORICAL_START_YEAR: Type.Integer({ default: -13200, description: 'DE441: 13201 BC' }),
  HISTORICAL_END_YEAR: Type.Integer({ default: 17191, description: 'DE441: AD 17191' }),
  HISTORICAL_AUTO_ROUTE: Type.Boolean({ default: false, description: 'route historical dates without the client opting in' }),
  UPSTREAM_TIMEOUT_MS: Type.Integer({ default: 10_000, minimum: 100, description: 'engine answer deadline (10 s)' }),
};

/** The gateway service; `involution serve gateway` runs it. */
export const gatewayService = createService({
  name: 'involution-gateway',
  version: SERVICE_VERSION,
  configSchema: gatewayConfigSchema,
  configAliases: { MODERN_ENGINE_URL: 'ENGINE_URL', DE440_ENGINE_URL: 'ENGINE_URL', DE441_ENGINE_URL: 'HISTORICAL_ENGINE_URL' },
  configDefaults: { PORT: 8004 },
  metricsPrefix: 'involution_gateway_',
  validationStatus: 422,
  docs: () => ({
    title: 'Involution gateway',
    description: 'Routes /calculate by date to the DE440 or DE441 engine; historical dates need ?kernel=de441 or x-historical-enabled: true.',
  }),
  routes(app, context) {
    const { config } = context;
    const policy: RoutingPolicy = {
      modern: { kernel: 'DE440', startYear: config.MODERN_START_YEAR, endYear: config.MODERN_END_YEAR },
      historical: { kernel: 'DE441', startYear: config.HISTORICAL_START_YEAR, endYear: config.HISTORICAL_END_YEAR },
      autoHistorical: config.HISTORICAL_AUTO_ROUTE,
    };
    registerCommonHealth(app, context, 'involution-gateway', SERVICE_VERSION);
    context.addHealthCheck('engines', async () => {
      const [modern, historical] = await Promise.all([probeEngine(config.ENGINE_URL, 800), probeEngine(config.HISTORICAL_ENGINE_URL, 800)]);
      return { status: modern.reachable && historical.reachable ? 'ok' : 'degraded', de440: modern, de441: historical };
    });
    registerGatewayRoutes(app, policy, { modernUrl: config.ENGINE_URL, historicalUrl: config.HISTORICAL_ENGINE_URL, timeoutMs: config.UPSTREAM_TIMEOUT_MS });
  },
});
