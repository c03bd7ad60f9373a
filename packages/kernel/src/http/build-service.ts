import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import type { Redis } from 'ioredis';
import { Gauge } from 'prom-client';
import type { TProperties } from 'typebox';
import { listSetting, loadConfig, type ServiceConfig } from '../config/env-config.js';
import { registerDocs } from '../docs/docs-routes.js';
import { kernelErrors } from '../errors/kernel-errors.js';
import { toErrorBody } from '../errors/error-body.js';
import { createProbes, registerHealthRoutes, type Check } from '../health/health-routes.js';
import { createLogger } from '../log/logger.js';
import { createHttpMetrics } from '../metrics/http-metrics.js';
import { scrapeMetrics, shareWorkerRegistry } from '../metrics/cluster-metrics.js';
import { createClientLimiter } from '../rate-limit/client-limiter.js';
import { createRedisClient } from '../redis/redis-client.js';
import { API_SECURITY_HEADERS, registerSecurity } from '../security/security-hooks.js';
import { fastifyTrustProxy } from '../security/trust-proxy.js';
import { registerDebugRoutes } from './debug-routes.js';
import { probeFastPathServer } from './probe-fast-path.js';
import type { BuiltService, ServiceApp, ServiceContext, ServiceDefinition } from './service-types.js';

export interface BuildOptions<C> {
  /** Parsed config; when absent it is read from the environment (`env`, or process.env + .env). */
  readonly config?: C;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where log lines go (tests); stdout by default. */
  readonly logDestination?: NodeJS.WritableStream;
  /** Running as a node:cluster worker: rate limits are counted in the primary. */
  readonly clustered?: boolean;
}

const PROBE_PATHS = ['/health', '/ready', '/metrics'];
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** The client's `x-request-id` when it is a plausible id, else a new UUID. */
function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}

/** Builds a service's Fastify app with everything the kernel promises, without listening. */
export async function buildService<S extends TProperties>(
  definition: ServiceDefinition<S>,
  options: BuildOptions<ServiceConfig<S>> = {},
): Promise<BuiltService<ServiceConfig<S>>> {
  const config =
    options.config ??
    loadConfig(definition.configSchema ?? ({} as S), {
      ...(options.env ? { env: options.env } : {}),
      ...(definition.configAliases ? { aliases: definition.configAliases } : {}),
      ...(definition.configDefaults ? { defaults: definition.configDefaults } : {}),
    });
  const log = createLogger({
    service: definition.name,
    version: definition.version,
    level: config.LOG_LEVEL,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });

  const metrics = createHttpMetrics(definition.metricsPrefix);
  if (options.clustered) shareWorkerRegistry(metrics.registry);

  const healthChecks = new Map<string, Check>();
  const readinessChecks = new Map<string, Check>();
  let draining = false;
  const probes = createProbes({
    service: definition.name,
    version: definition.version,
    constitutionalHash: config.CONSTITUTIONAL_HASH,
    startedAt: Date.now(),
    healthChecks,
    readinessChecks,
    isDraining: () => draining,
  });

  const app: ServiceApp = Fastify({
    loggerInstance: log,
    // We log route templates in onResponse, never raw URLs (which can carry ids and tokens).
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: (request) => requestIdFor(request.headers['x-request-id']),
    // With CORS configured every answer carries CORS headers (Vary: Origin…) that only Fastify's plugin
    // sets, so the probes then take the full pipeline too.
    ...(listSetting(config.ALLOWED_ORIGINS).length > 0
      ? {}
      : {
          serverFactory: probeFastPathServer({
            probes: new Map([
              ['/health', probes.health],
              ['/ready', probes.ready],
            ]),
            headers: API_SECURITY_HEADERS,
            requestId: requestIdFor,
            observe: metrics.observe,
            bypass: () => draining || log.isLevelEnabled('debug'),
          }),
        }),
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    bodyLimit: config.MAX_REQUEST_SIZE,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const redisClients = new Map<string, Redis>();
  const redisFor = (url: string) => {
    if (!redisClients.has(url)) redisClients.set(url, createRedisClient(url, log));
    return redisClients.get(url)!;
  };
  const redis = config.REDIS_URL ? redisFor(config.REDIS_URL) : undefined;

  const debugEnabled = config.DEBUG && config.ENVIRONMENT.toLowerCase() !== 'production';

  const context: ServiceContext<ServiceConfig<S>> = {
    config,
    log,
    metrics: metrics.registry,
    debugEnabled,
    redis,
    addHealthCheck: (name, check) => void healthChecks.set(name, check),
    addReadinessCheck: (name, check) => void readinessChecks.set(name, check),
    onClose: (hook) => void app.addHook('onClose', async () => hook()),
  };

  // One synchronous hook sets every response's fixed headers, first, so that even a request refused by a
  // later hook carries them. Each extra hook costs every request, an async one or an onSend hook most.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    reply.headers(API_SECURITY_HEADERS);
    // While draining, ask clients to reconnect elsewhere so keep-alive sockets do not hold shutdown open.
    if (draining) reply.header('connection', 'close');
    done();
  });
  // Callback style (not async): an async hook costs every request a promise and a microtask turn.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const level = PROBE_PATHS.includes(route) ? 'debug' : 'info';
    if (log.isLevelEnabled(level)) {
      const line = {
        method: request.method,
        route,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      };
      request.log[level](line, 'request');
    }
    done();
  });

  await registerSecurity(app, {
    allowedOrigins: config.ALLOWED_ORIGINS,
    trustedHosts: config.TRUSTED_HOSTS,
    hostCheckExempt: PROBE_PATHS,
  });

  if (config.DISABLE_RATE_LIMIT) {
    log.warn('rate limiting is disabled (DISABLE_RATE_LIMIT); every client may send unlimited requests');
  } else {
    const storeUrl = config.RATE_LIMIT_STORAGE_URI || config.REDIS_URL;
    const limiter = createClientLimiter({
      points: config.RATE_LIMIT_REQUESTS,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      keyPrefix: definition.name,
      clustered: options.clustered ?? false,
      ...(storeUrl ? { redis: redisFor(storeUrl) } : {}),
    });
    new Gauge({
      name: `${definition.metricsPrefix ?? ''}rate_limit_fallback_active`,
      help: '1 while the Redis rate-limit store is unreachable and the in-memory limiter stands in',
      registers: [metrics.registry],
      collect() {
        this.set(limiter.fallbackActive() ? 1 : 0);
      },
    });
    const exempt = new Set([...PROBE_PATHS, ...(definition.rateLimitExempt ?? [])]);
    // Callback style: probes (exempt) pass without a promise; counted requests wait for the store.
    app.addHook('onRequest', (request, reply, done) => {
      if (exempt.has(request.url.split('?', 1)[0] ?? '')) {
        done();
        return;
      }
      limiter.consume(request.ip).then((decision) => {
        reply.header('ratelimit-limit', decision.limit);
        reply.header('ratelimit-remaining', decision.remaining);
        reply.header('ratelimit-reset', decision.resetSeconds);
        if (decision.allowed) {
          done();
          return;
        }
        reply.header('retry-after', decision.resetSeconds);
        done(
          kernelErrors.KERNEL_RATE_LIMITED(
            `rate limit of ${decision.limit} requests per ${config.RATE_LIMIT_WINDOW_SECONDS} s exceeded; retry after ${decision.resetSeconds} s`,
            {
              limit: decision.limit,
              window_seconds: config.RATE_LIMIT_WINDOW_SECONDS,
              retry_after_seconds: decision.resetSeconds,
            },
          ),
        );
      }, done);
    });
  }

  const docs = definition.docs?.(config) ?? {};
  await registerDocs(app, {
    title: docs.title ?? definition.name,
    description: docs.description ?? '',
    version: docs.version ?? definition.version,
  });

  app.setErrorHandler((error, request, reply) => {
    const body = toErrorBody(
      error,
      request.id,
      definition.validationStatus ? { validationStatus: definition.validationStatus } : {},
    );
    if (body.statusCode >= 500) request.log.error({ err: error }, 'unexpected error');
    return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const body = toErrorBody(
      kernelErrors.KERNEL_NOT_FOUND(`no route for ${request.method} ${path}`),
      request.id,
    );
    return reply.code(404).send(body);
  });

  registerHealthRoutes(app, probes);
  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics', tags: ['operations'] } },
    async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await scrapeMetrics(metrics.registry)),
  );
  if (debugEnabled) registerDebugRoutes(app, config);

  await definition.routes(app, context);
  app.addHook('onClose', async () => {
    await Promise.all(
      [...redisClients.values()].map((client) => client.quit().catch(() => client.disconnect())),
    );
  });
  await app.ready();

  return {
    app,
    context,
    beginDrain: () => {
      draining = true;
    },
    close: async () => {
      draining = true;
      // Sockets that finish a response after close() began become idle later; keep closing them.
      const sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
      try {
        await app.close();
      } finally {
        clearInterval(sweeper);
      }
    },
  };
}
