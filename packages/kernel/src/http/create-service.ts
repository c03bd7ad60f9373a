import cluster from 'node:cluster';
import type { TProperties } from 'typebox';
import { runPrimary } from '../cluster/primary.js';
import { workerCount } from '../cluster/worker-count.js';
import { ConfigError, loadConfig, type ServiceConfig } from '../config/env-config.js';
import { exitOnSignals } from '../lifecycle/graceful-shutdown.js';
import { createLogger } from '../log/logger.js';
import { buildService, type BuildOptions } from './build-service.js';
import type { BuiltService, ServiceDefinition } from './service-types.js';

export interface Service<S extends TProperties> {
  readonly definition: ServiceDefinition<S>;
  /** Parses this service's configuration from `env` (default: process.env over .env). */
  loadConfig(env?: Readonly<Record<string, string | undefined>>): ServiceConfig<S>;
  /** Builds the app without listening: tests call `app.inject()`. */
  build(options?: BuildOptions<ServiceConfig<S>>): Promise<BuiltService<ServiceConfig<S>>>;
  /** Listens on HOST:PORT with WORKERS processes and drains on SIGTERM; for the CLI's `serve`. */
  run(env?: Readonly<Record<string, string | undefined>>): Promise<void>;
}

/**
 * Defines a service on the kernel: configuration, logs, health, metrics, docs, security, rate limits,
 * workers and graceful shutdown all come from here; the definition adds only its own routes.
 *
 * @example
 * export const iss = createService({
 *   name: 'iss',
 *   version: '2.0.0',
 *   configSchema: { NODE_ID: Type.String({ default: 'ISS_MODULE_V2' }) },
 *   routes: (app, { config }) => {
 *     app.get('/time/pulse', () => ({ node: config.NODE_ID }));
 *   },
 * });
 * await iss.run();
 */
export function createService<S extends TProperties>(definition: ServiceDefinition<S>): Service<S> {
  const load = (env?: Readonly<Record<string, string | undefined>>) =>
    loadConfig(definition.configSchema ?? ({} as S), {
      ...(env ? { env } : {}),
      ...(definition.configAliases ? { aliases: definition.configAliases } : {}),
      ...(definition.configDefaults ? { defaults: definition.configDefaults } : {}),
    });

  return {
    definition,
    loadConfig: load,
    build: (options) => buildService(definition, options),
    async run(env) {
      let config: ServiceConfig<S>;
      try {
        config = load(env);
      } catch (error) {
        if (error instanceof ConfigError) {
          process.stderr.write(`${definition.name}: ${error.message}\n`);
          process.exit(2);
        }
        throw error;
      }
      const workers = workerCount(config.WORKERS);
      if (workers > 1 && cluster.isPrimary) {
        const log = createLogger({
          service: definition.name,
          version: definition.version,
          level: config.LOG_LEVEL,
        });
        runPrimary(log, { workers, deadlineMs: config.SHUTDOWN_TIMEOUT_MS + config.SHUTDOWN_DRAIN_DELAY_MS });
        return;
      }
      const service = await buildService(definition, { config, clustered: cluster.isWorker });
      exitOnSignals(service, service.context.log, {
        drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS,
        deadlineMs: config.SHUTDOWN_TIMEOUT_MS,
      });
      const address = await service.app.listen({ host: config.HOST, port: config.PORT });
      service.context.log.info(
        { address, worker: cluster.isWorker ? cluster.worker?.id : undefined },
        'listening',
      );
    },
  };
}
