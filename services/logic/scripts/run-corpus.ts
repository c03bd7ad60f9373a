/**
 * Runs the native prover in-process on the TPTP corpus and prints each problem's answer and time
 * (a quick check while tuning the prover; the benchmark with E is bench/logic-prover.bench.ts).
 *
 *   npx tsx services/logic/scripts/run-corpus.ts [--timeout MS] [--distribution-limit N] [FILE_SUBSTRING…]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { proveNative } from '../src/domain/prover/index.js';
import { parseTptpProblem } from '../src/domain/syntax/index.js';

const args = process.argv.slice(2);
const optionValue = (name: string): string | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
};
const timeoutMs = Number(optionValue('--timeout') ?? 5000);
const distributionLimit = optionValue('--distribution-limit');
const clausify = distributionLimit === undefined ? {} : { distributionLimit: Number(distributionLimit) };
const filters = args;
const dir = fileURLToPath(new URL('../corpus/tptp/', import.meta.url));
let solved = 0;
let wrong = 0;
let total = 0;
let totalMs = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.p')).sort()) {
  if (filters.length > 0 && !filters.some((f) => file.includes(f))) continue;
  const text = readFileSync(`${dir}${file}`, 'utf8');
  const expected = /^% Expected: SZS status (\w+)/.exec(text)?.[1] ?? 'MISSING';
  const start = performance.now();
  const result = proveNative(parseTptpProblem(text), { timeoutMs, now: () => performance.now(), clausify });
  const ms = performance.now() - start;
  totalMs += ms;
  if (expected === 'ResourceOut') {
    console.log(`${file.padEnd(40)} ${result.status.padEnd(20)} (E: ResourceOut) ${ms.toFixed(1)} ms`);
    continue;
  }
  total += 1;
  const ok = result.status === expected;
  const undecided = result.status === 'Timeout' || result.status === 'GaveUp';
  if (ok) solved += 1;
  else if (!undecided) wrong += 1;
  const mark = ok ? 'ok   ' : undecided ? 'MISS ' : 'WRONG';
  console.log(`${mark} ${file.padEnd(34)} ${result.status.padEnd(20)} expected ${expected.padEnd(20)} ${ms.toFixed(1)} ms ${JSON.stringify(result.stats ?? {})}`);
}
console.log(`solved ${solved}/${total}, wrong ${wrong}, total ${(totalMs / 1000).toFixed(2)} s`);
