/**
 * A small grammar of controlled English, parsed by list-of-successes recursive descent: every
 * nonterminal returns all the ways it can read the tokens from a position, each with a cost that
 * counts violated number agreements (`every cats`, `all cat`, `John love`). The converter keeps the
 * cheapest complete reading. Word classes of open words (noun, adjective, verb) are never listed:
 * position and agreement decide them, so unseen vocabulary works.
 *
 * Semantics are built compositionally as functions of a variable supply, so that variables are
 * named x, y, z, ... in the order their quantifiers appear in the output, whichever reading wins.
 */
import {
  and,
  constant,
  eq,
  exists,
  forall,
  implies,
  not,
  or,
  pred,
  variable,
  xor,
  type Formula,
  type Term,
} from '../formula.js';
import {
  ANAPHORIC_PRONOUNS,
  COPULAS_PLURAL,
  DROPPED_MODALS,
  COPULAS_SINGULAR,
  EXISTENTIAL_DETERMINERS,
  NEGATIVE_DETERMINERS,
  PREPOSITIONS,
  QUANTIFIED_PRONOUNS,
  RELATIVE_PRONOUNS,
  UNIVERSAL_DETERMINERS,
  isFunctionWord,
} from './lexicon.js';
import { looksPastTense, looksPlural, looksThirdPersonSingular, singularNoun, thirdPersonSingular, verbBase } from './lemmatizer.js';
import type { WordToken } from './tokenizer.js';

/** Variable supply and the referent of `it`/`they` inside a conditional's consequent. */
export interface BuildContext {
  fresh(): string;
  referent: Term | undefined;
}

type SentenceSem = (ctx: BuildContext) => Formula;
type PredicateSem = (ctx: BuildContext, subject: Term) => Formula;
type GrammaticalNumber = 'sg' | 'pl' | 'any';

interface NounPhrase {
  readonly number: GrammaticalNumber;
  /** Indefinite NPs (`a man`, `something`, bare plurals) can bind a pronoun in an if-clause's consequent. */
  readonly restriction: PredicateSem | undefined;
  readonly indefinite: boolean;
  readonly build: (ctx: BuildContext, scope: (t: Term) => Formula) => Formula;
}

interface Nominal {
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
  /** Tokens the reading stepped over without interpreting (adverbs). */
  readonly skipped: readonly string[];
}

/** Readings per nonterminal call are capped so that long, ambiguous sentences stay fast. */
const MAX_READINGS = 48;
/** Total nonterminal calls per sentence before the parser gives up (the sentence counts as uncovered). */
const STEP_BUDGET = 60_000;

export class ParseBudgetExceeded extends Error {}

const TRUE: Formula = { kind: 'true' };

function conj(a: Formula, b: Formula): Formula {
  if (a.kind === 'true') return b;
  if (b.kind === 'true') return a;
  return and(a, b);
}

/** `dependent-on` → `DependentOn`; predicate names are capitalised camel case. */
export function predicateName(...words: string[]): string {
  return words
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

/** `Socrates` → `socrates`, `New York` → `new_york`. */
export function constantName(...words: string[]): string {
  return words
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase())
    .join('_');
}

function agreementCost(expected: GrammaticalNumber, actual: GrammaticalNumber): number {
  return expected === 'any' || actual === 'any' || expected === actual ? 0 : 1;
}

function reading<T>(value: T, pos: number, cost = 0, skipped: readonly string[] = []): Reading<T> {
  return { value, pos, cost, skipped };
}

function cap<T>(readings: Reading<T>[]): Reading<T>[] {
  if (readings.length <= MAX_READINGS) return readings;
  return [...readings].sort((a, b) => a.cost - b.cost).slice(0, MAX_READINGS);
}

/** Parses one tokenized sentence; `sentences()` returns every reading from position 0. */
export class SentenceGrammar {
  private steps = 0;
  /** > 0 while parsing the consequent of `If a man ..., then he ...`. */
  private referentDepth = 0;
  private readonly memo = new Map<string, Reading<unknown>[]>();

  constructor(private readonly tokens: readonly WordToken[]) {}

  sentences(): Reading<SentenceSem>[] {
    return this.sentence(0);
  }

  private lower(pos: number): string | undefined {
    return this.tokens[pos]?.lower;
  }

  private is(pos: number, ...words: string[]): boolean {
    const w = this.lower(pos);
    return w !== undefined && words.includes(w);
  }

  private tick(): void {
    this.steps += 1;
    if (this.steps > STEP_BUDGET) throw new ParseBudgetExceeded('sentence too ambiguous for the grammar');
  }

  private memoized<T>(key: string, compute: () => Reading<T>[]): Reading<T>[] {
    const fullKey = `${key}|${this.referentDepth > 0 ? 1 : 0}`;
    const hit = this.memo.get(fullKey);
    if (hit !== undefined) return hit as Reading<T>[];
    this.tick();
    const result = cap(compute());
    this.memo.set(fullKey, result);
    return result;
  }

  /** An open-class word at pos (noun, adjective or verb candidate). */
  private isContentWord(pos: number): boolean {
    const t = this.tokens[pos];
    return t !== undefined && !isFunctionWord(t.lower) && /^[a-z]/i.test(t.text);
  }

  private skipComma(pos: number): number {
    return this.is(pos, ',') ? pos + 1 : pos;
  }

  // ---------------------------------------------------------------- sentences

  private sentence(p: number): Reading<SentenceSem>[] {
    return this.memoized(`s${p}`, () => {
      const out: Reading<SentenceSem>[] = [];
      if (this.is(p, 'if')) out.push(...this.conditional(p + 1));
      if (this.is(p, 'either')) out.push(...this.pairedClauses(p + 1, 'or', xor));
      if (this.is(p, 'neither')) out.push(...this.pairedClauses(p + 1, 'nor', (a, b) => and(not(a), not(b))));
      if (this.is(p, 'it') && this.is(p + 1, 'is') && this.is(p + 2, 'not') && this.is(p + 3, 'the') && this.is(p + 4, 'case') && this.is(p + 5, 'that')) {
        for (const r of this.sentence(p + 6)) out.push({ ...r, value: (ctx) => not(r.value(ctx)) });
      }
      out.push(...this.clauseCoordination(p));
      return out;
    });
  }

  private conditional(p: number): Reading<SentenceSem>[] {
    const out: Reading<SentenceSem>[] = [];
    const consequents = (q: number): Reading<SentenceSem>[] => {
      let r = this.skipComma(q);
      if (this.is(r, 'then')) r += 1;
      else if (r === q) return [];
      return this.sentence(r);
    };
    // Donkey conditional: `If something is a man, then it is mortal` = ∀x (Man(x) → Mortal(x)).
    for (const subject of this.nounPhrase(p, 'subject')) {
      const np = subject.value;
      if (!np.indefinite || np.restriction === undefined) continue;
      const restriction = np.restriction;
      for (const vp of this.verbPhraseCoordination(subject.pos, np.number)) {
        this.referentDepth += 1;
        let cons: Reading<SentenceSem>[];
        try {
          cons = consequents(vp.pos);
        } finally {
          this.referentDepth -= 1;
        }
        for (const c of cons) {
          out.push({
            value: (ctx) => {
              const v = ctx.fresh();
              const t = variable(v);
              const saved = ctx.referent;
              ctx.referent = t;
              const antecedent = conj(restriction(ctx, t), vp.value(ctx, t));
              const consequent = c.value(ctx);
              ctx.referent = saved;
              return forall([v], implies(antecedent, consequent));
            },
            pos: c.pos,
            cost: subject.cost + vp.cost + c.cost,
            skipped: [...subject.skipped, ...vp.skipped, ...c.skipped],
          });
        }
      }
    }
    for (const a of this.clauseCoordination(p)) {
      for (const c of consequents(a.pos)) {
        out.push({
          value: (ctx) => implies(a.value(ctx), c.value(ctx)),
          pos: c.pos,
          cost: a.cost + c.cost,
          skipped: [...a.skipped, ...c.skipped],
        });
      }
    }
    return out;
  }

  private pairedClauses(p: number, joiner: string, combine: (a: Formula, b: Formula) => Formula): Reading<SentenceSem>[] {
    const out: Reading<SentenceSem>[] = [];
    for (const a of this.clause(p)) {
      const q = this.skipComma(a.pos);
      if (!this.is(q, joiner)) continue;
      for (const b of this.clause(q + 1)) {
        out.push({
          value: (ctx) => combine(a.value(ctx), b.value(ctx)),
          pos: b.pos,
          cost: a.cost + b.cost,
          skipped: [...a.skipped, ...b.skipped],
        });
      }
    }
    return out;
  }

  private clauseCoordination(p: number): Reading<SentenceSem>[] {
    return this.memoized(`cc${p}`, () => {
      const out: Reading<SentenceSem>[] = [];
      for (const first of this.clause(p)) {
        out.push(first);
        const q = this.skipComma(first.pos);
        const joiner = this.lower(q);
        if (joiner !== 'and' && joiner !== 'or') continue;
        for (const rest of this.clauseCoordination(q + 1)) {
          out.push({
            value: (ctx) => (joiner === 'and' ? and : or)(first.value(ctx), rest.value(ctx)),
            pos: rest.pos,
            cost: first.cost + rest.cost,
            skipped: [...first.skipped, ...rest.skipped],
          });
        }
      }
      return out;
    });
  }

  private clause(p: number): Reading<SentenceSem>[] {
    return this.memoized(`c${p}`, () => {
      const out: Reading<SentenceSem>[] = [];
      // Existential `There is a man who ...` / `There are dogs that ...`.
      if (this.is(p, 'there') && this.is(p + 1, 'is', 'are', 'was', 'were')) {
        for (const np of this.nounPhrase(p + 2, 'object')) {
          out.push({ ...np, value: (ctx) => np.value.build(ctx, () => TRUE) });
        }
      }
      for (const subject of this.nounPhrase(p, 'subject')) {
        for (const vp of this.verbPhraseCoordination(subject.pos, subject.value.number)) {
          out.push({
            value: (ctx) => subject.value.build(ctx, (t) => vp.value(ctx, t)),
            pos: vp.pos,
            cost: subject.cost + vp.cost,
            skipped: [...subject.skipped, ...vp.skipped],
          });
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------- noun phrases

  private nounPhrase(p: number, role: 'subject' | 'object'): Reading<NounPhrase>[] {
    return this.memoized(`np${p}${role}`, () => {
      const out = this.simpleNounPhrase(p, role);
      // NP coordination: `John and Mary are happy`, `loves Mary or Sue`.
      const coordinated: Reading<NounPhrase>[] = [];
      for (const first of out) {
        const joiner = this.lower(first.pos);
        if (joiner !== 'and' && joiner !== 'or') continue;
        for (const second of this.simpleNounPhrase(first.pos + 1, role)) {
          const combine = joiner === 'and' ? and : or;
          coordinated.push({
            value: {
              number: joiner === 'and' ? 'pl' : second.value.number,
              restriction: undefined,
              indefinite: false,
              build: (ctx, scope) => combine(first.value.build(ctx, scope), second.value.build(ctx, scope)),
            },
            pos: second.pos,
            cost: first.cost + second.cost,
            skipped: [...first.skipped, ...second.skipped],
          });
        }
      }
      return [...out, ...coordinated];
    });
  }

  private simpleNounPhrase(p: number, role: 'subject' | 'object'): Reading<NounPhrase>[] {
    const out: Reading<NounPhrase>[] = [];
    const w = this.lower(p);
    if (w === undefined) return out;

    if (w === 'not' && this.is(p + 1, 'all', 'every', 'each')) {
      for (const nom of this.nominal(p + 2)) {
        const expected: GrammaticalNumber = this.is(p + 1, 'all') ? 'pl' : 'sg';
        out.push(reading(this.quantified('notall', nom.value, expected), nom.pos, nom.cost + agreementCost(expected, nom.value.number), nom.skipped));
      }
    }
    if (UNIVERSAL_DETERMINERS.has(w)) {
      const start = this.is(p + 1, 'of') && this.is(p + 2, 'the') ? p + 3 : p + 1;
      const expected: GrammaticalNumber = w === 'all' ? 'pl' : w === 'any' ? 'any' : 'sg';
      for (const nom of this.nominal(start)) {
        out.push(reading(this.quantified('all', nom.value, expected), nom.pos, nom.cost + agreementCost(expected, nom.value.number), nom.skipped));
      }
    }
    if (EXISTENTIAL_DETERMINERS.has(w)) {
      const start = w === 'some' && this.is(p + 1, 'of') && this.is(p + 2, 'the') ? p + 3 : p + 1;
      const expected: GrammaticalNumber = w === 'some' ? 'any' : 'sg';
      for (const nom of this.nominal(start)) {
        const np = this.quantified('some', nom.value, nom.value.number);
        out.push(reading(np, nom.pos, nom.cost + agreementCost(expected, nom.value.number), nom.skipped));
      }
    }
    if (NEGATIVE_DETERMINERS.has(w) && !this.is(p + 1, 'one')) {
      for (const nom of this.nominal(p + 1)) {
        out.push(reading(this.quantified('no', nom.value, nom.value.number), nom.pos, nom.cost, nom.skipped));
      }
    }
    const pronoun = w === 'no' && this.is(p + 1, 'one') ? 'no' : QUANTIFIED_PRONOUNS[w];
    if (pronoun !== undefined) {
      const end = w === 'no' ? p + 2 : p + 1;
      const bare: Nominal = { restriction: () => TRUE, number: 'sg', words: [], simple: true };
      out.push(reading(this.quantified(pronoun, bare, 'sg'), end));
      // `someone who reads` — a relative clause restricts the pronoun.
      if (this.is(end, ...RELATIVE_PRONOUNS)) {
        for (const vp of this.verbPhraseCoordination(end + 1, 'sg')) {
          const nom: Nominal = { restriction: vp.value, number: 'sg', words: [], simple: false };
          out.push(reading(this.quantified(pronoun, nom, 'sg'), vp.pos, vp.cost, vp.skipped));
        }
      }
    }
    if (ANAPHORIC_PRONOUNS.has(w) && this.referentDepth > 0) {
      const number: GrammaticalNumber = w === 'they' || w === 'them' ? 'pl' : 'sg';
      out.push(
        reading(
          {
            number: role === 'subject' ? number : 'any',
            restriction: undefined,
            indefinite: false,
            build: (ctx, scope) => scope(ctx.referent ?? constant(w)),
          },
          p + 1,
        ),
      );
    }
    if (w === 'the') {
      const name = this.properName(p + 1);
      if (name !== undefined) out.push(reading(this.named(name.value), name.pos));
      for (const nom of this.nominal(p + 1)) {
        if (!nom.value.simple) continue;
        out.push(reading(this.named(constantName(...nom.value.words)), nom.pos, nom.cost, nom.skipped));
      }
    }
    const name = this.properName(p);
    if (name !== undefined) out.push(reading(this.named(name.value), name.pos));
    if (/^[0-9]+$/.test(w)) out.push(reading(this.named(w), p + 1));
    // Bare nominals: generic plural subjects are universal (`Cats are animals`), plural objects
    // existential (`reads books`), and a bare singular names a mass/individual (`drinks coffee`).
    for (const nom of this.nominal(p)) {
      if (nom.value.number === 'pl') {
        const q = role === 'subject' ? 'all' : 'some';
        out.push(reading(this.quantified(q, nom.value, 'pl', role === 'subject'), nom.pos, nom.cost, nom.skipped));
      } else if (nom.value.simple) {
        // `Sea eel is an eel`, `drinks coffee`: a bare singular names an individual or a mass.
        const cost = nom.cost + (role === 'subject' ? 1 : 0) + nom.value.words.length - 1;
        out.push(reading(this.named(constantName(...nom.value.words)), nom.pos, cost, nom.skipped));
      }
    }
    return out;
  }

  private properName(p: number): Reading<string> | undefined {
    const first = this.tokens[p];
    if (first === undefined || !first.capitalized || (isFunctionWord(first.lower) && !(first.sentenceInitial && !this.isFunctionStart(p)))) {
      return undefined;
    }
    let q = p + 1;
    for (;;) {
      if (this.tokens[q]?.capitalized === true && !isFunctionWord(this.tokens[q]?.lower ?? '')) q += 1;
      // `House of Commons`, `University of Edinburgh`.
      else if (this.is(q, 'of') && this.tokens[q + 1]?.capitalized === true && !isFunctionWord(this.tokens[q + 1]?.lower ?? '')) q += 2;
      else break;
    }
    const words = this.tokens.slice(p, q).map((t) => t.text);
    return reading(constantName(...words), q);
  }

  /** A capitalised first word that is a closed-class word (`All`, `If`) is never a name. */
  private isFunctionStart(p: number): boolean {
    return isFunctionWord(this.tokens[p]?.lower ?? '');
  }

  private named(name: string): NounPhrase {
    const c = constant(name);
    return { number: 'sg', restriction: undefined, indefinite: false, build: (_ctx, scope) => scope(c) };
  }

  /** `generic` marks a bare plural subject (`Cats are animals`), which an if-clause reads like `a cat`. */
  private quantified(kind: 'all' | 'some' | 'no' | 'notall', nom: Nominal, number: GrammaticalNumber, generic = false): NounPhrase {
    const restriction = nom.restriction;
    return {
      number,
      restriction,
      indefinite: kind === 'some' || generic,
      build: (ctx, scope) => {
        const v = ctx.fresh();
        const t = variable(v);
        const r = restriction(ctx, t);
        switch (kind) {
          case 'all':
            return forall([v], r.kind === 'true' ? scope(t) : implies(r, scope(t)));
          case 'some':
            return exists([v], conj(r, scope(t)));
          case 'no':
            return forall([v], r.kind === 'true' ? not(scope(t)) : implies(r, not(scope(t))));
          case 'notall':
            return not(forall([v], r.kind === 'true' ? scope(t) : implies(r, scope(t))));
        }
      },
    };
  }

  /** adjective* noun (relative clause)?; longer nominals first. */
  private nominal(p: number): Reading<Nominal>[] {
    return this.memoized(`nom${p}`, () => {
      const out: Reading<Nominal>[] = [];
      let end = p;
      while (this.isContentWord(end) && (end === p || !this.tokens[end]?.capitalized)) end += 1;
      for (let q = end; q > p; q -= 1) {
        const words = this.tokens.slice(p, q).map((t) => t.lower);
        const head = words[words.length - 1] ?? '';
        const adjectives = words.slice(0, -1);
        const number: GrammaticalNumber = looksPlural(head) ? 'pl' : 'sg';
        const lemma = singularNoun(head);
        const adjectiveCost = adjectives.filter((a) => looksPlural(a)).length;
        const nameCost = this.tokens[p]?.capitalized === true && this.tokens[p]?.sentenceInitial !== true ? 1 : 0;
        const restriction: PredicateSem = (_ctx, t) =>
          [...adjectives.map((a) => pred(predicateName(a), [t])), pred(predicateName(lemma), [t])].reduce((acc, f) => conj(acc, f), TRUE);
        const basic: Nominal = { restriction, number, words: [...adjectives, lemma], simple: true };
        const cost = adjectiveCost + nameCost;
        out.push(reading(basic, q, cost));
        // `citizen of Lawton Park` → Citizen(x) ∧ CitizenOf(x, lawton_park).
        const prep = this.lower(q);
        if (prep !== undefined && PREPOSITIONS.has(prep) && prep !== 'than' && prep !== 'as') {
          const relation = predicateName(lemma, prep);
          for (const obj of this.nounPhrase(q + 1, 'object')) {
            const modified: Nominal = {
              restriction: (ctx, t) => conj(restriction(ctx, t), obj.value.build(ctx, (o) => pred(relation, [t, o]))),
              number,
              words: basic.words,
              simple: false,
            };
            out.push(reading(modified, obj.pos, cost + obj.cost, obj.skipped));
          }
        }
        if (this.is(q, ...RELATIVE_PRONOUNS)) {
          for (const vp of this.verbPhraseCoordination(q + 1, number)) {
            const relative: Nominal = {
              restriction: (ctx, t) => conj(restriction(ctx, t), vp.value(ctx, t)),
              number,
              words: basic.words,
              simple: false,
            };
            out.push(reading(relative, vp.pos, cost + vp.cost, vp.skipped));
          }
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------- verb phrases

  private verbPhraseCoordination(p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
    return this.memoized(`vpc${p}${number}`, () => {
      const out: Reading<PredicateSem>[] = [];
      const paired = (start: number, joiner: string, combine: (a: Formula, b: Formula) => Formula): void => {
        for (const a of this.verbPhrase(start, number)) {
          const q = this.skipComma(a.pos);
          if (!this.is(q, joiner)) continue;
          for (const b of this.verbPhrase(q + 1, number)) {
            out.push({
              value: (ctx, t) => combine(a.value(ctx, t), b.value(ctx, t)),
              pos: b.pos,
              cost: a.cost + b.cost,
              skipped: [...a.skipped, ...b.skipped],
            });
          }
        }
      };
      if (this.is(p, 'either')) paired(p + 1, 'or', xor);
      if (this.is(p, 'neither')) paired(p + 1, 'nor', (a, b) => and(not(a), not(b)));
      if (this.is(p, 'both')) paired(p + 1, 'and', and);
      for (const first of this.verbPhrase(p, number)) {
        out.push(first);
        const q = this.skipComma(first.pos);
        const joiner = this.lower(q);
        if (joiner !== 'and' && joiner !== 'or') continue;
        for (const rest of this.verbPhraseCoordination(q + 1, number)) {
          const combine = joiner === 'and' ? and : or;
          out.push({
            value: (ctx, t) => combine(first.value(ctx, t), rest.value(ctx, t)),
            pos: rest.pos,
            cost: first.cost + rest.cost,
            skipped: [...first.skipped, ...rest.skipped],
          });
        }
      }
      return out;
    });
  }

  private verbPhrase(p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
    return this.memoized(`vp${p}${number}`, () => {
      const out: Reading<PredicateSem>[] = [];
      const w = this.lower(p);
      if (w === undefined) return out;
      const negate = (r: Reading<PredicateSem>, yes: boolean): Reading<PredicateSem> =>
        yes ? { ...r, value: (ctx, t) => not(r.value(ctx, t)) } : r;

      if (COPULAS_SINGULAR.has(w) || COPULAS_PLURAL.has(w)) {
        const copulaNumber: GrammaticalNumber = COPULAS_SINGULAR.has(w) ? 'sg' : 'pl';
        const negated = this.is(p + 1, 'not');
        for (const c of this.complementCoordination(negated ? p + 2 : p + 1, number)) {
          out.push(negate({ ...c, cost: c.cost + agreementCost(number, copulaNumber) }, negated));
        }
      }
      // `can fly` folds the modality into a predicate named by the base form: Fly(x).
      if (w === 'can' || w === 'could') {
        const negated = this.is(p + 1, 'not');
        for (const v of this.verbGroup(negated ? p + 2 : p + 1, 'base', 'base')) out.push(negate(v, negated));
      }
      if (DROPPED_MODALS.has(w)) {
        const negated = this.is(p + 1, 'not');
        const next = negated ? p + 2 : p + 1;
        if (this.is(next, 'be')) {
          for (const c of this.complementCoordination(next + 1, number)) out.push(negate(c, negated));
        }
        for (const v of this.verbGroup(next, 'base', 'finite')) out.push(negate(v, negated));
      }
      if ((w === 'does' || w === 'do' || w === 'did') && this.is(p + 1, 'not')) {
        const auxNumber: GrammaticalNumber = w === 'does' ? 'sg' : w === 'do' ? 'pl' : 'any';
        for (const v of this.verbGroup(p + 2, 'base', 'finite')) {
          out.push(negate({ ...v, cost: v.cost + agreementCost(number, auxNumber) }, true));
        }
      }
      if (this.isContentWord(p)) {
        const verbNumber = this.verbTokenNumber(p);
        for (const v of this.verbGroup(p, 'finite', 'finite')) {
          out.push({ ...v, cost: v.cost + agreementCost(number, verbNumber) });
        }
      }
      return out;
    });
  }

  /** Number shown by the finite verb at p (skipping one -ly adverb). */
  private verbTokenNumber(p: number): GrammaticalNumber {
    const q = this.isAdverb(p) && this.isContentWord(p + 1) ? p + 1 : p;
    const w = this.lower(q) ?? '';
    if (looksPastTense(w)) return 'any';
    return looksThirdPersonSingular(w) ? 'sg' : 'pl';
  }

  private isAdverb(p: number): boolean {
    const w = this.lower(p);
    return w !== undefined && w.length > 4 && w.endsWith('ly') && this.isContentWord(p);
  }

  /**
   * verb (preposition)? (object NP)?. `form` says how the verb is written (finite or base);
   * `naming` says which form names the predicate: finite verbs and `does not V` use the third
   * person singular (Loves), `can V` the base form (Fly).
   */
  private verbGroup(p: number, form: 'finite' | 'base', naming: 'finite' | 'base'): Reading<PredicateSem>[] {
    const out: Reading<PredicateSem>[] = [];
    let start = p;
    const skipped: string[] = [];
    if (this.isAdverb(p) && this.isContentWord(p + 1)) {
      skipped.push(this.tokens[p]?.text ?? '');
      start = p + 1;
    }
    if (!this.isContentWord(start)) return out;
    const verb = this.lower(start) ?? '';
    const base = form === 'finite' ? verbBase(verb) : verb;
    // Past forms name their predicate as written (Published); tense is not otherwise represented.
    const name = form === 'finite' && looksPastTense(verb) ? verb : naming === 'base' ? base : thirdPersonSingular(base);
    const afterVerb = start + 1;
    const prep = this.lower(afterVerb);
    const withPrep = prep !== undefined && PREPOSITIONS.has(prep) ? [afterVerb + 1] : [];
    for (const objStart of [...withPrep, afterVerb]) {
      const predicate = objStart === afterVerb ? predicateName(name) : predicateName(name, prep ?? '');
      for (const obj of this.nounPhrase(objStart, 'object')) {
        out.push({
          value: (ctx, subject) => obj.value.build(ctx, (o) => pred(predicate, [subject, o])),
          pos: obj.pos,
          cost: obj.cost,
          skipped: [...skipped, ...obj.skipped],
        });
      }
    }
    out.push(reading((_ctx, subject) => pred(predicateName(name), [subject]), afterVerb, 0, skipped));
    // A trailing prepositional phrase adds a relation named by verb + preposition:
    // `published a book in 1946` → ∃x (Book(x) ∧ Published(m, x)) ∧ PublishedIn(m, 1946).
    const withModifier: Reading<PredicateSem>[] = [];
    for (const r of out) {
      const modPrep = this.lower(r.pos);
      if (modPrep === undefined || !PREPOSITIONS.has(modPrep) || r.pos === afterVerb) continue;
      const relation = predicateName(name, modPrep);
      for (const obj of this.nounPhrase(r.pos + 1, 'object')) {
        withModifier.push({
          value: (ctx, subject) => conj(r.value(ctx, subject), obj.value.build(ctx, (o) => pred(relation, [subject, o]))),
          pos: obj.pos,
          cost: r.cost + obj.cost,
          skipped: [...r.skipped, ...obj.skipped],
        });
      }
    }
    return [...out, ...withModifier];
  }

  private complementCoordination(p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
    return this.memoized(`cpc${p}${number}`, () => {
      const out: Reading<PredicateSem>[] = [];
      const paired = (joiner: string, combine: (a: Formula, b: Formula) => Formula): void => {
        for (const a of this.complement(p + 1, number)) {
          const q = this.skipComma(a.pos);
          if (!this.is(q, joiner)) continue;
          for (const b of this.complement(q + 1, number)) {
            out.push({
              value: (ctx, t) => combine(a.value(ctx, t), b.value(ctx, t)),
              pos: b.pos,
              cost: a.cost + b.cost,
              skipped: [...a.skipped, ...b.skipped],
            });
          }
        }
      };
      if (this.is(p, 'either')) paired('or', xor);
      if (this.is(p, 'neither')) paired('nor', (a, b) => and(not(a), not(b)));
      if (this.is(p, 'both')) paired('and', and);
      for (const first of this.complement(p, number)) {
        out.push(first);
        const q = this.skipComma(first.pos);
        const joiner = this.lower(q);
        if (joiner !== 'and' && joiner !== 'or') continue;
        // `is wise and is happy` is VP coordination; here only `wise and happy`.
        for (const rest of this.complementCoordination(q + 1, number)) {
          const combine = joiner === 'and' ? and : or;
          out.push({
            value: (ctx, t) => combine(first.value(ctx, t), rest.value(ctx, t)),
            pos: rest.pos,
            cost: first.cost + rest.cost,
            skipped: [...first.skipped, ...rest.skipped],
          });
        }
      }
      return out;
    });
  }

  private complement(p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
    const out: Reading<PredicateSem>[] = [];
    const w = this.lower(p);
    if (w === undefined) return out;
    if (w === 'a' || w === 'an') {
      for (const nom of this.nominal(p + 1)) {
        out.push({ ...nom, value: nom.value.restriction, cost: nom.cost + agreementCost('sg', nom.value.number) + agreementCost(number, 'sg') });
      }
    }
    const name = this.properName(p);
    if (name !== undefined) out.push(reading((_ctx, t) => eq(t, constant(name.value)), name.pos));
    if (w === 'the') {
      const theName = this.properName(p + 1);
      if (theName !== undefined) out.push(reading((_ctx, t) => eq(t, constant(theName.value)), theName.pos));
    }
    // `is in Paris` → In(x, paris).
    if (PREPOSITIONS.has(w)) {
      for (const obj of this.nounPhrase(p + 1, 'object')) {
        out.push({ ...obj, value: (ctx, t) => obj.value.build(ctx, (o) => pred(predicateName(w), [t, o])) });
      }
    }
    if (this.isContentWord(p)) {
      // `is dependent on caffeine` → DependentOn(x, caffeine); `is taller than John` → TallerThan(x, john).
      const prep = this.lower(p + 1);
      if (prep !== undefined && PREPOSITIONS.has(prep)) {
        const name2 = predicateName(w, prep);
        for (const obj of this.nounPhrase(p + 2, 'object')) {
          out.push({ ...obj, value: (ctx, t) => obj.value.build(ctx, (o) => pred(name2, [t, o])) });
        }
      }
      // Bare adjectives and plural nouns: `is mortal`, `are animals`, `are wise men`.
      for (const nom of this.nominal(p)) {
        const plural = nom.value.number === 'pl';
        const cost = nom.cost + (plural && number === 'sg' ? 1 : 0);
        out.push({ ...nom, value: nom.value.restriction, cost });
      }
    }
    return out;
  }
}
