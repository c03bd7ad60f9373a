/**
 * A small grammar of controlled English, parsed by list-of-successes recursive descent: every
 * nonterminal returns all the ways it can read the tokens from a position, each with a cost that
 * counts violated number agreements (`every cats`, `all cat`, `John love`). The converter keeps the
 * cheapest complete reading. Word classes of open words (noun, adjective, verb) are never listed:
 * position and agreement decide them, so unseen vocabulary works.
 *
 * Semantics are built compositionally as functions of a variable supply, so that variables are
 * named x, y, z, ... in the order their quantifiers appear in the output, whichever reading wins.
 *
 * The rules live in one module per phrase type (sentence-forms, conditions, noun-phrases, nominals,
 * verb-phrases, complements; see grammar-types.ts); this class holds the parser state (tokens, memo
 * table, step budget, anaphora frame) and dispatches each nonterminal to its module.
 */
import * as complements from './complements.js';
import type {
  AnaphoraFrame,
  Grammar,
  GrammaticalNumber,
  Nominal,
  NounPhrase,
  NounPhraseRole,
  PredicateSem,
  Reading,
  SentenceSem,
  VerbForm,
} from './grammar-types.js';
import { isFunctionWord } from './lexicon.js';
import * as nominals from './nominals.js';
import * as nounPhrases from './noun-phrases.js';
import { cap } from './readings.js';
import * as sentenceForms from './sentence-forms.js';
import type { WordToken } from './tokenizer.js';
import * as verbPhrases from './verb-phrases.js';

export type { BuildContext, Reading } from './grammar-types.js';
export { constantName, predicateName } from './symbol-names.js';

/** Total nonterminal calls per sentence before the parser gives up (the sentence counts as uncovered). */
const STEP_BUDGET = 60_000;

export class ParseBudgetExceeded extends Error {}

/** Parses one tokenized sentence; `sentences()` returns every reading from position 0. */
export class SentenceGrammar implements Grammar {
  anaphora: AnaphoraFrame | undefined = undefined;
  private steps = 0;
  private readonly memo = new Map<string, Reading<unknown>[]>();

  constructor(readonly tokens: readonly WordToken[]) {}

  sentences(): Reading<SentenceSem>[] {
    return this.sentence(0);
  }

  lower(pos: number): string | undefined {
    return this.tokens[pos]?.lower;
  }

  is(pos: number, ...words: string[]): boolean {
    const w = this.lower(pos);
    return w !== undefined && words.includes(w);
  }

  isContentWord(pos: number): boolean {
    const t = this.tokens[pos];
    // A word with a letter (`cats`, `iPod1`, `4Sum`), not a bare number, which is a constant.
    return (
      t !== undefined && !isFunctionWord(t.lower) && /[a-z]/i.test(t.text) && !/^[0-9][0-9.,]*$/.test(t.text)
    );
  }

  skipComma(pos: number): number {
    return this.is(pos, ',') ? pos + 1 : pos;
  }

  memoized<T>(key: string, compute: () => Reading<T>[]): Reading<T>[] {
    const fullKey = `${key}|${this.anaphora === undefined ? '' : `@${this.anaphora.nominal}`}`;
    const hit = this.memo.get(fullKey);
    if (hit !== undefined) return hit as Reading<T>[];
    this.steps += 1;
    if (this.steps > STEP_BUDGET) throw new ParseBudgetExceeded('sentence too ambiguous for the grammar');
    const result = cap(compute());
    this.memo.set(fullKey, result);
    return result;
  }

  withAntecedent<T>(frame: AnaphoraFrame, parse: () => T): T {
    const saved = this.anaphora;
    this.anaphora = frame;
    try {
      return parse();
    } finally {
      this.anaphora = saved;
    }
  }

  sentence(p: number): Reading<SentenceSem>[] {
    return sentenceForms.sentence(this, p);
  }

  clauseCoordination(p: number): Reading<SentenceSem>[] {
    return sentenceForms.clauseCoordination(this, p);
  }

  clause(p: number): Reading<SentenceSem>[] {
    return sentenceForms.clause(this, p);
  }

  nounPhrase(p: number, role: NounPhraseRole): Reading<NounPhrase>[] {
    return nounPhrases.nounPhrase(this, p, role);
  }

  nominal(p: number): Reading<Nominal>[] {
    return nominals.nominal(this, p);
  }

  properName(p: number): Reading<string> | undefined {
    return nominals.properName(this, p);
  }

  verbPhraseCoordination(p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
    return verbPhrases.verbPhraseCoordination(this, p, number);
  }

  verbPhrase(p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
    return verbPhrases.verbPhrase(this, p, number);
  }

  verbGroup(p: number, form: VerbForm, naming: 'finite' | 'base'): Reading<PredicateSem>[] {
    return verbPhrases.verbGroup(this, p, form, naming);
  }

  infinitive(p: number, head: readonly string[]): Reading<PredicateSem>[] {
    return verbPhrases.infinitive(this, p, head);
  }

  complementCoordination(p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
    return complements.complementCoordination(this, p, number);
  }

  complement(p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
    return complements.complement(this, p, number);
  }
}
