/**
 * English → first-order logic for a controlled fragment of English (see sentence-grammar.ts for
 * what the fragment covers). Every sentence of the input is converted; the confidence is the share
 * of the input's word tokens that the grammar interpreted, so it drops with every sentence or
 * trailing phrase the grammar could not read.
 */
import type { Formula } from '../formula.js';
import { printUnicode } from '../syntax/index.js';
import { LogicError } from '../../errors.js';
import { ParseBudgetExceeded, SentenceGrammar, type BuildContext, type Reading } from './sentence-grammar.js';
import { tokenizeText, type Sentence } from './tokenizer.js';

export interface ConverterConfig {
  /** Longest accepted input, in characters (the guide's LOGIC_MAX_INPUT_SIZE). */
  readonly maxInputSize: number;
}

export const DEFAULT_CONVERTER_CONFIG: ConverterConfig = {
  maxInputSize: 10_000, // characters
};

export type SentenceStatus = 'parsed' | 'partial' | 'failed';

export interface SentenceConversion {
  readonly text: string;
  readonly status: SentenceStatus;
  /** Unicode FOL of the sentence; absent when it failed. */
  readonly fol?: string;
  readonly formula?: Formula;
  readonly tokens: number;
  readonly coveredTokens: number;
}

export interface ConversionResult {
  /** True when every sentence was read completely. */
  readonly success: boolean;
  /** One Unicode formula per converted sentence, joined by newlines. */
  readonly fol: string;
  readonly formulas: readonly Formula[];
  /** Covered word tokens / all word tokens, in [0, 1]. */
  readonly confidence: number;
  readonly warnings: readonly string[];
  readonly sentences: readonly SentenceConversion[];
}

const VARIABLE_NAMES = ['x', 'y', 'z', 'w', 'v', 'u'];

function buildContext(): BuildContext {
  let next = 0;
  return {
    referent: undefined,
    subject: undefined,
    negative: false,
    fresh(): string {
      const i = next;
      next += 1;
      const base = VARIABLE_NAMES[i % VARIABLE_NAMES.length] ?? 'x';
      return i < VARIABLE_NAMES.length ? base : `${base}${Math.floor(i / VARIABLE_NAMES.length)}`;
    },
  };
}

/** The cheapest complete reading, else the longest partial one (fewest agreement errors first). */
function bestReading<T>(readings: readonly Reading<T>[], length: number): Reading<T> | undefined {
  let best: Reading<T> | undefined;
  for (const r of readings) {
    if (best === undefined) {
      best = r;
      continue;
    }
    const rFull = r.pos === length;
    const bestFull = best.pos === length;
    if (rFull !== bestFull) {
      if (rFull) best = r;
      continue;
    }
    if (r.pos > best.pos || (r.pos === best.pos && r.cost < best.cost)) best = r;
  }
  return best;
}

function convertSentence(sentence: Sentence, warnings: string[]): SentenceConversion {
  const tokens = sentence.tokens.length;
  const base = { text: sentence.text, tokens };
  if (tokens === 0) return { ...base, status: 'failed', coveredTokens: 0 };
  let readings: Reading<(ctx: BuildContext) => Formula>[];
  try {
    readings = new SentenceGrammar(sentence.tokens).sentences();
  } catch (error) {
    if (!(error instanceof ParseBudgetExceeded)) throw error;
    warnings.push(`"${sentence.text}": too ambiguous for the grammar; not converted`);
    return { ...base, status: 'failed', coveredTokens: 0 };
  }
  const best = bestReading(readings, tokens);
  if (best === undefined) {
    warnings.push(`"${sentence.text}": outside the controlled-English grammar; not converted`);
    return { ...base, status: 'failed', coveredTokens: 0 };
  }
  const formula = best.value(buildContext());
  const fol = printUnicode(formula);
  for (const phrase of best.skipped) warnings.push(`"${sentence.text}": ignored the adverbial "${phrase}" (not represented in FOL)`);
  if (best.cost > 0) warnings.push(`"${sentence.text}": read with ${best.cost} dispreferred choice(s) (number agreement or a bare singular subject)`);
  const skippedTokens = best.skipped.reduce((n, phrase) => n + phrase.split(' ').length, 0);
  const coveredTokens = best.pos - skippedTokens;
  if (best.pos < tokens) {
    const rest = sentence.tokens.slice(best.pos).map((t) => t.text).join(' ');
    warnings.push(`"${sentence.text}": only the beginning was understood; ignored "${rest}"`);
    return { ...base, status: 'partial', fol, formula, coveredTokens };
  }
  return { ...base, status: 'parsed', fol, formula, coveredTokens };
}

/**
 * The rule-based English → FOL converter of the guide: `new FOLConverter(config).convert(text)`.
 *
 * @example
 * new FOLConverter().convert('All cats are animals').fol // '∀x (Cat(x) → Animal(x))'
 */
export class FOLConverter {
  readonly config: ConverterConfig;

  constructor(config: Partial<ConverterConfig> = {}) {
    this.config = { ...DEFAULT_CONVERTER_CONFIG, ...config };
  }

  /** Converts every sentence of `text`; throws LOGIC_INPUT_TOO_LARGE (field `text`) over the size limit. */
  convert(text: string): ConversionResult {
    if (text.length > this.config.maxInputSize) {
      throw new LogicError('LOGIC_INPUT_TOO_LARGE', `Input too large: ${text.length} characters, limit ${this.config.maxInputSize}`, {
        field: 'text',
        details: { limit: this.config.maxInputSize, size: text.length },
      });
    }
    const warnings: string[] = [];
    const sentences = tokenizeText(text).map((s) => convertSentence(s, warnings));
    const totalTokens = sentences.reduce((n, s) => n + s.tokens, 0);
    const covered = sentences.reduce((n, s) => n + s.coveredTokens, 0);
    if (sentences.length === 0) warnings.push('no sentence to convert');
    const converted = sentences.filter((s) => s.formula !== undefined);
    return {
      success: sentences.length > 0 && sentences.every((s) => s.status === 'parsed'),
      fol: converted.map((s) => s.fol).join('\n'),
      formulas: converted.map((s) => s.formula).filter((f): f is Formula => f !== undefined),
      confidence: totalTokens === 0 ? 0 : covered / totalTokens,
      warnings,
      sentences,
    };
  }
}

/** Outcome of one item of a batch: a result, or the catalogued error that item alone raised. */
export type BatchItem =
  | { readonly ok: true; readonly result: ConversionResult }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly field?: string } };

/** Converts texts in input order; one bad item (e.g. too large) fails alone. */
export function convertBatch(texts: readonly string[], converter: FOLConverter = new FOLConverter()): BatchItem[] {
  return texts.map((text): BatchItem => {
    try {
      return { ok: true, result: converter.convert(text) };
    } catch (error) {
      if (error instanceof LogicError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.field === undefined ? {} : { field: error.field }) } };
      }
      throw error;
    }
  });
}
