/**
 * The Logic Module's library API, mirroring the deployment guide:
 *
 * ```ts
 * import { FOLConverter, convertBatch, proveFormula, ProofCache, IPFSProofCache, loadConfig } from '@svc/logic';
 * new FOLConverter().convert('All cats are animals').fol;            // '∀x (Cat(x) → Animal(x))'
 * await proveFormula('Q', { assumptions: ['P → Q', 'P'], cache: new IPFSProofCache() });
 * ```
 */
import { FOLConverter, type BatchItem } from './domain/nl/index.js';
import type { ProofCacheTier } from './adapters/cache/index.js';
import { loadConfig, type LogicConfig } from './config.js';
import { LogicError } from './errors.js';
import { LogicRuntime, type ProveResponse } from './routes/logic-runtime.js';
import type { LogicName } from './routes/logic-selection.js';

export { FOLConverter, type BatchItem, type ConversionResult, type ConverterConfig } from './domain/nl/index.js';
export {
  ProofCache,
  RedisProofCache,
  IPFSProofCache,
  TieredProofCache,
  proofKey,
  canonicalJson,
  type CachedProof,
  type ProofCacheTier,
  type ProofCacheOptions,
  type RedisProofCacheOptions,
  type IPFSProofCacheOptions,
} from './adapters/cache/index.js';
export { loadConfig, type LogicConfig } from './config.js';
export { LogicError, ERRORS, type LogicErrorCode } from './errors.js';
export { LogicRuntime, buildProofCache, type ProveResponse } from './routes/logic-runtime.js';
export { LOGICS, type LogicName } from './routes/logic-selection.js';
export { handler, createLambdaHandler, type ApiGatewayEvent, type ApiGatewayResult } from './serverless/lambda-handler.js';
export { logicService } from './app.js';

export interface ConvertBatchOptions {
  /**
   * Yield to the event loop between items so a long batch does not block other work (default false).
   * Conversion is CPU-bound and single-threaded; run more processes (WORKERS) for CPU parallelism.
   */
  readonly parallel?: boolean;
  /** Converter settings (default: the environment's LOGIC_MAX_INPUT_SIZE via loadConfig). */
  readonly maxInputSize?: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Converts many texts, keeping input order; an item that fails (too large) fails alone.
 *
 * @example
 * const [ok, bad] = await convertBatch(['All cats are animals', 'x'.repeat(20_000)]);
 * // ok: { ok: true, result: { fol: '∀x (Cat(x) → Animal(x))', … } }, bad: { ok: false, error: { code: 'LOGIC_INPUT_TOO_LARGE', … } }
 */
export async function convertBatch(texts: readonly string[], options: ConvertBatchOptions = {}): Promise<BatchItem[]> {
  const converter = new FOLConverter({ maxInputSize: options.maxInputSize ?? loadConfig().maxInputSize });
  const out: BatchItem[] = [];
  for (const [i, text] of texts.entries()) {
    if (options.parallel === true && i > 0) await yieldToEventLoop();
    try {
      out.push({ ok: true, result: converter.convert(text) });
    } catch (error) {
      if (!(error instanceof LogicError)) throw error;
      out.push({ ok: false, error: { code: error.code, message: error.message, ...(error.field === undefined ? {} : { field: error.field }) } });
    }
  }
  return out;
}

export interface ProveFormulaOptions {
  /** Axioms: formulas (Unicode, ASCII, TPTP) or controlled English. */
  readonly assumptions?: readonly string[];
  /** A proof cache (any tier or a TieredProofCache); without one nothing is cached. */
  readonly cache?: ProofCacheTier;
  /** Seconds (the guide's unit); capped by max_proof_time. */
  readonly timeout?: number;
  /** fol (default), K, T, D, S4, S5, SDL (reads O, P, F) or LTL (reads G, F, X). */
  readonly logic?: LogicName;
  /** LTL only: decide over traces cut at this position instead of unbounded linear time. */
  readonly ltlBound?: number;
  /** `native` (default). */
  readonly engine?: string;
  /** Default: loadConfig() (environment). */
  readonly config?: LogicConfig;
}

let shared: { config: LogicConfig; runtime: LogicRuntime } | undefined;

function runtimeFor(config: LogicConfig | undefined): LogicRuntime {
  if (config !== undefined && shared?.config !== config) {
    // The previous runtime is not closed: a proof may still run on it, and its idle workers never hold the process.
    shared = { config, runtime: new LogicRuntime(config, { cache: null }) };
  }
  if (shared === undefined) {
    const loaded = loadConfig();
    shared = { config: loaded, runtime: new LogicRuntime(loaded, { cache: null }) };
  }
  return shared.runtime;
}

/**
 * The guide's `prove_formula`: does `goal` follow from the assumptions? Answers like `POST /prove`.
 *
 * @example
 * (await proveFormula('Q', { assumptions: ['P → Q', 'P'] })).status;   // 'Theorem'
 * (await proveFormula('P → Q', { assumptions: ['P'] })).status;        // 'CounterSatisfiable' (the guide's example does not follow)
 */
export async function proveFormula(goal: string, options: ProveFormulaOptions = {}): Promise<ProveResponse> {
  const runtime = runtimeFor(options.config);
  return runtime.prove(
    {
      goal,
      axioms: options.assumptions ?? [],
      ...(options.logic === undefined ? {} : { logic: options.logic }),
      ...(options.ltlBound === undefined ? {} : { ltl_bound: options.ltlBound }),
      ...(options.engine === undefined ? {} : { engine: options.engine }),
      ...(options.timeout === undefined ? {} : { timeout_ms: Math.max(1, Math.round(options.timeout * 1000)) }),
    },
    { cache: options.cache ?? null },
  );
}

/** Terminates the prover workers the library started (they never keep a process alive when idle). */
export async function closeLogic(): Promise<void> {
  const current = shared;
  shared = undefined;
  await current?.runtime.close();
}
