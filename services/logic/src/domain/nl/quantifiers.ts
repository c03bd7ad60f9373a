/** Noun-phrase denotations: a named individual, and the quantifiers over a nominal. */
import { constant, exists, forall, implies, not, variable, type Formula } from '../formula.js';
import type { BuildContext, GrammaticalNumber, Nominal, NounPhrase } from './grammar-types.js';
import { conj } from './readings.js';

/**
 * `any` is universal in a positive context (`John eats any fruit`) and existential under a
 * negation (`John does not eat any fruit` = ¬∃x …), as a negative-polarity item.
 */
export type QuantifierKind = 'all' | 'some' | 'no' | 'notall' | 'any';

/** A noun phrase denoting one individual, the constant `name`. */
export function named(name: string): NounPhrase {
  const c = constant(name);
  return {
    number: 'sg',
    restriction: undefined,
    indefinite: false,
    individual: c,
    build: (_ctx, scope) => scope(c),
  };
}

/** `generic` marks a bare plural subject (`Cats are animals`), which an if-clause reads like `a cat`. */
export function quantified(
  kind: QuantifierKind,
  nom: Nominal,
  number: GrammaticalNumber,
  generic = false,
): NounPhrase {
  const restriction = nom.restriction;
  return {
    number,
    restriction,
    // `any N` binds a pronoun like `a N`: `If anyone is late, they wait` = ∀x (Late(x) → Waits(x)).
    indefinite: kind === 'some' || kind === 'any' || generic,
    nominalWords: nom.words.join(' '),
    build: (ctx, scope) => {
      const v = ctx.fresh();
      const t = variable(v);
      const r = restriction(ctx, t);
      switch (kind === 'any' ? (ctx.negative ? 'some' : 'all') : kind) {
        case 'all':
          return forall([v], r.kind === 'true' ? scope(t) : implies(r, scope(t)));
        case 'some':
          return exists([v], conj(r, scope(t)));
        case 'no':
          return forall(
            [v],
            r.kind === 'true'
              ? not(negatively(ctx, () => scope(t)))
              : implies(r, not(negatively(ctx, () => scope(t)))),
          );
        default:
          return not(
            forall(
              [v],
              r.kind === 'true'
                ? negatively(ctx, () => scope(t))
                : implies(
                    r,
                    negatively(ctx, () => scope(t)),
                  ),
            ),
          );
      }
    },
  };
}

/** Builds under a negation: `any` inside is existential (`No one loves anything` = ∀x ¬∃y Loves(x, y)). */
export function negatively(ctx: BuildContext, build: () => Formula): Formula {
  const saved = ctx.negative;
  ctx.negative = !saved;
  const f = build();
  ctx.negative = saved;
  return f;
}
