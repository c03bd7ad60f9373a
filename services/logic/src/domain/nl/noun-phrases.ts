/**
 * Noun phrases: quantified (`all/every/each/any`, `some/a/an`, `no`, `not all`), quantified
 * pronouns (`everyone`, `someone who …`, `no one`), anaphoric pronouns inside a conditional's
 * consequent, proper names and definite descriptions as constants, numbers, bare nominals, and
 * `and`/`or` coordination of noun phrases.
 */
import { and, constant, or } from '../formula.js';
import { PAIRED_COORDINATIONS, type Connective } from './coordination.js';
import type {
  Grammar,
  GrammaticalNumber,
  Nominal,
  NounPhrase,
  NounPhraseRole,
  Reading,
} from './grammar-types.js';
import {
  ANAPHORIC_PRONOUNS,
  DEMONSTRATIVES,
  EXISTENTIAL_DETERMINERS,
  NEGATIVE_DETERMINERS,
  QUANTIFIED_PRONOUNS,
  RELATIVE_PRONOUNS,
  UNIVERSAL_DETERMINERS,
} from './lexicon.js';
import { agreementCost, reading, sequence, TRUE } from './readings.js';
import { constantName } from './symbol-names.js';
import { looksPresentParticiple } from './lemmatizer.js';
import { adverbialEnd } from './adverbials.js';
import { objectRelative } from './embedded-clauses.js';
import { possessiveDeterminers, possessives } from './possessives.js';
import { named, quantified } from './quantifiers.js';

export function nounPhrase(g: Grammar, p: number, role: NounPhraseRole): Reading<NounPhrase>[] {
  return g.memoized(`np${p}${role}`, () => {
    const simple = simpleNounPhrase(g, p, role);
    return [...simple, ...pairedNounPhrases(g, p, role), ...nounPhraseList(g, simple, role)];
  });
}

function coordinatedNounPhrase(
  first: NounPhrase,
  second: NounPhrase,
  combine: Connective,
  number: GrammaticalNumber,
): NounPhrase {
  return {
    number,
    restriction: undefined,
    indefinite: false,
    build: (ctx, scope) => combine(first.build(ctx, scope), second.build(ctx, scope)),
  };
}

/**
 * NP coordination: `John and Mary are happy`, `loves Mary or Sue`, and comma lists
 * `Belgium, France and Germany are countries` (the last joiner decides and/or).
 */
function nounPhraseList(
  g: Grammar,
  firsts: readonly Reading<NounPhrase>[],
  role: NounPhraseRole,
): Reading<NounPhrase>[] {
  const out: Reading<NounPhrase>[] = [];
  for (const first of firsts) {
    const q = g.skipComma(first.pos);
    const joiner = g.lower(q);
    if (joiner === 'and' || joiner === 'or') {
      const combine = joiner === 'and' ? and : or;
      for (const second of simpleNounPhrase(g, q + 1, role)) {
        const number = joiner === 'and' ? 'pl' : second.value.number;
        out.push(sequence(first, second, coordinatedNounPhrase(first.value, second.value, combine, number)));
      }
    } else if (q > first.pos) {
      // `A, B and C`: the rest is itself a list; its connective joins A too.
      for (const rest of nounPhraseList(g, simpleNounPhrase(g, q, role), role)) {
        const combine = listJoiner(g, first.pos, rest.pos) === 'or' ? or : and;
        out.push(
          sequence(first, rest, coordinatedNounPhrase(first.value, rest.value, combine, rest.value.number)),
        );
      }
    }
  }
  return out;
}

/** The last `and`/`or` between two positions (the joiner of a comma list). */
function listJoiner(g: Grammar, from: number, to: number): string | undefined {
  for (let i = to - 1; i >= from; i -= 1) {
    const w = g.lower(i);
    if (w === 'and' || w === 'or') return w;
  }
  return undefined;
}

/** `either A or B`, `neither A nor B`, `both A and B` as noun phrases. */
function pairedNounPhrases(g: Grammar, p: number, role: NounPhraseRole): Reading<NounPhrase>[] {
  const opener = g.lower(p);
  const paired = opener === undefined ? undefined : PAIRED_COORDINATIONS[opener];
  if (paired === undefined) return [];
  const out: Reading<NounPhrase>[] = [];
  for (const a of simpleNounPhrase(g, p + 1, role)) {
    const q = g.skipComma(a.pos);
    if (!g.is(q, paired.joiner)) continue;
    for (const b of simpleNounPhrase(g, q + 1, role)) {
      const number = opener === 'both' ? 'pl' : b.value.number;
      out.push(sequence(a, b, coordinatedNounPhrase(a.value, b.value, paired.combine, number)));
    }
  }
  return out;
}

/** A noun phrase without coordination; the order of the alternatives decides ties between equal readings. */
function simpleNounPhrase(g: Grammar, p: number, role: NounPhraseRole): Reading<NounPhrase>[] {
  const w = g.lower(p);
  if (w === undefined) return [];
  return [
    ...determinerPhrases(g, p, w),
    ...quantifiedPronouns(g, p, w),
    ...anaphoricPhrases(g, p, w, role),
    ...definitePhrases(g, p, w),
    ...gerunds(g, p),
    ...namesAndNumbers(g, p, w),
    ...bareNominals(g, p, role),
    ...possessives(g, p),
    ...possessiveDeterminers(g, p, role),
  ];
}

/** `all/every/each/any N`, `some/a/an/several/many N`, `no N`, `not all N`, `at least one N`. */
function determinerPhrases(g: Grammar, p: number, w: string): Reading<NounPhrase>[] {
  const out: Reading<NounPhrase>[] = [];
  if (w === 'not' && g.is(p + 1, 'all', 'every', 'each')) {
    for (const nom of g.nominal(p + 2)) {
      const expected: GrammaticalNumber = g.is(p + 1, 'all') ? 'pl' : 'sg';
      out.push(
        reading(
          quantified('notall', nom.value, expected),
          nom.pos,
          nom.cost + agreementCost(expected, nom.value.number),
          nom.skipped,
        ),
      );
    }
  }
  if (UNIVERSAL_DETERMINERS.has(w)) {
    const start = g.is(p + 1, 'of') && g.is(p + 2, 'the') ? p + 3 : p + 1;
    const expected: GrammaticalNumber = w === 'all' ? 'pl' : w === 'any' ? 'any' : 'sg';
    // `every day` is rather a frequency adverbial than an object (`comes to work every day`).
    const adverbialCost = adverbialEnd(g, p) > p ? 1 : 0;
    for (const nom of g.nominal(start)) {
      out.push(
        reading(
          quantified(w === 'any' ? 'any' : 'all', nom.value, expected),
          nom.pos,
          nom.cost + adverbialCost + agreementCost(expected, nom.value.number),
          nom.skipped,
        ),
      );
    }
  }
  if (EXISTENTIAL_DETERMINERS.has(w)) {
    const start = w === 'some' && g.is(p + 1, 'of') && g.is(p + 2, 'the') ? p + 3 : p + 1;
    const expected: GrammaticalNumber = w === 'some' ? 'any' : w === 'several' || w === 'many' ? 'pl' : 'sg';
    for (const nom of g.nominal(start)) {
      const np = quantified('some', nom.value, nom.value.number);
      out.push(reading(np, nom.pos, nom.cost + agreementCost(expected, nom.value.number), nom.skipped));
    }
  }
  if (NEGATIVE_DETERMINERS.has(w) && !g.is(p + 1, 'one')) {
    for (const nom of g.nominal(p + 1)) {
      out.push(reading(quantified('no', nom.value, nom.value.number), nom.pos, nom.cost, nom.skipped));
    }
  }
  if (w === 'at' && g.is(p + 1, 'least') && g.is(p + 2, 'one')) {
    // `at least one N` is `some N`.
    for (const nom of g.nominal(p + 3))
      out.push(reading(quantified('some', nom.value, 'any'), nom.pos, nom.cost, nom.skipped));
  }
  return out;
}

/** `everyone`, `someone who …`, `no one`, `anything`, `all who …`. */
function quantifiedPronouns(g: Grammar, p: number, w: string): Reading<NounPhrase>[] {
  const out: Reading<NounPhrase>[] = [];
  // `all who …`, `those who …` are `everyone who …`.
  const relativeHead = (w === 'all' || w === 'those') && g.is(p + 1, 'who', 'that') ? 'all' : undefined;
  const pronoun =
    w === 'no' && g.is(p + 1, 'one')
      ? 'no'
      : w.startsWith('any') && w in QUANTIFIED_PRONOUNS
        ? 'any'
        : (relativeHead ?? QUANTIFIED_PRONOUNS[w]);
  if (pronoun !== undefined) {
    const end = w === 'no' ? p + 2 : p + 1;
    const number: GrammaticalNumber = relativeHead === undefined ? 'sg' : 'pl';
    const bare: Nominal = { restriction: () => TRUE, number, words: [], simple: true };
    if (relativeHead === undefined) out.push(reading(quantified(pronoun, bare, number), end));
    // `someone who reads` — a relative clause restricts the pronoun.
    if (g.is(end, ...RELATIVE_PRONOUNS)) {
      for (const vp of [...g.verbPhraseCoordination(end + 1, number), ...objectRelative(g, end + 1)]) {
        const nom: Nominal = { restriction: vp.value, number, words: [], simple: false };
        out.push(reading(quantified(pronoun, nom, number), vp.pos, vp.cost, vp.skipped));
      }
    }
  }
  return out;
}

/** Pronouns and `the/this/that N` referring back to an antecedent (only inside a frame). */
function anaphoricPhrases(g: Grammar, p: number, w: string, role: NounPhraseRole): Reading<NounPhrase>[] {
  const out: Reading<NounPhrase>[] = [];
  if (ANAPHORIC_PRONOUNS.has(w) && g.anaphora !== undefined) {
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
  // `the/this/that monitor` after `If a monitor …`: the same individual (definite anaphora).
  const antecedent = g.anaphora?.nominal;
  if (antecedent !== undefined && antecedent !== '' && DEMONSTRATIVES.has(w)) {
    for (const nom of g.nominal(p + 1)) {
      if (!nom.value.simple || nom.value.words.join(' ') !== antecedent) continue;
      out.push(
        reading(
          {
            number: 'sg',
            restriction: undefined,
            indefinite: false,
            build: (ctx, scope) => scope(ctx.referent ?? constant(w)),
          },
          nom.pos,
        ),
      );
    }
  }
  return out;
}

/** `the/this/these/those` + a name or nominal. */
function definitePhrases(g: Grammar, p: number, w: string): Reading<NounPhrase>[] {
  const out: Reading<NounPhrase>[] = [];
  if (w === 'the' || w === 'this' || w === 'these' || w === 'those') {
    const name = g.properName(p + 1);
    if (name !== undefined) out.push(reading(named(name.value), name.pos));
    for (const nom of g.nominal(p + 1)) {
      // `the sun` names an individual; `the book that John wrote` is read as `a book that John
      // wrote` (existence without uniqueness), since a constant would lose the description.
      const np = nom.value.simple
        ? named(constantName(...nom.value.words))
        : quantified('some', nom.value, nom.value.number);
      out.push(reading(np, nom.pos, nom.cost, nom.skipped));
    }
  }
  return out;
}

/** Proper names and numbers as constants. */
function namesAndNumbers(g: Grammar, p: number, w: string): Reading<NounPhrase>[] {
  const out: Reading<NounPhrase>[] = [];
  const name = g.properName(p);
  if (name !== undefined) out.push(reading(named(name.value), name.pos));
  // Numbers are constants: `1915`, `500,000` → 500_000.
  if (/^[0-9]+(?:[.,][0-9]+)*$/.test(w)) out.push(reading(named(constantName(w)), p + 1));
  return out;
}

/**
 * Bare nominals: generic plural subjects are universal (`Cats are animals`), plural objects
 * existential (`reads books`), and a bare singular names a mass/individual (`drinks coffee`).
 */
function bareNominals(g: Grammar, p: number, role: NounPhraseRole): Reading<NounPhrase>[] {
  const out: Reading<NounPhrase>[] = [];
  for (const nom of g.nominal(p)) {
    if (nom.value.number === 'pl') {
      const q = role === 'subject' ? 'all' : 'some';
      out.push(reading(quantified(q, nom.value, 'pl', role === 'subject'), nom.pos, nom.cost, nom.skipped));
    } else if (nom.value.simple) {
      // `Sea eel is an eel`, `drinks coffee`: a bare singular names an individual or a mass.
      const cost = nom.cost + (role === 'subject' ? 1 : 0) + nom.value.words.length - 1;
      out.push(reading(named(constantName(...nom.value.words)), nom.pos, cost, nom.skipped));
    }
  }
  return out;
}

/**
 * A gerund phrase names an activity, as a constant: `Playing tennis is fun` → Fun(playing_tennis),
 * `enjoys playing tennis` → Enjoys(x, playing_tennis). Its object is a bare noun (or none).
 */
function gerunds(g: Grammar, p: number): Reading<NounPhrase>[] {
  const w = g.lower(p) ?? '';
  if (!g.isContentWord(p) || !looksPresentParticiple(w)) return [];
  const out: Reading<NounPhrase>[] = [];
  let end = p + 1;
  while (g.isContentWord(end) && !g.tokens[end]?.capitalized) end += 1;
  for (let q = end; q > p; q -= 1) {
    out.push(reading(named(constantName(...g.tokens.slice(p, q).map((t) => t.lower))), q));
  }
  return out;
}
