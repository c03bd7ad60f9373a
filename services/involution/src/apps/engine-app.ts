/**
 * The ephemeris engine: POST /calculate (the guide's body), /houses, /v1/chart,
 * /calculate-with-time-resolution, /info, /version, /debug, on the kernel's envelope.
 */
import { createService } from '@svc/kernel';
import { createPositionCache } from '../adapters/position-cache.js';
import { createTzdb, verifyIcuHistory } from '../adapters/tzdb-intl.js';
import { createZoneLocator } from '../adapters/zone-locator-geo-tz.js';
import { registerChartRoutes } from '../routes/engine/chart-routes.js';
import type { EngineState } from '../routes/engine/engine-state.js';
import { registerOperationsRoutes } from '../routes/engine/operations-routes.js';
import { registerCommonHealth } from '../routes/common-health.js';
import { LatencyWindow } from '../routes/latency-window.js';
import { ENGINE_CONFIG_DEFAULTS, engineConfigSchema } from './engine-config.js';
import { chooseEphemeris } from './engine-provider.js';
import { SERVICE_VERSION } from './service-version.js';

/** The engine service; `involution serve engine` runs it. */
export const engineService = createService({
  name: 'involution-engine',
  version: SERVICE_VERSION,
  configSchema: engineConfigSchema,
  configDefaults: ENGINE_CONFIG_DEFAULTS,
  metricsPrefix: 'involution_engine_',
  validationStatus: 422,
  docs: () => ({
    title: 'Involution Engine',
    description: 'Apparent planetary positions, lunar nodes and apogee, houses, aspects and ayanamsas: from JPL SPK kernels when KERNELS_PATH (or METAKERNEL_PATH) holds them, else from the embedded analytic ephemeris, which needs no files.',
  }),
  routes(app, context) {
    const { config } = context;
    const db = createTzdb();
    const ephemeris = chooseEphemeris({
      kernelsPath: config.KERNELS_PATH,
      kernelSetTag: config.KERNEL_SET_TAG,
      ...(config.METAKERNEL_PATH ? { metakernelPath: config.METAKERNEL_PATH } : {}),
    });
    context.onClose(() => ephemeris.close());
    if (ephemeris.kernels) {
      context.log.info({ provider: ephemeris.provider.id, files: ephemeris.kernels.located.spkFiles }, 'ephemeris: JPL kernels in use, analytic theories for the lunar points');
    } else if (ephemeris.kernelProblem) {
      context.log.warn({ problem: ephemeris.kernelProblem }, 'ephemeris: kernels found but not usable; using the analytic theories');
    }
    const state: EngineState = {
      provider: ephemeris.provider,
      ephemeris,
      cache: createPositionCache({
        enabled: config.ENABLE_POSITION_CACHE,
        ttlSeconds: config.POSITION_CACHE_TTL,
        maxEntries: config.POSITION_CACHE_SIZE,
        redis: context.redis,
      }),
      time: { db, locator: createZoneLocator() },
      latency: new LatencyWindow(1000),
      settings: {
        version: SERVICE_VERSION,
        kernelSetTag: config.KERNEL_SET_TAG,
        kernelsPath: config.KERNELS_PATH,
        metakernelPath: config.METAKERNEL_PATH,
        cacheTtlSeconds: config.POSITION_CACHE_TTL,
      },
      counters: { notModified: 0, cacheHits: 0, computed: 0 },
    };
    registerCommonHealth(app, context, 'involution-engine', SERVICE_VERSION);
    registerOperationsRoutes(app, context, state, verifyIcuHistory(db));
    registerChartRoutes(app, state);
  },
});
