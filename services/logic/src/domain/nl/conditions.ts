/**
 * Conditions: `if … (,) then …` (a donkey conditional when the if-clause's subject is indefinite),
 * `unless B, A`, and postposed connectives `A if B`, `A only if B`, `A if and only if B`,
 * `A unless B`, `A when B`, read as universal conditions when A's subject is indefinite.
 */
import { forall, iff, implies, not, variable, type Formula } from '../formula.js';
import { afterClause, frameAfter, frameOf, withReferent } from './anaphora.js';
import type { AnaphoraFrame, Grammar, Reading, SentenceSem } from './grammar-types.js';
import { conj, sequence } from './readings.js';

/** The consequent after an if-clause ending at q: `, then S`, `then S` or `, S`. */
function consequents(g: Grammar, q: number, frame: AnaphoraFrame | undefined): Reading<SentenceSem>[] {
  let r = g.skipComma(q);
  if (g.is(r, 'then')) r += 1;
  else if (r === q) return [];
  return frame === undefined ? g.sentence(r) : g.withAntecedent(frame, () => g.sentence(r));
}

export function conditional(g: Grammar, p: number): Reading<SentenceSem>[] {
  const out: Reading<SentenceSem>[] = [];
  // Donkey conditional: `If something is a man, then it is mortal` = ∀x (Man(x) → Mortal(x)).
  for (const subject of g.nounPhrase(p, 'subject')) {
    const np = subject.value;
    if (!np.indefinite || np.restriction === undefined) continue;
    const restriction = np.restriction;
    for (const vp of g.verbPhraseCoordination(subject.pos, np.number)) {
      for (const c of consequents(g, vp.pos, frameOf(np))) {
        out.push({
          value: (ctx) => {
            const v = ctx.fresh();
            const t = variable(v);
            return withReferent(ctx, t, () =>
              forall([v], implies(conj(restriction(ctx, t), vp.value(ctx, t)), c.value(ctx))),
            );
          },
          pos: c.pos,
          cost: subject.cost + vp.cost + c.cost,
          skipped: [...subject.skipped, ...vp.skipped, ...c.skipped],
        });
      }
    }
  }
  // `If John is a man, then he is mortal`: the clause's subject is the referent (see clause()).
  for (const a of g.clauseCoordination(p)) {
    for (const c of consequents(g, a.pos, frameAfter(g, a))) {
      out.push(sequence(a, c, (ctx) => implies(a.value(ctx), c.value(ctx))));
    }
  }
  return out;
}

/** `Unless B, A` = ¬B → A. */
export function prefixedUnless(g: Grammar, p: number): Reading<SentenceSem>[] {
  const out: Reading<SentenceSem>[] = [];
  for (const b of g.clauseCoordination(p)) {
    const q = g.skipComma(b.pos);
    if (q === b.pos) continue;
    for (const a of afterClause(g, b, () => g.sentence(q))) {
      out.push(sequence(b, a, (ctx) => implies(not(b.value(ctx)), a.value(ctx))));
    }
  }
  return out;
}

type Connective = 'iff' | 'if' | 'onlyif' | 'unless';

/** A postposed connective at q (after an optional comma) and where its clause starts. */
function connectiveAt(g: Grammar, q: number): { kind: Connective; next: number } | undefined {
  const r = g.skipComma(q);
  if (g.is(r, 'if') && g.is(r + 1, 'and') && g.is(r + 2, 'only') && g.is(r + 3, 'if'))
    return { kind: 'iff', next: r + 4 };
  if (g.is(r, 'only') && g.is(r + 1, 'if')) return { kind: 'onlyif', next: r + 2 };
  if (g.is(r, 'if', 'when', 'whenever')) return { kind: 'if', next: r + 1 };
  if (g.is(r, 'unless')) return { kind: 'unless', next: r + 1 };
  return undefined;
}

/** `A if B` = B → A; `A only if B` = A → B; `A if and only if B` = A ↔ B; `A unless B` = ¬B → A. */
function connect(kind: Connective, a: Formula, b: Formula): Formula {
  switch (kind) {
    case 'iff':
      return iff(a, b);
    case 'if':
      return implies(b, a);
    case 'onlyif':
      return implies(a, b);
    case 'unless':
      return implies(not(b), a);
  }
}

export function postposedConnective(g: Grammar, main: Reading<SentenceSem>): Reading<SentenceSem>[] {
  const connective = connectiveAt(g, main.pos);
  if (connective === undefined) return [];
  return afterClause(g, main, () => g.clauseCoordination(connective.next)).map((b) =>
    sequence(main, b, (ctx) => {
      const a = main.value(ctx);
      return connect(connective.kind, a, b.value(ctx));
    }),
  );
}

/**
 * A postposed condition on an indefinite or generic subject is a donkey conditional:
 * `A horse is a racehorse if it is in a race` = ∀x (Horse(x) ∧ InRace(x) → Racehorse(x)).
 */
export function postposedConditional(g: Grammar, p: number): Reading<SentenceSem>[] {
  const out: Reading<SentenceSem>[] = [];
  for (const subject of g.nounPhrase(p, 'subject')) {
    const np = subject.value;
    if (!np.indefinite || np.restriction === undefined) continue;
    const restriction = np.restriction;
    for (const vp of g.verbPhraseCoordination(subject.pos, np.number)) {
      const connective = connectiveAt(g, vp.pos);
      if (connective === undefined) continue;
      for (const b of g.withAntecedent(frameOf(np), () => g.clauseCoordination(connective.next))) {
        out.push({
          value: (ctx) => {
            const v = ctx.fresh();
            const t = variable(v);
            return withReferent(ctx, t, () => {
              const r = restriction(ctx, t);
              const a = vp.value(ctx, t);
              const condition = b.value(ctx);
              if (connective.kind === 'iff')
                return forall([v], r.kind === 'true' ? iff(a, condition) : implies(r, iff(a, condition)));
              if (connective.kind === 'onlyif') return forall([v], implies(conj(r, a), condition));
              return forall(
                [v],
                implies(conj(r, connective.kind === 'unless' ? not(condition) : condition), a),
              );
            });
          },
          pos: b.pos,
          cost: subject.cost + vp.cost + b.cost,
          skipped: [...subject.skipped, ...vp.skipped, ...b.skipped],
        });
      }
    }
  }
  return out;
}
