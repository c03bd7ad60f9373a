/**
 * Copula complements: `a/an` nominal, a proper name or `the N` (identity), a prepositional phrase
 * (`in Paris`), an adjective or participle with a preposition (`dependent on caffeine`), a passive
 * with its agent (`loved by Mary` = Loves(mary, x)), a comparative (`taller than John`, `more
 * popular than John`), an adjective with a that-clause, a bare adjective or plural nominal, and
 * their coordination.
 */
import { constant, eq, pred } from '../formula.js';
import { listReadings, mergePredicates, pairedReadings } from './coordination.js';
import type { Grammar, GrammaticalNumber, PredicateSem, Reading } from './grammar-types.js';
import { looksPastParticiple, participleBase, thirdPersonSingular } from './lemmatizer.js';
import { looksDemonym, PREPOSITIONS } from './lexicon.js';
import { agreementCost, reading, withSubject } from './readings.js';
import { constantName, predicateName } from './symbol-names.js';
import { thatClause } from './embedded-clauses.js';

export function complementCoordination(
  g: Grammar,
  p: number,
  number: GrammaticalNumber,
): Reading<PredicateSem>[] {
  // `is wise and is happy` is VP coordination; here only `wise and happy`.
  return g.memoized(`cpc${p}${number}`, () => [
    ...pairedReadings(
      g,
      p,
      ['either', 'neither', 'both'],
      (q) => g.complementCoordination(q, number),
      mergePredicates,
      (q) => [
        ...g.complementCoordination(q, number),
        // `is either a student or works`, `is neither tall nor can throw`: the second half may be a verb phrase.
        ...g.verbPhraseCoordination(q, number),
      ],
    ),
    ...listReadings(
      g,
      p,
      (q) => g.complement(q, number),
      (q) => g.complementCoordination(q, number),
      mergePredicates,
    ),
  ]);
}

/** An object NP after p, related to the subject by `relation` (subject first unless `agentFirst`). */
function relatedTo(g: Grammar, p: number, relation: string, agentFirst = false): Reading<PredicateSem>[] {
  return g.nounPhrase(p, 'object').map((obj) => ({
    ...obj,
    value: (ctx, t) =>
      withSubject(ctx, t, () => obj.value.build(ctx, (o) => pred(relation, agentFirst ? [o, t] : [t, o]))),
  }));
}

export function complement(g: Grammar, p: number, number: GrammaticalNumber): Reading<PredicateSem>[] {
  const out: Reading<PredicateSem>[] = [];
  const w = g.lower(p);
  if (w === undefined) return out;
  if (w === 'a' || w === 'an') {
    for (const nom of g.nominal(p + 1)) {
      out.push({
        ...nom,
        value: nom.value.restriction,
        cost: nom.cost + agreementCost('sg', nom.value.number) + agreementCost(number, 'sg'),
      });
    }
  }
  const name = g.properName(p);
  if (name !== undefined && !(name.pos === p + 1 && looksDemonym(w)))
    out.push(reading((_ctx, t) => eq(t, constant(name.value)), name.pos));
  if (w === 'the') {
    const theName = g.properName(p + 1);
    if (theName !== undefined) out.push(reading((_ctx, t) => eq(t, constant(theName.value)), theName.pos));
    // `is the capital` names the same individual as the NP `the capital`; `is the capital of
    // France` predicates the description (Capital(x) ∧ CapitalOf(x, france); uniqueness is not represented).
    for (const nom of g.nominal(p + 1)) {
      if (!nom.value.simple) {
        out.push({ ...nom, value: nom.value.restriction });
        continue;
      }
      const c = constant(constantName(...nom.value.words));
      out.push({ ...nom, value: (_ctx, t) => eq(t, c) });
    }
  }
  // `is in Paris` → In(x, paris).
  if (PREPOSITIONS.has(w)) out.push(...relatedTo(g, p + 1, predicateName(w)));
  // `is more popular than John` → MorePopularThan(x, john).
  if ((w === 'more' || w === 'less') && g.isContentWord(p + 1) && g.is(p + 2, 'than')) {
    out.push(...relatedTo(g, p + 3, predicateName(w, g.lower(p + 1) ?? '', 'than')));
  }
  if (g.isContentWord(p)) {
    const prep = g.lower(p + 1);
    if (prep === 'by' && looksPastParticiple(w)) {
      // The passive is the active verb with the agent as subject: `is loved by Mary` → Loves(mary, x).
      out.push(...relatedTo(g, p + 2, predicateName(thirdPersonSingular(participleBase(w))), true));
    } else if (prep !== undefined && PREPOSITIONS.has(prep)) {
      // `is dependent on caffeine` → DependentOn(x, caffeine); `is taller than John` → TallerThan(x, john).
      out.push(...relatedTo(g, p + 2, predicateName(w, prep)));
    }
    out.push(...thatClause(g, p + 1, predicateName(w, 'that')));
    // `is eligible to attend UEL` → EligibleToAttend(x, uel) (after the reading `EligibleTo(x, attend)`).
    out.push(...g.infinitive(p + 1, [w]));
    // Bare adjectives and plural nouns: `is mortal`, `are animals`, `are wise men`.
    for (const nom of g.nominal(p)) {
      const plural = nom.value.number === 'pl';
      const cost = nom.cost + (plural && number === 'sg' ? 1 : 0);
      out.push({ ...nom, value: nom.value.restriction, cost });
    }
  }
  return out;
}
