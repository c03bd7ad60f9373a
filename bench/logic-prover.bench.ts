import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../services/logic/src/domain/formula.js';
import { proveNative } from '../services/logic/src/domain/prover/index.js';
import { parseTptpProblem } from '../services/logic/src/domain/syntax/index.js';
import { EproverEngine, NativeEngine, type ProverEngine } from '../services/logic/src/adapters/engines/index.js';
import { record, round } from './lib/results.js';

// The native prover against `eprover --auto` on the logic corpus (services/logic/corpus/tptp), in one
// run, one problem at a time (the machine has 2 shared cores; parallel runs would skew both), with
// the same wall-clock limit per problem; and the warm Socrates latency, in-process and through the
// worker engine the service uses.
const LIMIT_MS = Number(process.env['LOGIC_BENCH_LIMIT_MS'] ?? 5000);
const SOCRATES_RUNS = 1000;
const corpusDir = fileURLToPath(new URL('../services/logic/corpus/tptp/', import.meta.url));
const HEADER = /^% Expected: SZS status (\w+)/;

interface CorpusProblem {
  readonly file: string;
  readonly expected: string;
  readonly text: string;
}

const problems: CorpusProblem[] = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.p'))
  .sort()
  .map((file) => {
    const text = readFileSync(`${corpusDir}${file}`, 'utf8');
    return { file, expected: HEADER.exec(text)?.[1] ?? 'MISSING', text };
  });
// ResourceOut means E itself could not decide the problem when the corpus was built: no expected answer.
const decided = problems.filter((p) => p.expected !== 'ResourceOut' && p.expected !== 'MISSING');
const UNDECIDED = new Set(['Timeout', 'GaveUp', 'ResourceOut', 'Unknown']);

interface EngineRun {
  readonly solved: Set<string>;
  readonly wrong: string[];
  totalMs: number;
}

async function runCorpus(engine: ProverEngine): Promise<EngineRun> {
  const run: EngineRun = { solved: new Set(), wrong: [], totalMs: 0 };
  for (const p of decided) {
    const problem = parseTptpProblem(p.text);
    const start = performance.now();
    const result = await engine.prove(problem, { timeoutMs: LIMIT_MS });
    run.totalMs += performance.now() - start;
    if (result.status === p.expected) run.solved.add(p.file);
    else if (!UNDECIDED.has(result.status)) run.wrong.push(`${p.file} (${result.status}, expected ${p.expected})`);
  }
  return run;
}

const percentile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function timeRuns(runs: number, once: () => Promise<void> | void): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 100; i++) await once(); // warm-up: JIT, worker start, module caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

console.log(`logic prover: native vs eprover --auto on ${decided.length} decided corpus problems, ${LIMIT_MS} ms each, sequential`);
const native = new NativeEngine();
const eprover = new EproverEngine();
const runs: Record<string, EngineRun> = {};
try {
  // Socrates first, on a fresh heap: the corpus run leaves garbage whose collection would land in
  // the latency tail. Each run parses the TPTP text and proves it, as a request would.
  const socratesText = (problems.find((p) => p.file === '06_socrates.p') as CorpusProblem).text;
  const check = (status: string): void => {
    if (status !== 'Theorem') throw new Error(`Socrates answered ${status}`);
  };
  const inProcess = await timeRuns(SOCRATES_RUNS, () => {
    const problem: Problem = parseTptpProblem(socratesText);
    check(proveNative(problem, { timeoutMs: LIMIT_MS, now: () => performance.now() }).status);
  });
  const throughWorker = await timeRuns(SOCRATES_RUNS, async () => {
    check((await native.prove(parseTptpProblem(socratesText), { timeoutMs: LIMIT_MS })).status);
  });
  record(`Logic prover: Socrates warm, parse + prove, ${SOCRATES_RUNS} runs after 100 warm-up (goal: < 5 ms)`, [
    ['proveNative in-process', round(inProcess.median, 3), round(inProcess.p95, 3)],
    ['NativeEngine (worker thread)', round(throughWorker.median, 3), round(throughWorker.p95, 3)],
  ], ['path', 'median ms', 'p95 ms']);

  for (const engine of [native, eprover] as const) runs[engine.name] = await runCorpus(engine);

  const ours = runs['native'] as EngineRun;
  const theirs = runs['eprover'] as EngineRun;
  const missed = [...theirs.solved].filter((f) => !ours.solved.has(f));
  const extra = [...ours.solved].filter((f) => !theirs.solved.has(f));
  const rows: (string | number)[][] = [
    ['native (ours)', `${ours.solved.size}/${decided.length}`, ours.wrong.length, round(ours.totalMs / 1000, 2), extra.join(', ') || '—'],
    ['eprover --auto', `${theirs.solved.size}/${decided.length}`, theirs.wrong.length, round(theirs.totalMs / 1000, 2), missed.join(', ') || '—'],
    ['ours / E', `${round((100 * [...theirs.solved].filter((f) => ours.solved.has(f)).length) / Math.max(1, theirs.solved.size), 1)} %`, '', '', ''],
  ];
  record(`Logic prover: native vs eprover --auto on the corpus (${LIMIT_MS} ms per problem; goal: ≥ 95 % of E's solved)`, rows, [
    'engine',
    'solved (status as expected)',
    'wrong answers',
    'total s',
    'solved only by this engine',
  ]);
  for (const [name, run] of Object.entries(runs)) for (const w of run.wrong) console.log(`WRONG ${name}: ${w}`);
} finally {
  await native.close();
  await eprover.close();
}
