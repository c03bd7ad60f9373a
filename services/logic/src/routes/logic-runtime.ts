/**
 * The Logic Module behind every front door (HTTP routes, the library API, the Lambda handler and
 * the CLI): converter, engines and proof cache built once from a LogicConfig.
 */
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { SzsStatus } from '../domain/formula.js';
import { FOLConverter, type BatchItem, type ConversionResult } from '../domain/nl/index.js';
import type { ProofStep } from '../domain/prover/proof-result.js';
import { printTptpProblem } from '../domain/syntax/index.js';
import { EproverEngine, NativeEngine, Z3Engine, type ProverEngine } from '../adapters/engines/index.js';
import {
  IPFSProofCache,
  ProofCache,
  RedisProofCache,
  TieredProofCache,
  type ProofCacheTier,
} from '../adapters/cache/index.js';
import { proveThroughCache } from '../adapters/cache/cached-prover.js';
import type { LogicConfig } from '../config.js';
import { LogicError } from '../errors.js';
import { LOGICS, modalLettersOf, OPERATOR_SPELLINGS, type LogicName } from './logic-selection.js';
import { parseStatement, type ParseResponse } from './parse-statement.js';
import { prepareProof, type ProveRequest } from './prove-request.js';
import { checkText, type StatementSettings } from './statement-reader.js';

/** Hooks for metrics: the HTTP app counts conversions, proofs and cache hits through these. */
export interface LogicObserver {
  conversion?(seconds: number, success: boolean): void;
  proof?(status: SzsStatus, cached: boolean): void;
  cacheLookup?(hitRate: number): void;
}

export interface LogicRuntimeOptions {
  /** A ready cache; `null` for none; absent: built from the config (L1, L2 when REDIS_URL, L3). */
  readonly cache?: ProofCacheTier | null;
  /** Engines by name; absent: native, z3 (unless LOGIC_Z3_ENABLED=0) and eprover (answers 503 when not installed). */
  readonly engines?: readonly ProverEngine[];
  /** A Redis client to share for L2 (the kernel's); otherwise one is opened from `redisUrl`. */
  readonly redis?: Redis;
  readonly observer?: LogicObserver;
}

export interface ProveResponse {
  readonly status: SzsStatus;
  /** True when the goal was proved from the axioms (status Theorem). */
  readonly proved: boolean;
  readonly proof_steps: readonly ProofStep[];
  /** Time this request took, cache lookup included. */
  readonly elapsed_ms: number;
  readonly cached: boolean;
  /** CIDv1 (raw, sha2-256) of the canonical question: the cache key. */
  readonly cid: string;
  readonly engine: string;
  readonly logic: string;
  readonly goal: string;
  /** Axioms in canonical order; proof steps name them ax1, ax2, … in this order. */
  readonly axioms: readonly string[];
  readonly timeout_ms: number;
  readonly cache_tier?: string;
  /** Time the engine spent when the answer was computed (also for cached answers). */
  readonly prover_elapsed_ms: number;
  readonly model?: unknown;
  readonly reason?: string;
  /** LOGIC_DEBUG only: the first-order problem the engine decided (TPTP) and engine statistics. */
  readonly debug?: { readonly tptp: string; readonly stats?: Readonly<Record<string, number>> };
}

export interface BatchOptions {
  /** Interleave items on the event loop (yielding between them) instead of converting in one go. */
  readonly parallel?: boolean;
}

/** Builds L1 (memory), L2 (Redis, when configured) and L3 (Kubo when IPFS_HOST/IPFS_PORT, else local blockstore). */
export function buildProofCache(config: LogicConfig, redis?: Redis): TieredProofCache {
  const tiers: ProofCacheTier[] = [new ProofCache({ maxSize: config.cacheMaxSize, ttlSeconds: config.cacheTtlSeconds })];
  if (redis !== undefined) tiers.push(new RedisProofCache({ redis, ttlSeconds: config.cacheTtlSeconds }));
  else if (config.redisUrl !== '') tiers.push(new RedisProofCache({ redisUrl: config.redisUrl, ttlSeconds: config.cacheTtlSeconds }));
  tiers.push(
    config.ipfsEnabled
      ? new IPFSProofCache({ ipfsHost: config.ipfsHost, ipfsPort: config.ipfsPort, ipfsProtocol: config.ipfsProtocol, timeoutMs: config.ipfsTimeoutMs })
      : new IPFSProofCache({ directory: config.cacheDir, timeoutMs: config.ipfsTimeoutMs }),
  );
  return new TieredProofCache(tiers);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class LogicRuntime {
  readonly converter: FOLConverter;
  readonly cache: ProofCacheTier | undefined;
  readonly engines: ReadonlyMap<string, ProverEngine>;
  private readonly settings: StatementSettings;
  private readonly observer: LogicObserver;

  constructor(
    readonly config: LogicConfig,
    options: LogicRuntimeOptions = {},
  ) {
    this.converter = new FOLConverter({ maxInputSize: config.maxInputSize });
    this.settings = {
      converter: this.converter,
      limits: { maxDepth: config.maxFormulaDepth, maxQuantifiers: config.maxQuantifiers },
      maxInputSize: config.maxInputSize,
      suspiciousPatternCheck: config.suspiciousPatternCheck,
    };
    this.cache = options.cache === null || !config.enableCache ? undefined : (options.cache ?? buildProofCache(config, options.redis));
    const engines = options.engines ?? [new NativeEngine(), ...(config.z3Enabled ? [new Z3Engine()] : []), new EproverEngine()];
    this.engines = new Map(engines.map((engine) => [engine.name, engine]));
    this.observer = options.observer ?? {};
  }

  /** Converts English to FOL after the size and pattern checks (guide: `FOLConverter.convert`). */
  convert(text: string, field = 'text'): ConversionResult {
    const start = performance.now();
    checkText(text, field, this.settings);
    const result = this.converter.convert(text);
    this.observer.conversion?.((performance.now() - start) / 1000, result.success);
    return result;
  }

  /** Converts texts in input order; a bad item (too large, suspicious) fails alone. */
  async convertBatch(texts: readonly string[], options: BatchOptions = {}): Promise<BatchItem[]> {
    if (texts.length > this.config.maxBatchSize) {
      throw new LogicError('LOGIC_BATCH_TOO_LARGE', `the batch has ${texts.length} items, over LOGIC_MAX_BATCH_SIZE=${this.config.maxBatchSize}`, {
        field: 'texts',
        details: { limit: this.config.maxBatchSize, size: texts.length, setting: 'LOGIC_MAX_BATCH_SIZE' },
      });
    }
    const out: BatchItem[] = [];
    for (const [i, text] of texts.entries()) {
      if (options.parallel === true && i > 0) await yieldToEventLoop();
      try {
        out.push({ ok: true, result: this.convert(text, `texts/${i}`) });
      } catch (error) {
        if (!(error instanceof LogicError)) throw error;
        out.push({ ok: false, error: { code: error.code, message: error.message, ...(error.field === undefined ? {} : { field: error.field }) } });
      }
    }
    return out;
  }

  /** Decides whether the goal follows from the axioms in the requested logic, through the proof cache. */
  async prove(request: ProveRequest, options: { readonly cache?: ProofCacheTier | null } = {}): Promise<ProveResponse> {
    const start = performance.now();
    const engineName = request.engine ?? this.config.engine;
    const engine = this.engines.get(engineName);
    if (engine === undefined) {
      throw new LogicError('LOGIC_ENGINE_UNAVAILABLE', `the engine ${engineName} is not available here (available: ${[...this.engines.keys()].join(', ')})`, {
        field: 'engine',
        details: { engine: engineName, available: [...this.engines.keys()] },
      });
    }
    const prepared = prepareProof(request, this.settings);
    const maxMs = Math.round(this.config.maxProofTime * 1000);
    const timeoutMs = Math.max(1, Math.min(request.timeout_ms ?? maxMs, maxMs));
    // A cache given with the call (the library's proveFormula) replaces the runtime's own.
    const cache = options.cache === undefined ? this.cache : (options.cache ?? undefined);
    const outcome = await proveThroughCache(engine, prepared, { timeoutMs, cache });
    if (cache !== undefined) this.observer.cacheLookup?.(cache.stats().hitRate);
    this.observer.proof?.(outcome.result.status, outcome.cached);
    const { result } = outcome;
    return {
      status: result.status,
      proved: result.status === 'Theorem',
      proof_steps: result.proof ?? [],
      elapsed_ms: performance.now() - start,
      cached: outcome.cached,
      cid: outcome.cid.toString(),
      engine: result.engine,
      logic: prepared.logic,
      goal: prepared.goal,
      axioms: prepared.axioms,
      timeout_ms: timeoutMs,
      ...(outcome.tier === undefined ? {} : { cache_tier: outcome.tier }),
      prover_elapsed_ms: result.elapsedMs,
      ...(result.model === undefined ? {} : { model: result.model }),
      ...(result.reason === undefined ? {} : { reason: result.reason }),
      ...(this.config.debug ? { debug: { tptp: printTptpProblem(prepared.problem), ...(result.stats === undefined ? {} : { stats: result.stats }) } } : {}),
    };
  }

  /** Parses a formula (or a TPTP problem) and prints it in every notation; `logic` decides the letter operators. */
  parse(text: string, field = 'formula', logic: LogicName = 'fol'): ParseResponse {
    checkText(text, field, this.settings);
    return parseStatement(text, field, this.settings.limits, modalLettersOf(logic));
  }

  capabilities(): Record<string, unknown> {
    return {
      logics: LOGICS,
      engines: [...this.engines.keys()].map((name) => ({ name, default: name === this.config.engine })),
      statuses: ['Theorem', 'CounterSatisfiable', 'Unsatisfiable', 'Satisfiable', 'ContradictoryAxioms', 'Timeout', 'GaveUp'],
      input_syntaxes: ['unicode', 'ascii', 'tptp', 'english'],
      output_syntaxes: ['unicode', 'ascii', 'tptp', 'smtlib'],
      modal_operators: {
        ...OPERATOR_SPELLINGS,
        letters_by_logic: { SDL: ['O', 'P', 'F'], LTL: ['G', 'F', 'X'] },
        letter_rule:
          'O/P/F (logic SDL) and G/F/X (logic LTL) are operators when followed by whitespace or by a formula that cannot follow a name (¬, □, ∀, …); F(x) glued to "(" is a predicate, and in every other logic letters are names',
      },
      limits: {
        max_input_size: this.config.maxInputSize,
        max_formula_depth: this.config.maxFormulaDepth,
        max_quantifiers: this.config.maxQuantifiers,
        max_proof_time_s: this.config.maxProofTime,
        max_batch_size: this.config.maxBatchSize,
      },
      cache: {
        enabled: this.cache !== undefined,
        tiers: this.cache instanceof TieredProofCache ? this.cache.tiers.map((tier) => tier.name) : this.cache === undefined ? [] : [this.cache.name],
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.engines.values()].map((engine) => engine.close()));
    await this.cache?.close();
  }
}
