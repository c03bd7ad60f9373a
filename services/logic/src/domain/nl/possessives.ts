/**
 * Possessives, read like `a dog of John` (the relation is named as for `citizen of`; uniqueness is
 * not represented): `John's dog`, `the company's founder`, and the determiners `his/her/its/their`,
 * whose owner is the clause's subject or the referent of an earlier clause.
 */
import { constant, pred, type Term } from '../formula.js';
import type { BuildContext, Grammar, Nominal, NounPhrase, NounPhraseRole, Reading } from './grammar-types.js';
import { POSSESSIVE_DETERMINERS } from './lexicon.js';
import { quantified } from './quantifiers.js';
import { conj, reading, sequence } from './readings.js';
import { constantName, predicateName } from './symbol-names.js';

/** The nominal restricted to things the owner has: `dog` → Dog(x) ∧ DogOf(x, owner). */
function ownedBy(nom: Nominal, owner: (ctx: BuildContext) => Term): Nominal {
  const head = nom.words[nom.words.length - 1] ?? '';
  const relation = predicateName(head, 'of');
  return {
    ...nom,
    restriction: (ctx, t) => conj(nom.restriction(ctx, t), pred(relation, [t, owner(ctx)])),
    simple: false,
  };
}

/** The possessor of `John's dog`, `the company's founder`: a name or a definite noun. */
function possessor(g: Grammar, p: number): Reading<string>[] {
  const out: Reading<string>[] = [];
  const name = g.properName(p);
  if (name !== undefined) out.push(name);
  if (g.is(p, 'the')) {
    const theName = g.properName(p + 1);
    if (theName !== undefined) out.push(theName);
    for (const nom of g.nominal(p + 1))
      if (nom.value.simple)
        out.push(reading(constantName(...nom.value.words), nom.pos, nom.cost, nom.skipped));
  }
  return out.filter((r) => g.is(r.pos, "'s", "'"));
}

/**
 * `John's dog barks` = ∃x (Dog(x) ∧ DogOf(x, john) ∧ Barks(x)): the possessive is read like
 * `a dog of John` (the relation is named as for `citizen of`; uniqueness is not represented).
 */
export function possessives(g: Grammar, p: number): Reading<NounPhrase>[] {
  const out: Reading<NounPhrase>[] = [];
  for (const owner of possessor(g, p)) {
    const ownerTerm = constant(owner.value);
    for (const nom of g.nominal(owner.pos + 1)) {
      out.push(
        sequence(
          owner,
          nom,
          quantified(
            'some',
            ownedBy(nom.value, () => ownerTerm),
            nom.value.number,
          ),
        ),
      );
    }
  }
  return out;
}

/** `John loves his dog`, `If a man is rich, his car is new`: owned by the clause's subject or the referent. */
export function possessiveDeterminers(g: Grammar, p: number, role: NounPhraseRole): Reading<NounPhrase>[] {
  const w = g.lower(p) ?? '';
  if (!POSSESSIVE_DETERMINERS.has(w) || (role !== 'object' && g.anaphora === undefined)) return [];
  const start = g.is(p + 1, 'own') ? p + 2 : p + 1;
  return g.nominal(start).map((nom) => ({
    ...nom,
    value: quantified(
      'some',
      ownedBy(nom.value, (ctx) => ctx.subject ?? ctx.referent ?? constant(w)),
      nom.value.number,
    ),
  }));
}
