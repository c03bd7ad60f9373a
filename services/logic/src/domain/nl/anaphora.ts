/**
 * Anaphora across clauses: which antecedent frame a clause opens for the rest of the sentence, and
 * the referent pronouns resolve to while a formula is built.
 */
import type { Formula, Term } from '../formula.js';
import type {
  AnaphoraFrame,
  BuildContext,
  Grammar,
  NounPhrase,
  Reading,
  SentenceSem,
} from './grammar-types.js';

/** A frame for pronouns only (the antecedent is a name, or a clause). */
export const PRONOUN_FRAME: AnaphoraFrame = { nominal: '' };

/** Pronouns after a clause need an antecedent: a named subject in it, or an enclosing frame. */
export function frameAfter(g: Grammar, clause: Reading<SentenceSem>): AnaphoraFrame | undefined {
  return clause.introducesReferent === true ? (g.anaphora ?? PRONOUN_FRAME) : undefined;
}

/** Parses what follows `clause`, with pronouns allowed when it introduced a referent. */
export function afterClause<T>(g: Grammar, clause: Reading<SentenceSem>, parse: () => T): T {
  const frame = frameAfter(g, clause);
  return frame === undefined ? parse() : g.withAntecedent(frame, parse);
}

/** The frame an indefinite subject opens: pronouns and `the/this/that N` with the same noun. */
export function frameOf(np: NounPhrase): AnaphoraFrame {
  return { nominal: np.nominalWords ?? '' };
}

/** Builds `scope` with the referent of later pronouns set to `t`, restoring the previous referent. */
export function withReferent(ctx: BuildContext, t: Term, scope: () => Formula): Formula {
  const saved = ctx.referent;
  ctx.referent = t;
  const f = scope();
  ctx.referent = saved;
  return f;
}
