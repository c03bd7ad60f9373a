/**
 * Verb phrases: the copula with its complements (and the progressive `is V-ing`), `can`/`could`
 * and the dropped modals (`will`, `must`, …), `does not V`, `never`, finite verbs with an optional
 * object, that-clause or trailing prepositional phrase, adverbials stepped over, and verb-phrase
 * coordination.
 */
import { not, pred, type Formula } from '../formula.js';
import { adverbialEnd, adverbialText } from './adverbials.js';
import { listReadings, mergePredicates, pairedReadings } from './coordination.js';
import type { Grammar, GrammaticalNumber, PredicateSem, Reading, VerbForm } from './grammar-types.js';
import {
  looksPastParticiple,
  looksPastTense,
  looksPresentParticiple,
  looksThirdPersonSingular,
  participleBase,
  thirdPersonSingular,
  verbBase,
} from './lemmatizer.js';
import { COPULAS_PLURAL, COPULAS_SINGULAR, DROPPED_MODALS, PREPOSITIONS } from './lexicon.js';
import { negatively } from './quantifiers.js';
import { agreementCost, conj, reading, withSubject } from './readings.js';
import { thatClause } from './embedded-clauses.js';
import { predicateName } from './symbol-names.js';

export function verbPhraseCoordination(
  g: Grammar,
  p: number,
  number: GrammaticalNumber,
): Reading<PredicateSem>[] {
  return g.memoized(`vpc${p}${number}`, () => [
    ...pairedReadings(
      g,
      p,
      ['either', 'neither', 'both'],
      (q) => g.verbPhraseCoordination(q, number),
      mergePredicates,
    ),
    ...listReadings(
      g,
      p,
      (q) => g.verbPhrase(q, number),
      (q) => g.verbPhraseCoordination(q, number),
      mergePredicates,
    ),
  ]);
}

function negated(r: Reading<PredicateSem>, yes: boolean): Reading<PredicateSem> {
  return yes ? { ...r, value: (ctx, t): Formula => not(negatively(ctx, () => r.value(ctx, t))) } : r;
}

/** Adds the adverbial between p and its end to a reading's skipped phrases. */
function withSkipped<T>(r: Reading<T>, phrase: string | undefined): Reading<T> {
  return phrase === undefined ? r : { ...r, skipped: [phrase, ...r.skipped] };
}

/** What follows an auxiliary: where the rest starts, whether it was negated, the adverbials stepped over. */
interface AuxiliaryTail {
  readonly next: number;
  readonly negated: boolean;
  readonly skipped: string | undefined;
}

/**
 * After an auxiliary at p: an optional adverbial before `not`/`never` (`is also not`, `can only`). A word that could be an adverb may also be the complement itself (`are
 * still`, `is friendly`), so the reading without stepping over it is offered too.
 */
function afterAuxiliary(g: Grammar, p: number): AuxiliaryTail[] {
  const phrases: string[] = [];
  let q = p;
  const skip = (): void => {
    const end = adverbialEnd(g, q);
    if (end > q) phrases.push(adverbialText(g, q, end));
    q = end;
  };
  skip();
  // No adverb is stepped over after a negation: `not always` is not `not`.
  const isNegated = g.is(q, 'not', 'never');
  if (isNegated) q += 1;
  const tail = { next: q, negated: isNegated, skipped: phrases.length === 0 ? undefined : phrases.join(' ') };
  if (tail.skipped === undefined) return [tail];
  const notAtOnce = g.is(p, 'not', 'never');
  return [tail, { next: notAtOnce ? p + 1 : p, negated: notAtOnce, skipped: undefined }];
}

export function verbPhrase(g: Grammar, p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
  return g.memoized(`vp${p}${number}`, () => {
    const out: Reading<PredicateSem>[] = [];
    const w = g.lower(p);
    if (w === undefined) return out;
    for (const aux of afterAuxiliary(g, p + 1)) {
      const more = (r: Reading<PredicateSem>, cost = 0): Reading<PredicateSem> =>
        negated(withSkipped({ ...r, cost: r.cost + cost }, aux.skipped), aux.negated);
      // `has been` is a copula too (the perfect is not represented).
      const perfectCopula = (w === 'has' || w === 'have' || w === 'had') && g.is(aux.next, 'been');
      if (perfectCopula) {
        const perfectCost = agreementCost(number, w === 'has' ? 'sg' : w === 'have' ? 'pl' : 'any');
        for (const c of g.complementCoordination(aux.next + 1, number)) out.push(more(c, perfectCost));
      }
      if (COPULAS_SINGULAR.has(w) || COPULAS_PLURAL.has(w)) {
        const copulaCost = agreementCost(number, COPULAS_SINGULAR.has(w) ? 'sg' : 'pl');
        for (const c of g.complementCoordination(aux.next, number)) out.push(more(c, copulaCost));
        // The progressive is the simple present: `is doing a project` = `does a project`.
        if (looksPresentParticiple(g.lower(aux.next) ?? '')) {
          for (const v of g.verbGroup(aux.next, 'participle', 'finite')) out.push(more(v, copulaCost));
        }
      }
      // `can fly` folds the modality into a predicate named by the base form: Fly(x); `can be
      // used` reads the complement like `will be used`.
      if (w === 'can' || w === 'could') {
        for (const v of g.verbGroup(aux.next, 'base', 'base')) out.push(more(v));
      }
      if (DROPPED_MODALS.has(w) || w === 'can' || w === 'could') {
        if (g.is(aux.next, 'be')) {
          for (const c of g.complementCoordination(aux.next + 1, number)) out.push(more(c));
        }
      }
      if (DROPPED_MODALS.has(w)) {
        for (const v of g.verbGroup(aux.next, 'base', 'finite')) out.push(more(v));
      }
      if ((w === 'does' || w === 'do' || w === 'did') && aux.negated) {
        const auxCost = agreementCost(number, w === 'does' ? 'sg' : w === 'do' ? 'pl' : 'any');
        for (const v of g.verbGroup(aux.next, 'base', 'finite')) out.push(more(v, auxCost));
      }
      // The present perfect names its predicate by the participle, as the past does: `has released` → Released.
      if ((w === 'has' || w === 'have' || w === 'had') && looksPastParticiple(g.lower(aux.next) ?? '')) {
        const auxCost = agreementCost(number, w === 'has' ? 'sg' : w === 'have' ? 'pl' : 'any');
        for (const v of g.verbGroup(aux.next, 'finite', 'finite')) out.push(more(v, auxCost));
      }
    }
    // `do` as a main verb: `All students do homework` → Does(x, homework).
    if ((w === 'does' || w === 'do' || w === 'did') && !g.is(p + 1, 'not')) {
      const name = predicateName(w === 'did' ? 'did' : 'does');
      const doNumber = agreementCost(number, w === 'does' ? 'sg' : w === 'do' ? 'pl' : 'any');
      for (const obj of g.nounPhrase(p + 1, 'object')) {
        out.push({
          ...obj,
          cost: obj.cost + doNumber,
          value: (ctx, subject) =>
            withSubject(ctx, subject, () => obj.value.build(ctx, (o) => pred(name, [subject, o]))),
        });
      }
    }
    // `never` before a finite verb is its negation; other adverbs before it are stepped over.
    if (w === 'never') {
      for (const v of g.verbPhrase(p + 1, number)) out.push(negated(v, true));
    }
    if (g.isContentWord(p) || adverbialEnd(g, p) > p) {
      const verbNumber = verbTokenNumber(g, p);
      for (const v of g.verbGroup(p, 'finite', 'finite')) {
        out.push({ ...v, cost: v.cost + agreementCost(number, verbNumber) });
      }
    }
    return withTrailingAdverbials(g, out);
  });
}

/** `drinks coffee every day`, `works well`: a trailing adverbial is stepped over. */
function withTrailingAdverbials(g: Grammar, readings: Reading<PredicateSem>[]): Reading<PredicateSem>[] {
  const out = [...readings];
  for (const r of readings) {
    // Several in a row: `very efficiently`, `every day regularly`.
    let end = r.pos;
    while (adverbialEnd(g, end) > end) end = adverbialEnd(g, end);
    if (end > r.pos) out.push({ ...r, pos: end, skipped: [...r.skipped, adverbialText(g, r.pos, end)] });
  }
  return out;
}

/** Number shown by the finite verb at p (after an adverbial). */
function verbTokenNumber(g: Grammar, p: number): GrammaticalNumber {
  const q = adverbialEnd(g, p);
  const w = g.lower(g.isContentWord(q) ? q : p) ?? '';
  if (looksPastTense(w)) return 'any';
  return looksThirdPersonSingular(w) ? 'sg' : 'pl';
}

/** The predicate name of a verb written in `form`, named by `naming` (Loves, Fly, Published). */
function verbPredicateName(verb: string, form: VerbForm, naming: 'finite' | 'base'): string {
  // Past forms name their predicate as written (Published); tense is not otherwise represented.
  if (form === 'finite' && looksPastTense(verb)) return verb;
  const base = form === 'finite' ? verbBase(verb) : form === 'participle' ? participleBase(verb) : verb;
  return naming === 'base' ? base : thirdPersonSingular(base);
}

/**
 * verb (preposition)? (object NP | that-clause | to-infinitive)?. `form` says how the verb is
 * written (finite, base or participle); `naming` says which form names the predicate: finite verbs,
 * participles and `does not V` use the third person singular (Loves), `can V` the base form (Fly).
 */
export function verbGroup(
  g: Grammar,
  p: number,
  form: VerbForm,
  naming: 'finite' | 'base',
): Reading<PredicateSem>[] {
  return namedVerbGroup(g, p, form, naming, []);
}

/**
 * `to V …` after a verb or adjective: the infinitive's predicates are named after both, so
 * `wants to help people` → WantsToHelp(x, y), `is eligible to attend UEL` → EligibleToAttend(x, uel).
 */
export function infinitive(g: Grammar, p: number, head: readonly string[]): Reading<PredicateSem>[] {
  if (!g.is(p, 'to') || !g.isContentWord(p + 1)) return [];
  // A base form shows no -s: `to strangers` is a prepositional phrase, not an infinitive.
  const cost = looksThirdPersonSingular(g.lower(p + 1) ?? '') ? 1 : 0;
  return g.memoized(`inf${p}${head.join(' ')}`, () =>
    namedVerbGroup(g, p + 1, 'base', 'base', [...head, 'to']).map((r) => ({ ...r, cost: r.cost + cost })),
  );
}

/** Particles of phrasal verbs: `wakes up`, `grew up in`, `gets along with` name one predicate (WakesUp). */
const PARTICLES = new Set(['up', 'out', 'along', 'down', 'off', 'away', 'back']);

function namedVerbGroup(
  g: Grammar,
  p: number,
  form: VerbForm,
  naming: 'finite' | 'base',
  prefix: readonly string[],
): Reading<PredicateSem>[] {
  const out: Reading<PredicateSem>[] = [];
  const start = adverbialEnd(g, p);
  const skipped = start > p ? [adverbialText(g, p, start)] : [];
  if (!g.isContentWord(start)) return out;
  const verb = g.lower(start) ?? '';
  const particle = PARTICLES.has(g.lower(start + 1) ?? '') ? (g.lower(start + 1) ?? '') : undefined;
  const name = verbPredicateName(verb, form, naming);
  const words = particle === undefined ? [...prefix, name] : [...prefix, name, particle];
  const named = (...rest: string[]): string => predicateName(...words, ...rest);
  const afterVerb = particle === undefined ? start + 1 : start + 2;
  const prep = g.lower(afterVerb);
  const withPrep = prep !== undefined && PREPOSITIONS.has(prep) ? [afterVerb + 1] : [];
  for (const objStart of [...withPrep, afterVerb]) {
    const predicate = objStart === afterVerb ? named() : named(prep ?? '');
    for (const obj of g.nounPhrase(objStart, 'object')) {
      out.push({
        value: (ctx, subject) =>
          withSubject(ctx, subject, () => obj.value.build(ctx, (o) => pred(predicate, [subject, o]))),
        pos: obj.pos,
        cost: obj.cost,
        skipped: [...skipped, ...obj.skipped],
      });
    }
  }
  out.push(...thatClause(g, afterVerb, named('that'), skipped));
  // After the prepositional reading, so that `goes to school` stays GoesTo(x, school) and only
  // `wants to help people` (which has no other reading) is an infinitive.
  out.push(
    ...g
      .infinitive(afterVerb, words)
      .map((r) => (skipped.length === 0 ? r : { ...r, skipped: [...skipped, ...r.skipped] })),
  );
  out.push(reading((_ctx, subject) => pred(named(), [subject]), afterVerb, 0, skipped));
  // A trailing prepositional phrase (after an optional adverbial) adds a relation named by verb +
  // preposition: `published a book in 1946` → ∃x (Book(x) ∧ Published(m, x)) ∧ PublishedIn(m, 1946).
  const withModifier: Reading<PredicateSem>[] = [];
  for (const r of out) {
    const at = adverbialEnd(g, r.pos);
    const modPrep = g.lower(at);
    if (modPrep === undefined || !PREPOSITIONS.has(modPrep) || r.pos === afterVerb) continue;
    const relation = named(modPrep);
    const between = at > r.pos ? [adverbialText(g, r.pos, at)] : [];
    for (const obj of g.nounPhrase(at + 1, 'object')) {
      withModifier.push({
        value: (ctx, subject) =>
          conj(
            r.value(ctx, subject),
            withSubject(ctx, subject, () => obj.value.build(ctx, (o) => pred(relation, [subject, o]))),
          ),
        pos: obj.pos,
        cost: r.cost + obj.cost,
        skipped: [...r.skipped, ...between, ...obj.skipped],
      });
    }
  }
  return [...out, ...withModifier];
}
