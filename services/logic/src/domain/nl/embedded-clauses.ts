/**
 * Clauses inside phrases: that-clauses as arguments (`believes that …`, `unaware that …`) and
 * object relatives whose gap is the verb's object (`the book that John wrote`).
 */
import { constant, pred } from '../formula.js';
import type { Grammar, PredicateSem, Reading } from './grammar-types.js';
import { looksPastTense, looksThirdPersonSingular, thirdPersonSingular, verbBase } from './lemmatizer.js';
import { agreementCost } from './readings.js';
import { constantName, predicateName } from './symbol-names.js';

/**
 * An object relative: `the book that John wrote` = Book(x) ∧ Wrote(john, x); `everyone whom
 * Mary loves`; the gap is the verb's object.
 */
export function objectRelative(g: Grammar, p: number): Reading<PredicateSem>[] {
  const out: Reading<PredicateSem>[] = [];
  for (const subject of g.nounPhrase(p, 'subject')) {
    const verb = g.lower(subject.pos) ?? '';
    if (!g.isContentWord(subject.pos)) continue;
    const name = predicateName(looksPastTense(verb) ? verb : thirdPersonSingular(verbBase(verb)));
    const cost = agreementCost(
      subject.value.number,
      looksPastTense(verb) ? 'any' : looksThirdPersonSingular(verb) ? 'sg' : 'pl',
    );
    out.push({
      value: (ctx, t) => subject.value.build(ctx, (s) => pred(name, [s, t])),
      pos: subject.pos + 1,
      cost: subject.cost + cost,
      skipped: subject.skipped,
    });
  }
  return out;
}

/**
 * `believes that the earth is round`, `is unaware that caffeine is a drug`: a that-clause that the
 * grammar reads completely is one proposition, named as a constant by its words, and the verb or
 * adjective relates the subject to it: BelievesThat(x, the_earth_is_round). (FOL has no
 * propositional arguments; naming the clause keeps the same clause the same constant.)
 */
export function thatClause(
  g: Grammar,
  p: number,
  relation: string,
  skipped: readonly string[] = [],
): Reading<PredicateSem>[] {
  if (!g.is(p, 'that')) return [];
  const out: Reading<PredicateSem>[] = [];
  for (const s of g.clauseCoordination(p + 1)) {
    const proposition = constant(constantName(...g.tokens.slice(p + 1, s.pos).map((t) => t.text)));
    out.push({
      value: (_ctx, subject) => pred(relation, [subject, proposition]),
      pos: s.pos,
      cost: s.cost,
      skipped: [...skipped, ...s.skipped],
    });
  }
  return out;
}
