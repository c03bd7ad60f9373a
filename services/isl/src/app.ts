/**
 * The Inference Service Layer on the service kernel: configuration (the guide's variables), user-state
 * storage (Redis or memory), the computation thread pool, the result cache, business metrics, and
 * every route under API_V1_PREFIX.
 */
import { ConfigError, createCache, createService, environmentWithDotenv, Gauge, kernelErrors, workerCount } from '@svc/kernel';
import type { Service, ServiceApp } from '@svc/kernel';
import { createBusinessMetrics } from './adapters/business-metrics.js';
import { createComputations } from './adapters/computations.js';
import { runPreferenceJob, runWorkerJobInProcess } from './adapters/compute-jobs.js';
import { createComputePool, workerScript } from './adapters/compute-pool.js';
import type { ComputePool } from './adapters/compute-pool.js';
import { createMemoryUserDataStore } from './adapters/memory-user-data-store.js';
import { createRedisUserDataStore } from './adapters/redis-user-data-store.js';
import { waitForRedis } from './adapters/redis-readiness.js';
import { assertIslConfig, computeThreadCount, describeRedisUrl, islConfigSchema, islEnvironment } from './config.js';
import type { IslConfigSchema } from './config.js';
import { IslError, toWireError } from './errors.js';
import { registerCausalRoutes } from './routes/causal/causal-routes.js';
import { registerCounterfactualRoutes } from './routes/counterfactual/counterfactual-routes.js';
import { registerDetailedHealthRoutes } from './routes/health/detailed-health-routes.js';
import { registerPreferenceRoutes } from './routes/preferences/preference-routes.js';
import { BELIEFS_TTL_SECONDS, QUERIES_TTL_SECONDS } from './routes/preferences/user-state-store.js';
import { registerSensitivityRoutes } from './routes/sensitivity/sensitivity-routes.js';
import { registerTeachingRoutes } from './routes/teaching/teaching-routes.js';
import { registerTeamRoutes } from './routes/team/team-routes.js';
import { registerUserDataRoutes } from './routes/users/user-data-routes.js';
import { registerValidationRoutes } from './routes/validation/validation-routes.js';

/** The service version reported by /health, /api/v1/health/detailed and the docs. */
export const ISL_VERSION = '0.1.0';

/** How long the start waits for a configured Redis before serving anyway (/ready says 503 until it connects). */
const REDIS_START_WAIT_MS = 3_000;

const kernelService = createService({
  name: 'isl',
  version: ISL_VERSION,
  configSchema: islConfigSchema,
  configDefaults: { PORT: 8001 },
  configAliases: { ENV: 'ENVIRONMENT' },
  metricsPrefix: 'isl_',
  validationStatus: 400,
  docs: () => ({
    title: 'Inference Service Layer',
    description:
      'Causal identification and estimation, counterfactuals, sensitivity analysis, Bayesian preference learning, ' +
      'teaching and team alignment.',
  }),
  async routes(app, ctx) {
    const { config, log } = ctx;
    const prefix = config.API_V1_PREFIX;
    const startedAt = Date.now();
    const metrics = createBusinessMetrics(ctx.metrics);

    if (!config.SECRET_KEY) {
      log.warn('SECRET_KEY is empty: user pseudonyms in storage keys are unsalted (refused when ENV=production)');
    }

    // User state: Redis when configured (REDIS_URL, or REDIS_HOST/PORT/DB/PASSWORD), memory otherwise.
    const redis = ctx.redis;
    if (redis) {
      const ready = await waitForRedis(redis, REDIS_START_WAIT_MS);
      if (!ready) log.warn({ redis: describeRedisUrl(config.REDIS_URL) }, 'redis not reachable yet; /ready answers 503 until it is');
      ctx.addReadinessCheck('redis', () => (redis.status === 'ready' ? { status: 'ok' } : { status: 'fail', connection: redis.status }));
      ctx.addHealthCheck('redis', () => (redis.status === 'ready' ? { status: 'ok' } : { status: 'degraded', connection: redis.status }));
      new Gauge({
        name: 'isl_redis_connected',
        help: '1 while the Redis connection is ready',
        registers: [ctx.metrics],
        collect() {
          this.set(redis.status === 'ready' ? 1 : 0);
        },
      });
    }
    if (!redis && workerCount(config.WORKERS) > 1) {
      log.warn('user state is kept in memory per process: with WORKERS > 1, set REDIS_HOST so that elicit and update share it');
    }
    const store = redis
      ? createRedisUserDataStore({ redis, secretKey: config.SECRET_KEY })
      : createMemoryUserDataStore({ secretKey: config.SECRET_KEY });

    // Heavy computations: worker threads (COMPUTE_THREADS), so the event loop stays free for probes.
    const threads = computeThreadCount(config);
    let pool: ComputePool | undefined;
    if (threads > 0) {
      const created = createComputePool({
        script: workerScript('adapters/compute-worker', import.meta.url),
        size: threads,
        timeoutMs: config.COMPUTE_TIMEOUT_MS,
        maxQueue: config.COMPUTE_QUEUE_LIMIT,
        log,
        onEvent: (event) => (event.type === 'restart' ? metrics.workerRestart() : metrics.computeJob(event.kind, event.outcome)),
        fallback: runWorkerJobInProcess,
      });
      pool = created;
      ctx.onClose(() => created.close());
      ctx.addHealthCheck('compute', () => {
        const stats = created.stats();
        return { status: stats.mode === 'worker_threads' ? 'ok' : 'degraded', threads: stats.size, busy: stats.busy, queued: stats.queued };
      });
      new Gauge({
        name: 'isl_compute_queue_depth',
        help: 'Computations waiting for a worker thread',
        registers: [ctx.metrics],
        collect() {
          this.set(created.stats().queued);
        },
      });
      new Gauge({
        name: 'isl_compute_threads_busy',
        help: 'Worker threads running a computation',
        registers: [ctx.metrics],
        collect() {
          this.set(created.stats().busy);
        },
      });
    }

    const cache = config.ENABLE_CACHE
      ? createCache<object>({
          max: config.CACHE_MAX_ENTRIES,
          ttlMs: config.CACHE_TTL_SECONDS * 1000,
          namespace: 'isl:results',
          ...(redis ? { redis } : {}),
        })
      : undefined;
    const computations = createComputations({ ...(pool ? { pool } : {}), ...(cache ? { cache } : {}), metrics });

    if (!config.ENABLE_MONITORING) {
      app.addHook('onRequest', (request, _reply, done) => {
        if (request.url.split('?', 1)[0] === '/metrics') done(kernelErrors.KERNEL_NOT_FOUND('no route for GET /metrics (ENABLE_MONITORING=false)'));
        else done();
      });
    }

    const onEvent = (event: Parameters<typeof metrics.record>[0]) => metrics.record(event);

    await app.register((scope, _options, done) => {
      // The scope is the same kind of instance as `app`; Fastify's register() typing drops the
      // TypeBox provider and pino logger generics.
      const api = scope as unknown as ServiceApp;
      // IslError carries the offending field beside its details; the wire body carries it inside them.
      api.setErrorHandler((error) => {
        throw error instanceof IslError ? toWireError(error) : error;
      });

      registerCausalRoutes(api, {
        prefix,
        onEvent,
        compute: {
          validate: (spec) => computations.run('causal_validate', spec),
          identify: (spec) => computations.run('causal_identify', spec),
          estimate: (request) => computations.run('causal_estimate', request),
        },
      });
      registerCounterfactualRoutes(api, { prefix, onEvent, compute: (request) => computations.run('counterfactual', request) });
      registerSensitivityRoutes(api, { prefix, onEvent, compute: (request) => computations.run('sensitivity', request) });
      // Elicitation and updates run on the pool too, uncached: their input is the user's changing posterior.
      const preferencePool = pool;
      registerPreferenceRoutes(api, {
        prefix,
        onEvent,
        store,
        ...(preferencePool
          ? {
              compute: {
                elicit: (input) => runPreferenceJob(preferencePool, 'preferences_elicit', input),
                update: (input) => runPreferenceJob(preferencePool, 'preferences_update', input),
              },
            }
          : {}),
      });
      registerTeachingRoutes(api, { prefix, onEvent, store });
      registerTeamRoutes(api, { prefix, onEvent });
      registerValidationRoutes(api, { prefix, onEvent });
      registerUserDataRoutes(api, { prefix, store, onErase: () => metrics.userErasure() });
      registerDetailedHealthRoutes(api, {
        prefix,
        version: ISL_VERSION,
        environment: config.ENVIRONMENT,
        startedAt,
        ...(redis ? { redis: { client: redis, location: describeRedisUrl(config.REDIS_URL) } } : {}),
        httpWorkers: workerCount(config.WORKERS),
        computations,
        cache: {
          enabled: cache !== undefined,
          backend: cache === undefined ? 'disabled' : redis ? 'memory+redis' : 'memory',
          ttlSeconds: config.CACHE_TTL_SECONDS,
          maxEntries: config.CACHE_MAX_ENTRIES,
          stats: () => cache?.stats() ?? { hits: 0, misses: 0, size: 0 },
        },
        storage: { backend: store.backend, beliefsTtlSeconds: BELIEFS_TTL_SECONDS, queriesTtlSeconds: QUERIES_TTL_SECONDS },
      });
      done();
    });
  },
});

/**
 * The ISL service. Its configuration comes from the guide's environment: REDIS_URL is built from
 * REDIS_HOST/PORT/DB/PASSWORD when absent, LOG_LEVEL is case-insensitive, and ENV=production needs a
 * SECRET_KEY.
 *
 * @example
 * const service = await islService.build({ env: { LOG_LEVEL: 'silent' } });
 * await service.app.inject('/health');
 */
export const islService: Service<IslConfigSchema> = {
  definition: kernelService.definition,
  loadConfig: (env) => assertIslConfig(kernelService.loadConfig(islEnvironment(env ?? environmentWithDotenv()))),
  build: (options = {}) => kernelService.build(options.config ? options : { ...options, config: islService.loadConfig(options.env) }),
  async run(env) {
    const source = islEnvironment(env ?? environmentWithDotenv());
    try {
      assertIslConfig(kernelService.loadConfig(source));
    } catch (error) {
      if (error instanceof ConfigError) {
        process.stderr.write(`isl: ${error.message}\n`);
        process.exit(2);
      }
      throw error;
    }
    await kernelService.run(source);
  },
};
