/**
 * Sentence-level rules: the sentence (conditions, see conditions.ts; paired clauses `either … or
 * …`, `neither … nor …`; `it is not the case that …`; `only N V`), clause coordination with
 * pronouns referring back, and the clause itself (subject + verb phrase, `there is/are (no) …`).
 */
import { eq, exists, forall, implies, not, variable } from '../formula.js';
import { joinerConnective, mergeSentences, pairedReadings } from './coordination.js';
import type { BuildContext, Grammar, PredicateSem, Reading, SentenceSem } from './grammar-types.js';
import { afterClause } from './anaphora.js';
import { conditional, postposedConditional, postposedConnective, prefixedUnless } from './conditions.js';
import { sequence, TRUE } from './readings.js';

export function sentence(g: Grammar, p: number): Reading<SentenceSem>[] {
  return g.memoized(`s${p}`, () => {
    const out: Reading<SentenceSem>[] = [];
    // Generic `when`/`whenever` clauses are conditions: `When it rains, John stays in`.
    if (g.is(p, 'if', 'when', 'whenever')) out.push(...conditional(g, p + 1));
    if (g.is(p, 'unless')) out.push(...prefixedUnless(g, p + 1));
    out.push(
      ...pairedReadings(
        g,
        p,
        ['either', 'neither'],
        (q) => g.clause(q),
        mergeSentences,
        (q, first) => afterClause(g, first, () => g.clause(q)),
      ),
    );
    // `It is not the case that S`, `It is not true that S` = ¬S.
    const notCase =
      g.is(p + 3, 'the') && g.is(p + 4, 'case') ? p + 5 : g.is(p + 3, 'true') ? p + 4 : undefined;
    if (
      g.is(p, 'it') &&
      g.is(p + 1, 'is') &&
      g.is(p + 2, 'not') &&
      notCase !== undefined &&
      g.is(notCase, 'that')
    ) {
      for (const r of g.sentence(notCase + 1)) out.push({ ...r, value: (ctx) => not(r.value(ctx)) });
    }
    if (g.is(p, 'only')) out.push(...onlyClause(g, p + 1));
    for (const main of g.clauseCoordination(p)) {
      out.push(main);
      out.push(...postposedConnective(g, main));
    }
    // After the readings above, so that `Maya plays violin if …` is about Maya, not about all `Maya plays`.
    out.push(...postposedConditional(g, p));
    return out;
  });
}

/** `Only N V` = ∀x (V(x) → N(x)); `Only John V` = ∀x (V(x) → x = john). */
function onlyClause(g: Grammar, p: number): Reading<SentenceSem>[] {
  const out: Reading<SentenceSem>[] = [];
  for (const subject of g.nounPhrase(p, 'subject')) {
    const np = subject.value;
    const individual = np.individual;
    const restriction: PredicateSem | undefined =
      individual !== undefined ? (_ctx, t) => eq(t, individual) : np.restriction;
    if (restriction === undefined) continue;
    for (const vp of g.verbPhraseCoordination(subject.pos, np.number)) {
      out.push(
        sequence(subject, vp, (ctx) => {
          const v = ctx.fresh();
          const t = variable(v);
          return forall([v], implies(vp.value(ctx, t), restriction(ctx, t)));
        }),
      );
    }
  }
  return out;
}

export function clauseCoordination(g: Grammar, p: number): Reading<SentenceSem>[] {
  return g.memoized(`cc${p}`, () => {
    const out: Reading<SentenceSem>[] = [];
    for (const first of g.clause(p)) {
      out.push(first);
      const q = g.skipComma(first.pos);
      const joiner = g.lower(q);
      const combine = joinerConnective(joiner);
      if (combine === undefined) continue;
      // A later conjunct may refer back to an earlier one's subject: `John is rich and he is happy`.
      for (const rest of afterClause(g, first, () => g.clauseCoordination(q + 1))) {
        const joined = sequence(first, rest, mergeSentences(combine, first.value, rest.value));
        out.push(
          first.introducesReferent === true || rest.introducesReferent === true
            ? { ...joined, introducesReferent: true }
            : joined,
        );
      }
    }
    return out;
  });
}

export function clause(g: Grammar, p: number): Reading<SentenceSem>[] {
  return g.memoized(`c${p}`, () => {
    const out: Reading<SentenceSem>[] = [];
    // Existential `There is a man who ...`, `There are dogs that ...`; `There is no N` = ¬∃x N(x);
    // `There is not a N` = ¬∃x N(x).
    if (g.is(p, 'there') && g.is(p + 1, 'is', 'are', 'was', 'were') && g.is(p + 2, 'not')) {
      for (const np of g.nounPhrase(p + 3, 'object')) {
        out.push({ ...np, value: (ctx) => not(np.value.build(ctx, () => TRUE)) });
      }
    }
    if (g.is(p, 'there') && g.is(p + 1, 'is', 'are', 'was', 'were')) {
      if (g.is(p + 2, 'no')) {
        for (const nom of g.nominal(p + 3)) {
          out.push({
            ...nom,
            value: (ctx) => {
              const v = ctx.fresh();
              return not(exists([v], nom.value.restriction(ctx, variable(v))));
            },
          });
        }
      } else {
        for (const np of g.nounPhrase(p + 2, 'object')) {
          out.push({ ...np, value: (ctx) => np.value.build(ctx, () => TRUE) });
        }
      }
    }
    for (const subject of g.nounPhrase(p, 'subject')) {
      const individual = subject.value.individual;
      for (const vp of g.verbPhraseCoordination(subject.pos, subject.value.number)) {
        const r = sequence(subject, vp, (ctx: BuildContext) => {
          const f = subject.value.build(ctx, (t) => vp.value(ctx, t));
          // What the clause was about is what a later `he`/`it`/`they` refers to.
          if (individual !== undefined) ctx.referent = individual;
          return f;
        });
        out.push(individual === undefined ? r : { ...r, introducesReferent: true });
      }
    }
    return out;
  });
}
