/**
 * The Inference Service Layer's own settings, under the deployment guide's variable names. The kernel
 * reads its shared settings (HOST, PORT, LOG_LEVEL, ENV/ENVIRONMENT, WORKERS, REDIS_URL, …); this file
 * adds the guide's REDIS_HOST/PORT/DB/PASSWORD, SECRET_KEY, API_V1_PREFIX and feature flags.
 */
import { availableParallelism } from 'node:os';
import { ConfigError, Type, workerCount } from '@svc/kernel';
import type { ServiceConfig } from '@svc/kernel';

export const islConfigSchema = {
  API_V1_PREFIX: Type.String({
    default: '/api/v1',
    pattern: '^(/[A-Za-z0-9._~-]+)*$',
    description: 'path prefix of the business API ("" serves it at the root)',
  }),
  REDIS_HOST: Type.String({ default: '', description: 'Redis host; empty (and no REDIS_URL) keeps user state in memory' }),
  REDIS_PORT: Type.Integer({ default: 6379, minimum: 1, maximum: 65535 }),
  REDIS_DB: Type.Integer({ default: 0, minimum: 0, maximum: 1023 }),
  REDIS_PASSWORD: Type.String({ default: '' }),
  SECRET_KEY: Type.String({
    default: '',
    description: 'salt of the user-id pseudonyms in storage keys and logs; required when ENV=production',
  }),
  ENABLE_MONITORING: Type.Boolean({ default: true, description: 'serve GET /metrics' }),
  ENABLE_CACHE: Type.Boolean({ default: true, description: 'cache deterministic computation results' }),
  CACHE_TTL_SECONDS: Type.Integer({ default: 3600, minimum: 1, description: 'result cache time to live (1 h)' }),
  CACHE_MAX_ENTRIES: Type.Integer({ default: 1000, minimum: 1, description: 'results kept in memory per process' }),
  COMPUTE_THREADS: Type.String({
    default: 'auto',
    pattern: '^(auto|[0-9]{1,3})$',
    description: 'worker threads for heavy computations: N, 0 (in-process) or auto (max(1, (cores - 1) / WORKERS))',
  }),
  COMPUTE_TIMEOUT_MS: Type.Integer({ default: 30_000, minimum: 10, description: 'deadline of one computation (30 s)' }),
  COMPUTE_QUEUE_LIMIT: Type.Integer({ default: 256, minimum: 1, description: 'computations waiting for a thread' }),
};

export type IslConfigSchema = typeof islConfigSchema;
export type IslConfig = ServiceConfig<IslConfigSchema>;

type Environment = Readonly<Record<string, string | undefined>>;

/** `redis://[:password@]host:port/db` from the guide's REDIS_HOST/PORT/DB/PASSWORD. */
export function redisUrlFromParts(host: string, port: string | undefined, db: string | undefined, password: string | undefined): string {
  const auth = password ? `:${encodeURIComponent(password)}@` : '';
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `redis://${auth}${hostPart}:${port?.trim() || '6379'}/${db?.trim() || '0'}`;
}

/**
 * The guide's environment in the kernel's terms: REDIS_URL is built from REDIS_HOST/PORT/DB/PASSWORD
 * when it is not set itself, and LOG_LEVEL is lower-cased (the guide writes `LOG_LEVEL=INFO`).
 */
export function islEnvironment(env: Environment): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env };
  const host = env['REDIS_HOST']?.trim();
  if (!env['REDIS_URL'] && host) {
    out['REDIS_URL'] = redisUrlFromParts(host, env['REDIS_PORT'], env['REDIS_DB'], env['REDIS_PASSWORD']);
  }
  const level = env['LOG_LEVEL'];
  if (level !== undefined) out['LOG_LEVEL'] = level.trim().toLowerCase();
  return out;
}

/** Rules that span variables, checked after parsing; problems are reported like the kernel's. */
export function islConfigProblems(config: IslConfig): string[] {
  const problems: string[] = [];
  if (config.ENVIRONMENT.toLowerCase() === 'production' && config.SECRET_KEY.length < 16) {
    problems.push('SECRET_KEY: required in production, at least 16 characters (openssl rand -hex 32)');
  }
  return problems;
}

/** Throws a ConfigError listing every cross-variable problem. */
export function assertIslConfig(config: IslConfig): IslConfig {
  const problems = islConfigProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Compute threads for this process: COMPUTE_THREADS, or `auto` = max(1, (cores - 1) / WORKERS). */
export function computeThreadCount(config: Pick<IslConfig, 'COMPUTE_THREADS' | 'WORKERS'>, cores = availableParallelism()): number {
  if (config.COMPUTE_THREADS !== 'auto') return Number.parseInt(config.COMPUTE_THREADS, 10);
  return Math.max(1, Math.floor((cores - 1) / workerCount(config.WORKERS)));
}

/** Redis location for reports, never the password. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname && parsed.pathname !== '/' ? parsed.pathname : '/0'}`;
  } catch {
    return 'unparseable REDIS_URL';
  }
}
