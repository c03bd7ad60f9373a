#!/usr/bin/env node
/**
 * The `logic` command: `logic serve`, `logic convert TEXT…`, `logic prove FILE.p`, `logic batch FILE`.
 *
 * `logic prove` prints `% SZS status <Status> for <problem>` (the SZS convention: the problem name is
 * the file's base name without `.p`) and exits like E:
 *   0 Theorem, Unsatisfiable, ContradictoryAxioms (a proof was found) · 1 CounterSatisfiable,
 *   Satisfiable (no proof exists) · 3 syntax error · 4 usage error · 5 file not found ·
 *   8 Timeout (resource out) · 9 GaveUp (incomplete) · 10 engine unavailable or failed ·
 *   11 other input error (include(), roles).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { SzsStatus } from './domain/formula.js';
import type { ProofResult } from './domain/prover/proof-result.js';
import { parseTptpProblem } from './domain/syntax/index.js';
import { EproverEngine, NativeEngine, Z3Engine, type ProverEngine } from './adapters/engines/index.js';
import { LOGIC_VERSION, logicService } from './app.js';
import { loadConfig, type LogicConfig } from './config.js';
import { LogicError } from './errors.js';
import { present } from './routes/convert-routes.js';
import { LogicRuntime, buildProofCache } from './routes/logic-runtime.js';

export const EXIT = { proved: 0, noProof: 1, syntax: 3, usage: 4, fileNotFound: 5, timeout: 8, gaveUp: 9, engineError: 10, inputError: 11 } as const;

const STATUS_EXIT: Readonly<Record<SzsStatus, number>> = {
  Theorem: EXIT.proved,
  Unsatisfiable: EXIT.proved,
  ContradictoryAxioms: EXIT.proved,
  CounterSatisfiable: EXIT.noProof,
  Satisfiable: EXIT.noProof,
  Timeout: EXIT.timeout,
  GaveUp: EXIT.gaveUp,
};

/** Where the CLI writes: the process's streams, or buffers in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

let io: CliOutput = processOutput;

function print(line: string): void {
  io.out(`${line}\n`);
}

function warn(line: string): void {
  io.err(`logic: ${line}\n`);
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return n;
}

function timeoutMs(config: LogicConfig, requested: number | undefined): number {
  return Math.round(Math.min(requested ?? config.maxProofTime, config.maxProofTime) * 1000);
}

/** A refutation in TSTP-like lines between SZS output markers. */
function printProof(name: string, result: ProofResult): void {
  if (result.proof === undefined) return;
  print(`% SZS output start CNFRefutation for ${name}`);
  for (const step of result.proof) {
    const role = step.source === 'negated_conjecture' ? 'negated_conjecture' : step.rule === 'input' ? 'axiom' : 'plain';
    const origin = step.rule === 'input' ? `file(${JSON.stringify(name).replace(/"/g, "'")}, ${step.source ?? 'unknown'})` : `inference(${step.rule}, [status(thm)], [${step.parents.map((p) => `c${p}`).join(', ')}])`;
    print(`cnf(c${step.id}, ${role}, ${step.clause}, ${origin}).`);
  }
  print(`% SZS output end CNFRefutation for ${name}`);
}

const ENGINES: Readonly<Record<string, () => ProverEngine>> = {
  native: () => new NativeEngine(),
  z3: () => new Z3Engine(),
  eprover: () => new EproverEngine(),
};

function engineName(value: string): string {
  if (!(value in ENGINES)) throw new InvalidArgumentError(`expected one of ${Object.keys(ENGINES).join(', ')}`);
  return value;
}

async function proveFile(file: string, options: { timeout?: number; proof?: boolean; engine?: string }): Promise<number> {
  const name = basename(file, extname(file));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    warn(`cannot read ${file}: ${(error as Error).message}`);
    return EXIT.fileNotFound;
  }
  const config = loadConfig();
  let problem;
  try {
    problem = parseTptpProblem(text, { limits: { maxDepth: config.maxFormulaDepth, maxQuantifiers: config.maxQuantifiers } });
  } catch (error) {
    if (!(error instanceof LogicError)) throw error;
    const syntax = error.code === 'LOGIC_PARSE_ERROR';
    print(`% SZS status ${syntax ? 'SyntaxError' : 'InputError'} for ${name}`);
    warn(`${file}: ${error.message}`);
    return syntax ? EXIT.syntax : EXIT.inputError;
  }
  const create = ENGINES[options.engine ?? config.engine];
  const engine = create === undefined ? new NativeEngine() : create();
  try {
    const result = await engine.prove(problem, { timeoutMs: timeoutMs(config, options.timeout) });
    print(`% SZS status ${result.status} for ${name}`);
    if (options.proof === true) printProof(name, result);
    return STATUS_EXIT[result.status];
  } catch (error) {
    if (!(error instanceof LogicError)) throw error;
    print(`% SZS status Error for ${name}`);
    warn(`${error.code}: ${error.message}`);
    return EXIT.engineError;
  } finally {
    await engine.close();
  }
}

function convertTexts(texts: readonly string[], options: { json?: boolean }): number {
  const runtime = new LogicRuntime(loadConfig(), { cache: null, engines: [] });
  let exit = 0;
  for (const text of texts) {
    try {
      const result = runtime.convert(text);
      if (!result.success) exit = Math.max(exit, 1);
      if (options.json === true) print(JSON.stringify(present(result)));
      else {
        print(result.fol === '' ? '% not converted' : result.fol);
        for (const warning of result.warnings) warn(warning);
      }
    } catch (error) {
      if (!(error instanceof LogicError)) throw error;
      warn(`${error.code}: ${error.message}`);
      exit = EXIT.syntax;
    }
  }
  return exit;
}

/** `premise; premise ⊢ goal` (or `|-`): one proof problem per line. */
function splitProblem(line: string): { axioms: string[]; goal: string } | undefined {
  const parts = line.split(/⊢|\|-/);
  if (parts.length !== 2) return undefined;
  const axioms = (parts[0] ?? '').split(';').map((a) => a.trim()).filter((a) => a !== '');
  return { axioms, goal: (parts[1] ?? '').trim() };
}

async function batchFile(file: string, options: { prove?: boolean; timeout?: number; cache?: boolean }): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    warn(`cannot read ${file}: ${(error as Error).message}`);
    return EXIT.fileNotFound;
  }
  const config = loadConfig();
  const runtime = new LogicRuntime(config, { cache: options.cache === true ? buildProofCache(config) : null });
  let exit = 0;
  try {
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const at = { line: index + 1, text: line };
      try {
        if (options.prove === true) {
          const problem = splitProblem(line);
          if (problem === undefined) throw new LogicError('LOGIC_PARSE_ERROR', "expected 'premise; premise ⊢ goal' (or |-)", { field: 'line' });
          const answer = await runtime.prove({ ...problem, timeout_ms: timeoutMs(config, options.timeout) });
          print(JSON.stringify({ ...at, ok: true, ...answer }));
        } else {
          print(JSON.stringify({ ...at, ok: true, ...present(runtime.convert(line)) }));
        }
      } catch (error) {
        if (!(error instanceof LogicError)) throw error;
        exit = 1;
        print(JSON.stringify({ ...at, ok: false, error: { code: error.code, message: error.message } }));
      }
    }
  } finally {
    await runtime.close();
  }
  return exit;
}

/** The commander program; `result.code` holds the exit code of the command that ran. */
export function buildProgram(result: { code: number } = { code: 0 }): Command {
  const program = new Command('logic')
    .description('Logic Module: English to first-order logic, theorem proving, content-addressed proof cache')
    .version(LOGIC_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });
  program
    .command('serve')
    .description('run the HTTP service (configured by environment variables; see README)')
    .action(async () => {
      await logicService.run();
    });
  program
    .command('convert')
    .description('convert English sentences to first-order logic (one line of FOL per text)')
    .argument('<text...>', 'texts to convert')
    .option('--json', 'print one JSON object per text')
    .action((texts: string[], options: { json?: boolean }) => {
      result.code = convertTexts(texts, options);
    });
  program
    .command('prove')
    .description('decide a TPTP FOF/CNF problem and print its SZS status the way E does')
    .argument('<file>', 'TPTP problem file (.p)')
    .option('--timeout <seconds>', 'CPU budget in seconds (capped by LOGIC_MAX_PROOF_TIME)', seconds)
    .option('--proof', 'print the refutation between SZS output markers')
    .option('--engine <name>', 'native (default: LOGIC_ENGINE), z3 or eprover', engineName)
    .action(async (file: string, options: { timeout?: number; proof?: boolean; engine?: string }) => {
      result.code = await proveFile(file, options);
    });
  program
    .command('batch')
    .description('convert one sentence per line (or, with --prove, decide one "premises ⊢ goal" per line); JSON lines out')
    .argument('<file>', 'input file; empty lines and lines starting with # are skipped')
    .option('--prove', "each line is 'premise; premise ⊢ goal' (or |-)")
    .option('--timeout <seconds>', 'per problem, capped by LOGIC_MAX_PROOF_TIME', seconds)
    .option('--cache', 'use the configured proof cache tiers (LOGIC_CACHE_DIR, REDIS_URL, IPFS_*)')
    .action(async (file: string, options: { prove?: boolean; timeout?: number; cache?: boolean }) => {
      result.code = await batchFile(file, options);
    });
  return program;
}

/**
 * Runs the CLI and returns its exit code; usage errors give 4 (as E does), help and version 0.
 * Commands set the code; `serve` keeps running after it returns.
 */
export async function main(argv: readonly string[] = process.argv, output: CliOutput = processOutput): Promise<number> {
  io = output;
  const result = { code: 0 };
  try {
    await buildProgram(result).parseAsync([...argv]);
    return result.code;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? 0 : EXIT.usage;
  } finally {
    io = processOutput;
  }
}

/** True when this file is the program being run (node dist/cli.js, the `logic` bin link, tsx). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await main();
