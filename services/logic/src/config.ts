/**
 * The Logic Module's configuration: the guide's environment variables (LOGIC_*, IPFS_*, REDIS_URL)
 * as a kernel config schema, and the guide's `LogicConfig` object with `loadConfig` for library use.
 */
import { readFileSync } from 'node:fs';
import { loadConfig as loadKernelConfig, Type, type ServiceConfig } from '@svc/kernel';

/** The service's own environment variables, parsed by the kernel together with its base settings. */
export const logicConfigSchema = {
  LOGIC_DEBUG: Type.Boolean({ default: false, description: 'proof statistics and input echo in answers (0/1)' }),
  LOGIC_MAX_INPUT_SIZE: Type.Integer({ default: 10_000, minimum: 1, description: 'longest text or formula, in characters (10 KB)' }),
  LOGIC_MAX_FORMULA_DEPTH: Type.Integer({ default: 100, minimum: 1, description: 'deepest formula nesting accepted' }),
  LOGIC_MAX_QUANTIFIERS: Type.Integer({ default: 20, minimum: 0, description: 'most quantified variables in one formula' }),
  LOGIC_MAX_PROOF_TIME: Type.Number({ default: 30, exclusiveMinimum: 0, description: 'hard prover deadline in seconds (30 s)' }),
  LOGIC_CACHE_ENABLED: Type.Boolean({ default: true, description: 'proof cache on (1) or off (0)' }),
  LOGIC_CACHE_MAX_SIZE: Type.Integer({ default: 1000, minimum: 1, description: 'entries in the in-memory L1 cache' }),
  LOGIC_CACHE_TTL_SECONDS: Type.Integer({ default: 3600, minimum: 1, description: 'L1/L2 time to live (1 h)' }),
  LOGIC_CACHE_DIR: Type.String({ default: './proof-cache', description: 'local content-addressed blockstore (L3) when no IPFS node is set' }),
  LOGIC_SUSPICIOUS_PATTERN_CHECK: Type.Boolean({ default: true, description: 'refuse control characters and injection shapes' }),
  LOGIC_MAX_BATCH_SIZE: Type.Integer({ default: 100, minimum: 1, description: 'items in one /convert/batch request' }),
  LOGIC_ENGINE: Type.Union([Type.Literal('native'), Type.Literal('z3'), Type.Literal('eprover')], {
    default: 'native',
    description: 'default prover engine',
  }),
  LOGIC_Z3_ENABLED: Type.Boolean({ default: true, description: 'offer the Z3 engine (npm z3-solver, WASM in worker threads)' }),
  IPFS_HOST: Type.String({ default: '', description: 'Kubo RPC host; set (or IPFS_PORT) to use a Kubo node as L3' }),
  IPFS_PORT: Type.Integer({ default: 0, minimum: 0, maximum: 65535, description: 'Kubo RPC port (5001 when only IPFS_HOST is set)' }),
  IPFS_PROTOCOL: Type.Union([Type.Literal('http'), Type.Literal('https')], { default: 'http' }),
  IPFS_TIMEOUT_MS: Type.Integer({ default: 1000, minimum: 1, description: 'deadline of each IPFS (L3) call (1 s)' }),
};

export type LogicServiceConfig = ServiceConfig<typeof logicConfigSchema>;

/** The guide's `LogicConfig` (camelCase). Units: characters, seconds. */
export interface LogicConfig {
  readonly debug: boolean;
  readonly maxInputSize: number;
  readonly maxFormulaDepth: number;
  readonly maxQuantifiers: number;
  /** Seconds. */
  readonly maxProofTime: number;
  readonly enableCache: boolean;
  readonly cacheMaxSize: number;
  readonly cacheTtlSeconds: number;
  /** Directory of the local L3 blockstore. */
  readonly cacheDir: string;
  readonly rateLimitEnabled: boolean;
  readonly rateLimitCalls: number;
  /** Seconds. */
  readonly rateLimitPeriod: number;
  readonly suspiciousPatternCheck: boolean;
  readonly maxBatchSize: number;
  readonly engine: 'native' | 'z3' | 'eprover';
  readonly z3Enabled: boolean;
  /** True when IPFS_HOST or IPFS_PORT is set: L3 is then a Kubo node instead of the local blockstore. */
  readonly ipfsEnabled: boolean;
  readonly ipfsHost: string;
  readonly ipfsPort: number;
  readonly ipfsProtocol: 'http' | 'https';
  readonly ipfsTimeoutMs: number;
  /** Empty: no L2. */
  readonly redisUrl: string;
}

/** The configuration derived from a parsed service config (environment variables). */
export function logicConfigFrom(config: LogicServiceConfig): LogicConfig {
  const ipfsEnabled = config.IPFS_HOST !== '' || config.IPFS_PORT !== 0;
  return {
    debug: config.LOGIC_DEBUG,
    maxInputSize: config.LOGIC_MAX_INPUT_SIZE,
    maxFormulaDepth: config.LOGIC_MAX_FORMULA_DEPTH,
    maxQuantifiers: config.LOGIC_MAX_QUANTIFIERS,
    maxProofTime: config.LOGIC_MAX_PROOF_TIME,
    enableCache: config.LOGIC_CACHE_ENABLED,
    cacheMaxSize: config.LOGIC_CACHE_MAX_SIZE,
    cacheTtlSeconds: config.LOGIC_CACHE_TTL_SECONDS,
    cacheDir: config.LOGIC_CACHE_DIR,
    rateLimitEnabled: !config.DISABLE_RATE_LIMIT,
    rateLimitCalls: config.RATE_LIMIT_REQUESTS,
    rateLimitPeriod: config.RATE_LIMIT_WINDOW_SECONDS,
    suspiciousPatternCheck: config.LOGIC_SUSPICIOUS_PATTERN_CHECK,
    maxBatchSize: config.LOGIC_MAX_BATCH_SIZE,
    engine: config.LOGIC_ENGINE,
    z3Enabled: config.LOGIC_Z3_ENABLED,
    ipfsEnabled,
    ipfsHost: config.IPFS_HOST === '' ? 'localhost' : config.IPFS_HOST,
    ipfsPort: config.IPFS_PORT === 0 ? 5001 : config.IPFS_PORT,
    ipfsProtocol: config.IPFS_PROTOCOL,
    ipfsTimeoutMs: config.IPFS_TIMEOUT_MS,
    redisUrl: config.REDIS_URL,
  };
}

/** Kernel defaults the guide fixes: port 8005, 100 requests per 60 s per client. */
export const logicConfigDefaults = { PORT: 8005, RATE_LIMIT_REQUESTS: 100, RATE_LIMIT_WINDOW_SECONDS: 60 } as const;

const SNAKE_TO_CAMEL = /_([a-z])/g;

/** Accepts the guide's snake_case names (`max_input_size`, `enable_cache`) as well as camelCase. */
function normaliseKeys(source: Readonly<Record<string, unknown>>): Partial<LogicConfig> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) out[key.replace(SNAKE_TO_CAMEL, (_m, c: string) => c.toUpperCase())] = value;
  return out;
}

/**
 * The guide's `load_config`: environment variables (and `.env`), overridden by a JSON file (path)
 * or an object with LogicConfig keys in camelCase or the guide's snake_case.
 * Throws the kernel's ConfigError listing every bad variable.
 *
 * @example
 * const config = loadConfig({ max_input_size: 5000 });
 * new FOLConverter({ maxInputSize: config.maxInputSize });
 */
export function loadConfig(
  source?: string | Readonly<Record<string, unknown>>,
  env?: Readonly<Record<string, string | undefined>>,
): LogicConfig {
  const fromEnv = logicConfigFrom(
    loadKernelConfig(logicConfigSchema, { ...(env === undefined ? {} : { env }), defaults: logicConfigDefaults }),
  );
  if (source === undefined) return Object.freeze(fromEnv);
  const overrides = typeof source === 'string' ? (JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>) : source;
  return Object.freeze({ ...fromEnv, ...normaliseKeys(overrides) });
}
