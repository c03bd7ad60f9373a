/**
 * The types every rule module of the controlled-English grammar shares, and the `Grammar` surface
 * through which the rule modules call each other: sentence-forms (sentences, clauses), conditions
 * (if/unless/iff), noun-phrases, nominals, verb-phrases and complements. Rules are plain functions
 * of a `Grammar`; `SentenceGrammar` owns the tokens, the memo table and the anaphora frame and
 * dispatches each nonterminal to its module, so the rule modules never import each other's
 * nonterminals, only shared pieces (anaphora, coordination, adverbials, embedded-clauses,
 * possessives, quantifiers, readings, symbol-names).
 */
import type { Formula, Term } from '../formula.js';
import type { WordToken } from './tokenizer.js';

/**
 * Variable supply and the discourse referent of `it`/`he`/`they`: the variable of an indefinite
 * if-clause subject (`If a man …, then he …`), or the individual a previous clause was about
 * (`If John …, then he …`, `John … and he …`).
 */
export interface BuildContext {
  fresh(): string;
  referent: Term | undefined;
  /** The subject of the verb whose object is being built: what `his`/`their` in the object refers to. */
  subject: Term | undefined;
  /** True while building under a verb-phrase negation, where `any` is existential. */
  negative: boolean;
}

/**
 * While a clause that can antecede a pronoun has been read (an if-clause, a first conjunct), the
 * rest of the sentence may use pronouns; `nominal` holds the lemmas of an indefinite antecedent's
 * noun (`a monitor` → `monitor`), so that `the monitor` / `that monitor` / `a monitor` in the
 * consequent refer back to it (empty when the antecedent is a name or a pronoun).
 */
export interface AnaphoraFrame {
  readonly nominal: string;
}

export type SentenceSem = (ctx: BuildContext) => Formula;
export type PredicateSem = (ctx: BuildContext, subject: Term) => Formula;
export type GrammaticalNumber = 'sg' | 'pl' | 'any';
export type NounPhraseRole = 'subject' | 'object';

export interface NounPhrase {
  readonly number: GrammaticalNumber;
  /** Indefinite NPs (`a man`, `something`, bare plurals) can bind a pronoun in an if-clause's consequent. */
  readonly restriction: PredicateSem | undefined;
  readonly indefinite: boolean;
  readonly build: (ctx: BuildContext, scope: (t: Term) => Formula) => Formula;
  /** The individual a name or definite description denotes; a clause about it makes it the referent of later pronouns. */
  readonly individual?: Term;
  /** Lemmas of the noun of an indefinite NP (`a tall man` → `tall man`), for definite anaphora. */
  readonly nominalWords?: string;
}

export interface Nominal {
  readonly restriction: PredicateSem;
  readonly number: GrammaticalNumber;
  /** Lemmas of the words, used when a bare or definite noun names a constant (`coffee`, `the sun`). */
  readonly words: readonly string[];
  readonly simple: boolean;
}

export interface Reading<T> {
  readonly value: T;
  readonly pos: number;
  /** Number-agreement violations in this reading. */
  readonly cost: number;
  /** Adverbials the reading stepped over without interpreting, one phrase per entry. */
  readonly skipped: readonly string[];
  /** A clause about a named individual: a later `he`/`it`/`they` may refer to it. */
  readonly introducesReferent?: boolean;
}

/** How a verb is written (`finite`: loves; `base`: love; `participle`: loving) or which form names its predicate. */
export type VerbForm = 'finite' | 'base' | 'participle';

/** The parser state and nonterminals the rule modules call. */
export interface Grammar {
  readonly tokens: readonly WordToken[];
  /** The innermost open antecedent frame, if any (pronouns parse only inside one). */
  readonly anaphora: AnaphoraFrame | undefined;
  /** Parses with an antecedent frame open (the memo table keeps readings per frame). */
  withAntecedent<T>(frame: AnaphoraFrame, parse: () => T): T;
  lower(pos: number): string | undefined;
  is(pos: number, ...words: string[]): boolean;
  /** An open-class word at pos (noun, adjective or verb candidate). */
  isContentWord(pos: number): boolean;
  skipComma(pos: number): number;
  memoized<T>(key: string, compute: () => Reading<T>[]): Reading<T>[];

  sentence(p: number): Reading<SentenceSem>[];
  clauseCoordination(p: number): Reading<SentenceSem>[];
  clause(p: number): Reading<SentenceSem>[];
  nounPhrase(p: number, role: NounPhraseRole): Reading<NounPhrase>[];
  nominal(p: number): Reading<Nominal>[];
  properName(p: number): Reading<string> | undefined;
  verbPhraseCoordination(p: number, number: GrammaticalNumber): Reading<PredicateSem>[];
  verbPhrase(p: number, number: GrammaticalNumber): Reading<PredicateSem>[];
  verbGroup(p: number, form: VerbForm, naming: 'finite' | 'base'): Reading<PredicateSem>[];
  /** `to V …` after `head` (a verb or adjective), its predicates named head + to + verb. */
  infinitive(p: number, head: readonly string[]): Reading<PredicateSem>[];
  complementCoordination(p: number, number: GrammaticalNumber): Reading<PredicateSem>[];
  complement(p: number, number: GrammaticalNumber): Reading<PredicateSem>[];
}
