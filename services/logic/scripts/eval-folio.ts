/**
 * FOLIO evaluation (train split, /work/shared/data/folio/folio-train.jsonl, CC BY-SA 4.0).
 *
 *   npx tsx services/logic/scripts/eval-folio.ts [--data FILE] [--limit N] [--timeout S]
 *                                                [--concurrency N] [--engine eprover] [--json]
 *
 * Each line holds `premises` (English), `premises-FOL` (gold Unicode FOL), `conclusion` (English
 * only: this split has no gold FOL for conclusions) and `label` ∈ {True, False, Unknown}.
 * A label is predicted from a prover's answers: True when premises ⊢ conclusion, False when
 * premises ⊢ ¬conclusion, Unknown (FOLIO's name for Uncertain) otherwise. Contradictory premises
 * prove everything, so they yield True (counted separately).
 *
 * Two figures:
 *  (a) gold: premises from `premises-FOL` via the syntax parser; since conclusions carry no gold
 *      FOL, the conclusion comes from the NL converter (so this is gold premises + converted conclusion);
 *  (b) end to end: premises and conclusion both from the NL converter.
 * An example whose formulas cannot be produced counts as wrong (and is tallied as unconverted).
 *
 * The prover is a parameter (`--engine`); only E exists until the native prover's adapter lands.
 */
import { readFileSync } from 'node:fs';
import { not, type Formula, type Problem } from '../src/domain/formula.js';
import { FOLConverter } from '../src/domain/nl/index.js';
import { parseFormula } from '../src/domain/syntax/index.js';
import { eproverEngine, type ProverEngine } from './eprover-engine.js';

interface FolioExample {
  readonly story_id: number;
  readonly example_id: number;
  readonly premises: readonly string[];
  readonly 'premises-FOL': readonly string[];
  readonly conclusion: string;
  readonly label: 'True' | 'False' | 'Unknown';
}

type Label = FolioExample['label'];

interface Options {
  data: string;
  limit: number;
  timeout: number;
  concurrency: number;
  engine: string;
  json: boolean;
}

const ENGINES: Readonly<Record<string, ProverEngine>> = { eprover: eproverEngine };

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    data: '/work/shared/data/folio/folio-train.jsonl',
    limit: Number.POSITIVE_INFINITY,
    timeout: 5, // seconds per prover call
    concurrency: 2,
    engine: 'eprover',
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--json') options.json = true;
    else if (value === undefined) throw new Error(`missing value after ${arg}`);
    else if (arg === '--data') options.data = value;
    else if (arg === '--limit') options.limit = Number(value);
    else if (arg === '--timeout') options.timeout = Number(value);
    else if (arg === '--concurrency') options.concurrency = Number(value);
    else if (arg === '--engine') options.engine = value;
    else throw new Error(`unknown option ${arg}`);
    if (arg !== '--json') i += 1;
  }
  return options;
}

/** Predicts a label from two prover calls (premises ⊢ c, then premises ⊢ ¬c). */
async function predictLabel(engine: ProverEngine, axioms: readonly Formula[], conclusion: Formula, timeout: number): Promise<{ label: Label; contradictory: boolean }> {
  const proves = async (goal: Formula): Promise<string> => engine.prove({ axioms, conjecture: goal } satisfies Problem, timeout);
  const positive = await proves(conclusion);
  if (positive === 'Theorem') return { label: 'True', contradictory: false };
  if (positive === 'ContradictoryAxioms') return { label: 'True', contradictory: true };
  const negative = await proves(not(conclusion));
  if (negative === 'Theorem') return { label: 'False', contradictory: false };
  return { label: 'Unknown', contradictory: false };
}

function parseGold(texts: readonly string[]): Formula[] | undefined {
  try {
    return texts.map((t) => parseFormula(t, { dialect: 'standard' }));
  } catch {
    return undefined;
  }
}

/** All of a text's sentences must convert completely, else the formulas would silently miss premises. */
function convertAll(converter: FOLConverter, texts: readonly string[]): Formula[] | undefined {
  const out: Formula[] = [];
  for (const text of texts) {
    const result = converter.convert(text);
    if (!result.success) return undefined;
    out.push(...result.formulas);
  }
  return out;
}

interface Tally {
  correct: number;
  unconverted: number;
  contradictory: number;
  confusion: Record<string, number>;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : Number((a / b).toFixed(4)));

const emptyTally = (): Tally => ({ correct: 0, unconverted: 0, contradictory: 0, confusion: {} });

async function mapWithLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const engine = ENGINES[options.engine];
  if (engine === undefined) throw new Error(`unknown engine ${options.engine}; known: ${Object.keys(ENGINES).join(', ')}`);
  const examples = readFileSync(options.data, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as FolioExample)
    .slice(0, options.limit);
  const converter = new FOLConverter();
  const gold = emptyTally();
  const endToEnd = emptyTally();
  let goldPremisesParsed = 0;
  let conclusionsConverted = 0;
  let premiseSentences = 0;
  let premiseSentencesConverted = 0;
  let confidenceSum = 0;

  const record = (tally: Tally, expected: Label, predicted: Label | 'unconverted', contradictory = false): void => {
    if (predicted === 'unconverted') tally.unconverted += 1;
    if (predicted === expected) tally.correct += 1;
    if (contradictory) tally.contradictory += 1;
    const key = `${expected}->${predicted}`;
    tally.confusion[key] = (tally.confusion[key] ?? 0) + 1;
  };

  await mapWithLimit(examples, options.concurrency, async (ex) => {
    const goldPremises = parseGold(ex['premises-FOL']);
    if (goldPremises !== undefined) goldPremisesParsed += 1;
    const conclusionResult = converter.convert(ex.conclusion);
    confidenceSum += conclusionResult.confidence;
    const conclusion = conclusionResult.success ? conclusionResult.formulas[0] : undefined;
    if (conclusion !== undefined) conclusionsConverted += 1;
    for (const premise of ex.premises) {
      premiseSentences += 1;
      const r = converter.convert(premise);
      confidenceSum += r.confidence;
      if (r.success) premiseSentencesConverted += 1;
    }
    const convertedPremises = convertAll(converter, ex.premises);

    if (goldPremises === undefined || conclusion === undefined) record(gold, ex.label, 'unconverted');
    else {
      const p = await predictLabel(engine, goldPremises, conclusion, options.timeout);
      record(gold, ex.label, p.label, p.contradictory);
    }
    if (convertedPremises === undefined || conclusion === undefined) record(endToEnd, ex.label, 'unconverted');
    else {
      const p = await predictLabel(engine, convertedPremises, conclusion, options.timeout);
      record(endToEnd, ex.label, p.label, p.contradictory);
    }
  });

  const n = examples.length;
  const summary = {
    engine: engine.name,
    examples: n,
    timeoutSecondsPerCall: options.timeout,
    goldPremiseSetsParsed: goldPremisesParsed,
    conclusionsConverted,
    premiseSentencesConverted: `${premiseSentencesConverted}/${premiseSentences}`,
    meanConverterConfidence: Number((confidenceSum / (n + premiseSentences)).toFixed(4)),
    majorityBaseline: Number((Math.max(...(['True', 'False', 'Unknown'] as const).map((l) => examples.filter((e) => e.label === l).length)) / n).toFixed(4)),
    goldPremisesConvertedConclusion: { accuracy: ratio(gold.correct, n), accuracyOnConverted: ratio(gold.correct, n - gold.unconverted), ...gold },
    endToEnd: { accuracy: ratio(endToEnd.correct, n), accuracyOnConverted: ratio(endToEnd.correct, n - endToEnd.unconverted), ...endToEnd },
  };
  process.stdout.write(`${JSON.stringify(summary, null, options.json ? 0 : 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
