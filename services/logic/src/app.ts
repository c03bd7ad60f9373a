/**
 * The Logic Module as an HTTP service on the kernel: English → FOL, theorem proving in FOL and
 * modal logics, and a content-addressed proof cache. /health, /ready, /metrics and /docs come from
 * the kernel; the routes are in routes/.
 */
import { createService, ServiceError } from '@svc/kernel';
import { logicConfigDefaults, logicConfigFrom, logicConfigSchema } from './config.js';
import { registerConvertRoutes } from './routes/convert-routes.js';
import { createLogicMetrics } from './routes/logic-metrics.js';
import { LogicRuntime } from './routes/logic-runtime.js';
import { registerParseRoutes } from './routes/parse-routes.js';
import { registerProveRoutes } from './routes/prove-routes.js';

export const LOGIC_VERSION = '2.0.0';

export const logicService = createService({
  name: 'logic',
  version: LOGIC_VERSION,
  configSchema: logicConfigSchema,
  configDefaults: logicConfigDefaults,
  metricsPrefix: '',
  docs: () => ({
    title: 'Logic Module',
    description:
      'Controlled English to first-order logic, theorem proving (native superposition prover; FOL, K, T, D, S4, S5, SDL, LTL) ' +
      'and a content-addressed proof cache (memory, Redis, IPFS).',
  }),
  routes(app, ctx) {
    const config = logicConfigFrom(ctx.config);
    const metrics = createLogicMetrics(ctx.metrics);
    const runtime = new LogicRuntime(config, { ...(ctx.redis === undefined ? {} : { redis: ctx.redis }), observer: metrics.observer });
    const cache = runtime.cache;
    if (cache !== undefined) {
      // A dead Redis or IPFS node degrades the cache, not the service: reported, never a 503.
      ctx.addReadinessCheck('proof_cache', () => cache.check());
      ctx.addHealthCheck('proof_cache', () => cache.check());
    }
    ctx.onClose(() => runtime.close());
    app.addHook('onError', (_request, _reply, error, done) => {
      metrics.error(error instanceof ServiceError ? error.code : 'validation' in error ? 'KERNEL_VALIDATION_FAILED' : 'KERNEL_INTERNAL');
      done();
    });
    if (config.debug) ctx.log.info({ config: { ...config, redisUrl: config.redisUrl === '' ? '' : '[set]' } }, 'LOGIC_DEBUG on');
    registerConvertRoutes(app, runtime);
    registerProveRoutes(app, runtime);
    registerParseRoutes(app, runtime);
  },
});
