import { Type, type Static } from 'typebox';

/**
 * Settings every service shares, read from the environment under the names the deployment guides use.
 * Units are in the names or the comments; defaults suit a laptop, production sets them explicitly.
 */
export const baseConfigSchema = Type.Object({
  HOST: Type.String({ default: '0.0.0.0', description: 'interface to listen on' }),
  PORT: Type.Integer({ default: 8000, minimum: 0, maximum: 65535 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  ENVIRONMENT: Type.String({
    default: 'development',
    description: 'development | staging | production (alias ENV)',
  }),
  DEBUG: Type.Boolean({
    default: false,
    description: 'debug routes; never active when ENVIRONMENT=production',
  }),
  ALLOWED_ORIGINS: Type.String({
    default: '',
    description: 'CORS origins, comma-separated; "*" allows any (no credentials)',
  }),
  TRUSTED_HOSTS: Type.String({
    default: '',
    description: 'allowed Host headers, comma-separated; empty allows any',
  }),
  MAX_REQUEST_SIZE: Type.Integer({
    default: 1024 * 1024,
    minimum: 1,
    description: 'body limit in bytes (1 MiB)',
  }),
  TRUST_PROXY: Type.String({ default: '', description: 'proxy hop count or CIDR list; never "true"' }),
  DISABLE_RATE_LIMIT: Type.Boolean({ default: false }),
  RATE_LIMIT_REQUESTS: Type.Integer({
    default: 100,
    minimum: 1,
    description: 'requests per window per client IP',
  }),
  RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ default: 60, minimum: 1 }),
  RATE_LIMIT_STORAGE_URI: Type.String({
    default: '',
    description: 'redis:// URL for shared limits; falls back to REDIS_URL',
  }),
  REDIS_URL: Type.String({ default: '' }),
  WORKERS: Type.String({
    default: '1',
    pattern: '^(auto|[1-9][0-9]{0,2})$',
    description: 'worker processes: N or auto',
  }),
  CONSTITUTIONAL_HASH: Type.String({ default: '' }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({
    default: 10_000,
    minimum: 100,
    description: 'hard deadline for draining (10 s)',
  }),
  SHUTDOWN_DRAIN_DELAY_MS: Type.Integer({
    default: 0,
    minimum: 0,
    description: 'time /ready answers 503 before the listener closes, so load balancers notice (0 ms)',
  }),
});

export type BaseConfig = Static<typeof baseConfigSchema>;

/** Other names the guides use for the same settings: alias → canonical name. */
export const baseConfigAliases: Readonly<Record<string, string>> = {
  ENV: 'ENVIRONMENT',
  ALLOW_ORIGINS: 'ALLOWED_ORIGINS',
};
