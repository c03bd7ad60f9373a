/// <reference types="@fastify/swagger" preserve="true" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, RawServerDefault } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { TProperties } from 'typebox';
import type { BaseConfig } from '../config/base-config.js';
import type { ServiceConfig } from '../config/env-config.js';
import type { DocsSettings } from '../docs/docs-routes.js';
import type { Check } from '../health/health-routes.js';

/** The Fastify instance services add routes to, typed by TypeBox schemas. */
export type ServiceApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  Logger,
  TypeBoxTypeProvider
>;

/** What a service's route setup receives from the kernel. */
export interface ServiceContext<C> {
  readonly config: C;
  readonly log: Logger;
  /** This app's metrics registry; register service counters here (never the global registry). */
  readonly metrics: Registry;
  /** DEBUG=1 and ENVIRONMENT is not production. */
  readonly debugEnabled: boolean;
  /** A fail-fast client for REDIS_URL, when it is set (see createRedisClient). */
  readonly redis: Redis | undefined;
  /** Adds a check reported by GET /health (and its overall status). */
  readonly addHealthCheck: (name: string, check: Check) => void;
  /** Adds a dependency check: GET /ready answers 503 while it fails. */
  readonly addReadinessCheck: (name: string, check: Check) => void;
  /** Runs on shutdown, after the listener stops accepting requests and in-flight ones finish. */
  readonly onClose: (hook: () => Promise<void> | void) => void;
}

export interface ServiceDefinition<S extends TProperties> {
  readonly name: string;
  readonly version: string;
  /** The service's own environment variables (TypeBox properties), parsed with the kernel's. */
  readonly configSchema?: S;
  /** Legacy variable names: alias → canonical name. */
  readonly configAliases?: Readonly<Record<string, string>>;
  /** Defaults for kernel settings, e.g. `{ PORT: 8001 }`. */
  readonly configDefaults?: Partial<BaseConfig>;
  /** Prefix of metric names, e.g. `isl_` for `isl_http_requests_total`. */
  readonly metricsPrefix?: string;
  /** Status for schema validation errors: 400 (default) or 422. */
  readonly validationStatus?: 400 | 422;
  /** Paths besides /health, /ready and /metrics that rate limits never count. */
  readonly rateLimitExempt?: readonly string[];
  /** Title, description and version shown by /docs, /redoc and /openapi.json. */
  readonly docs?: (config: ServiceConfig<S>) => Partial<DocsSettings>;
  /** Adds the service's routes, checks and close hooks. */
  readonly routes: (app: ServiceApp, context: ServiceContext<ServiceConfig<S>>) => Promise<void> | void;
}

/** A service built but not listening: tests use `app.inject()`, the runner calls `listen()`. */
export interface BuiltService<C> {
  readonly app: ServiceApp;
  readonly context: ServiceContext<C>;
  /** From now on /ready answers 503. */
  readonly beginDrain: () => void;
  /** Closes the listener, waits for in-flight requests, runs close hooks, disconnects Redis. */
  readonly close: () => Promise<void>;
}
