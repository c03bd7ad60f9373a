/**
 * Nominals (the part of a noun phrase after its determiner) and proper names:
 * `adjective* noun (prepositional phrase | relative clause)?`, read with every split point so that
 * position decides which words are adjectives; longer nominals first.
 */
import { pred } from '../formula.js';
import type { Grammar, GrammaticalNumber, Nominal, PredicateSem, Reading } from './grammar-types.js';
import { objectRelative } from './embedded-clauses.js';
import { looksPastParticiple, looksPlural, looksPresentParticiple, singularNoun } from './lemmatizer.js';
import { isFunctionWord, looksDemonym, PREPOSITIONS, RELATIVE_PRONOUNS } from './lexicon.js';
import { conj, reading, TRUE } from './readings.js';
import { constantName, predicateName } from './symbol-names.js';

export function nominal(g: Grammar, p: number): Reading<Nominal>[] {
  return g.memoized(`nom${p}`, () => {
    const out: Reading<Nominal>[] = [];
    // Noun compounds may contain a possessive (`children's film`, `a given year's final`).
    const isPossessive = (q: number): boolean => g.is(q, "'s", "'") && q > p && g.isContentWord(q + 1);
    // A capitalised word inside a nominal ends it (`loves Mary`), unless every word so far is
    // capitalised: `Grand Slam champions`, `World Tour players` have a name as modifier.
    const allCapitalised = (from: number, to: number): boolean =>
      g.tokens.slice(from, to).every((t) => t.capitalized);
    let end = p;
    while (
      (g.isContentWord(end) && (end === p || !g.tokens[end]?.capitalized || allCapitalised(p, end))) ||
      isPossessive(end)
    )
      end += 1;
    for (let q = end; q > p; q -= 1) {
      if (isPossessive(q - 1)) continue;
      const words = g.tokens
        .slice(p, q)
        .filter((_t, i) => !isPossessive(p + i))
        .map((t) => t.lower);
      const head = words[words.length - 1] ?? '';
      const adjectives = words.slice(0, -1);
      const number: GrammaticalNumber = looksPlural(head) ? 'pl' : 'sg';
      const lemma = singularNoun(head);
      // A past participle heads no noun phrase (`a monitor produced by AOC` is a reduced relative).
      const adjectiveCost =
        adjectives.filter((a) => looksPlural(a)).length +
        (adjectives.length > 0 && looksPastParticiple(head) ? 1 : 0);
      // Capitalised words with a lower-case head (`Grand Slam champions`) are a nominal; all capitalised, likelier a name.
      const demonym = q === p + 1 && looksDemonym(head);
      const nameCost =
        g.tokens[p]?.capitalized === true &&
        g.tokens[p]?.sentenceInitial !== true &&
        allCapitalised(p, q) &&
        !demonym
          ? 1
          : 0;
      const restriction: PredicateSem = (_ctx, t) =>
        [...adjectives.map((a) => pred(predicateName(a), [t])), pred(predicateName(lemma), [t])].reduce(
          (acc, f) => conj(acc, f),
          TRUE,
        );
      const basic: Nominal = { restriction, number, words: [...adjectives, lemma], simple: true };
      const cost = adjectiveCost + nameCost;
      out.push(reading(basic, q, cost));
      const modified = (post: Reading<PredicateSem>): Reading<Nominal> =>
        reading(
          {
            restriction: (ctx, t) => conj(restriction(ctx, t), post.value(ctx, t)),
            number,
            words: basic.words,
            simple: false,
          },
          post.pos,
          cost + post.cost,
          post.skipped,
        );
      // `citizen of Lawton Park` → Citizen(x) ∧ CitizenOf(x, lawton_park).
      const prep = g.lower(q);
      if (prep !== undefined && PREPOSITIONS.has(prep) && prep !== 'than' && prep !== 'as') {
        const relation = predicateName(lemma, prep);
        for (const obj of g.nounPhrase(q + 1, 'object')) {
          out.push(
            modified({ ...obj, value: (ctx, t) => obj.value.build(ctx, (o) => pred(relation, [t, o])) }),
          );
        }
      }
      if (g.is(q, ...RELATIVE_PRONOUNS)) {
        for (const vp of g.verbPhraseCoordination(q + 1, number)) out.push(modified(vp));
        for (const gap of objectRelative(g, q + 1)) out.push(modified(gap));
      }
      // Reduced relatives: `people living in Paris` (= who live in Paris), `a monitor produced by
      // AOC` (= that is produced by AOC); a past participle needs its prepositional phrase here.
      const participle = g.lower(q) ?? '';
      if (g.isContentWord(q) && looksPresentParticiple(participle)) {
        for (const vp of g.verbGroup(q, 'participle', 'finite')) out.push(modified(vp));
      } else if (
        g.isContentWord(q) &&
        looksPastParticiple(participle) &&
        PREPOSITIONS.has(g.lower(q + 1) ?? '')
      ) {
        for (const c of g.complement(q, number)) if (c.pos > q + 1) out.push(modified(c));
      }
    }
    return out;
  });
}

/** Capitalised words (with `of` between capitalised words: `House of Commons`) as one constant. */
export function properName(g: Grammar, p: number): Reading<string> | undefined {
  const first = g.tokens[p];
  // A capitalised closed-class word (`All`, `If`) is never a name.
  if (first === undefined || !first.capitalized || isFunctionWord(first.lower)) return undefined;
  let q = p + 1;
  for (;;) {
    if (g.tokens[q]?.capitalized === true && !isFunctionWord(g.tokens[q]?.lower ?? '')) q += 1;
    // `System 7`, `Callus 4`: a number right after a name is part of it.
    else if (/^[0-9]+$/.test(g.tokens[q]?.text ?? '')) q += 1;
    // `House of Commons`, `University of Edinburgh`.
    else if (
      g.is(q, 'of') &&
      g.tokens[q + 1]?.capitalized === true &&
      !isFunctionWord(g.tokens[q + 1]?.lower ?? '')
    )
      q += 2;
    else break;
  }
  const words = g.tokens.slice(p, q).map((t) => t.text);
  return reading(constantName(...words), q);
}
