/**
 * FOLIO evaluation (train split, /work/shared/data/folio/folio-train.jsonl, CC BY-SA 4.0).
 *
 *   npx tsx services/logic/scripts/eval-folio.ts [--data FILE] [--limit N] [--timeout S]
 *                                                [--concurrency N] [--engine native|eprover|z3]
 *                                                [--predictions FILE] [--json]
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
 * The prover is a parameter (`--engine`): the service's own engine adapters (native in worker
 * threads, `eprover --auto`, Z3), each with the same hard per-call limit. `--predictions FILE`
 * writes one JSON line per example (both predicted labels) so engines can be compared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { not, type Formula, type Problem, type Term } from '../src/domain/formula.js';
import { FOLConverter } from '../src/domain/nl/index.js';
import { parseFormula } from '../src/domain/syntax/index.js';
import { EproverEngine, NativeEngine, Z3Engine, type ProverEngine } from '../src/adapters/engines/index.js';

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
  predictions: string | undefined;
  json: boolean;
}

const ENGINES: Readonly<Record<string, () => ProverEngine>> = {
  native: () => new NativeEngine(),
  eprover: () => new EproverEngine(),
  z3: () => new Z3Engine(),
};

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    data: '/work/shared/data/folio/folio-train.jsonl',
    limit: Number.POSITIVE_INFINITY,
    timeout: 5, // seconds per prover call
    concurrency: 2,
    engine: 'native',
    predictions: undefined,
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
    else if (arg === '--predictions') options.predictions = value;
    else throw new Error(`unknown option ${arg}`);
    if (arg !== '--json') i += 1;
  }
  return options;
}

/** Predicts a label from two prover calls (premises ⊢ c, then premises ⊢ ¬c); counts every status seen. */
async function predictLabel(
  engine: ProverEngine,
  axioms: readonly Formula[],
  conclusion: Formula,
  timeout: number,
  statuses: Record<string, number>,
): Promise<{ label: Label; contradictory: boolean }> {
  const proves = async (goal: Formula): Promise<string> => {
    const { status } = await engine.prove({ axioms, conjecture: goal } satisfies Problem, { timeoutMs: timeout * 1000 });
    statuses[status] = (statuses[status] ?? 0) + 1;
    return status;
  };
  const positive = await proves(conclusion);
  if (positive === 'Theorem') return { label: 'True', contradictory: false };
  if (positive === 'ContradictoryAxioms') return { label: 'True', contradictory: true };
  const negative = await proves(not(conclusion));
  if (negative === 'Theorem') return { label: 'False', contradictory: false };
  return { label: 'Unknown', contradictory: false };
}

/**
 * FOLIO's annotations carry identifier noise the grammar rightly rejects: hyphens, dots and plus
 * signs inside names (`Anti-abortion(x)`, `mr.smith`, `c++`) and multi-word constants
 * (`captain america`). These are rewritten into single identifiers; nothing else is changed, so
 * unbalanced parentheses and other real errors still fail.
 */
function normaliseFolioFol(text: string): string {
  return text
    .replace(/\+/g, '_plus')
    .replace(/(?<=\w)[-.](?=\w)/g, '_')
    .replace(/([(,]\s*)([a-z]\w*(?:\s+[a-z]\w*)+)(?=\s*[,)])/g, (_m, open: string, words: string) => `${open}${words.split(/\s+/).join('_')}`);
}

function parseGold(texts: readonly string[], normalise: boolean): Formula[] | undefined {
  try {
    return texts.map((t) => parseFormula(normalise ? normaliseFolioFol(t) : t, { dialect: 'standard' }));
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

/** Predicate (name/arity) and constant symbols of a formula: a conclusion that uses a symbol the premises lack cannot follow from them. */
function symbolsOf(formula: Formula, out = new Set<string>()): Set<string> {
  const term = (t: Term): void => {
    if (t.kind === 'const') out.add(`c:${t.name}`);
    else if (t.kind === 'fn') {
      out.add(`f:${t.name}/${t.args.length}`);
      t.args.forEach(term);
    }
  };
  switch (formula.kind) {
    case 'true':
    case 'false':
      break;
    case 'pred':
      out.add(`p:${formula.name}/${formula.args.length}`);
      formula.args.forEach(term);
      break;
    case 'eq':
      term(formula.left);
      term(formula.right);
      break;
    case 'not':
    case 'modal':
    case 'forall':
    case 'exists':
      symbolsOf(formula.body, out);
      break;
    default:
      symbolsOf(formula.left, out);
      symbolsOf(formula.right, out);
  }
  return out;
}

interface Tally {
  correct: number;
  /** SZS statuses of every prover call (Timeout/GaveUp show how often the engine could not decide). */
  statuses: Record<string, number>;
  unconverted: number;
  contradictory: number;
  confusion: Record<string, number>;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : Number((a / b).toFixed(4)));

const emptyTally = (): Tally => ({ correct: 0, statuses: {}, unconverted: 0, contradictory: 0, confusion: {} });

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
  const makeEngine = ENGINES[options.engine];
  if (makeEngine === undefined) throw new Error(`unknown engine ${options.engine}; known: ${Object.keys(ENGINES).join(', ')}`);
  const engine = makeEngine();
  const started = performance.now();
  const examples = readFileSync(options.data, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as FolioExample)
    .slice(0, options.limit);
  const converter = new FOLConverter();
  const gold = emptyTally();
  /** Gold premises whose vocabulary covers every symbol of the converted conclusion. */
  const aligned = emptyTally();
  const endToEnd = emptyTally();
  let goldPremisesParsed = 0;
  let goldSentences = 0;
  let goldSentencesParsed = 0;
  let goldPremisesParsedStrict = 0;
  let goldSentencesParsedStrict = 0;
  const predictions: string[] = [];
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
    if (parseGold(ex['premises-FOL'], false) !== undefined) goldPremisesParsedStrict += 1;
    const goldPremises = parseGold(ex['premises-FOL'], true);
    if (goldPremises !== undefined) goldPremisesParsed += 1;
    for (const text of ex['premises-FOL']) {
      goldSentences += 1;
      if (parseGold([text], false) !== undefined) goldSentencesParsedStrict += 1;
      if (parseGold([text], true) !== undefined) goldSentencesParsed += 1;
    }
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

    let goldLabel: Label | 'unconverted' = 'unconverted';
    let endToEndLabel: Label | 'unconverted' = 'unconverted';
    let vocabularyAligned = false;
    if (goldPremises === undefined || conclusion === undefined) record(gold, ex.label, 'unconverted');
    else {
      const p = await predictLabel(engine, goldPremises, conclusion, options.timeout, gold.statuses);
      goldLabel = p.label;
      record(gold, ex.label, p.label, p.contradictory);
      const vocabulary = new Set<string>();
      for (const premise of goldPremises) symbolsOf(premise, vocabulary);
      vocabularyAligned = [...symbolsOf(conclusion)].every((symbol) => vocabulary.has(symbol));
      if (vocabularyAligned) record(aligned, ex.label, p.label, p.contradictory);
    }
    if (convertedPremises === undefined || conclusion === undefined) record(endToEnd, ex.label, 'unconverted');
    else {
      const p = await predictLabel(engine, convertedPremises, conclusion, options.timeout, endToEnd.statuses);
      endToEndLabel = p.label;
      record(endToEnd, ex.label, p.label, p.contradictory);
    }
    predictions.push(JSON.stringify({ example_id: ex.example_id, label: ex.label, gold: goldLabel, vocabularyAligned, endToEnd: endToEndLabel }));
  });
  await engine.close();
  if (options.predictions !== undefined) writeFileSync(options.predictions, `${predictions.join('\n')}\n`);

  const n = examples.length;
  const summary = {
    engine: engine.name,
    examples: n,
    timeoutSecondsPerCall: options.timeout,
    wallSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    goldPremiseSetsParsed: { strict: goldPremisesParsedStrict, afterNormalising: goldPremisesParsed },
    goldPremiseSentencesParsed: { strict: `${goldSentencesParsedStrict}/${goldSentences}`, afterNormalising: `${goldSentencesParsed}/${goldSentences}` },
    conclusionsConverted,
    premiseSentencesConverted: `${premiseSentencesConverted}/${premiseSentences}`,
    meanConverterConfidence: Number((confidenceSum / (n + premiseSentences)).toFixed(4)),
    majorityBaseline: Number((Math.max(...(['True', 'False', 'Unknown'] as const).map((l) => examples.filter((e) => e.label === l).length)) / n).toFixed(4)),
    goldPremisesConvertedConclusion: { accuracy: ratio(gold.correct, n), accuracyOnConverted: ratio(gold.correct, n - gold.unconverted), ...gold },
    goldPremisesAlignedConclusion: {
      examples: Object.values(aligned.confusion).reduce((a, b) => a + b, 0),
      correct: aligned.correct,
      contradictory: aligned.contradictory,
      confusion: aligned.confusion,
    },
    endToEnd: { accuracy: ratio(endToEnd.correct, n), accuracyOnConverted: ratio(endToEnd.correct, n - endToEnd.unconverted), ...endToEnd },
  };
  process.stdout.write(`${JSON.stringify(summary, null, options.json ? 0 : 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
