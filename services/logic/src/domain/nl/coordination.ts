/**
 * Coordination, shared by clauses, verb phrases and complements: lists joined by `and`/`or`
 * (right-nested: `A and B or C` = A ∧ (B ∨ C)) and the paired forms `either … or` (⊕),
 * `neither … nor` (¬A ∧ ¬B) and `both … and` (∧).
 */
import { and, not, or, xor, type Formula } from '../formula.js';
import type { Grammar, PredicateSem, Reading, SentenceSem } from './grammar-types.js';
import { sequence } from './readings.js';

export type Connective = (a: Formula, b: Formula) => Formula;

/** Opening word → closing word and connective of the paired coordinations. */
export const PAIRED_COORDINATIONS: Readonly<
  Record<string, { readonly joiner: string; readonly combine: Connective }>
> = {
  either: { joiner: 'or', combine: xor },
  neither: { joiner: 'nor', combine: (a, b) => and(not(a), not(b)) },
  both: { joiner: 'and', combine: and },
};

/** `and` and `but` (the same truth conditions) are ∧, `or` is ∨; anything else joins nothing. */
export function joinerConnective(joiner: string | undefined): Connective | undefined {
  if (joiner === 'and' || joiner === 'but') return and;
  return joiner === 'or' ? or : undefined;
}

/** Combines two semantic values with a connective (values are functions building formulas). */
export type Merge<V> = (combine: Connective, a: V, b: V) => V;

export const mergeSentences: Merge<SentenceSem> = (combine, a, b) => (ctx) => combine(a(ctx), b(ctx));
export const mergePredicates: Merge<PredicateSem> = (combine, a, b) => (ctx, t) =>
  combine(a(ctx, t), b(ctx, t));

/**
 * `opener A (,) joiner B` where opener is one of `openers` at p; A is read by `item`, B by
 * `second` (default `item`), which sees A (so that B may refer back to it).
 */
export function pairedReadings<V>(
  g: Grammar,
  p: number,
  openers: readonly string[],
  item: (q: number) => Reading<V>[],
  merge: Merge<V>,
  second: (q: number, first: Reading<V>) => Reading<V>[] = item,
): Reading<V>[] {
  const out: Reading<V>[] = [];
  const opener = g.lower(p);
  const paired = opener !== undefined && openers.includes(opener) ? PAIRED_COORDINATIONS[opener] : undefined;
  if (paired === undefined) return out;
  for (const a of item(p + 1)) {
    const q = g.skipComma(a.pos);
    if (!g.is(q, paired.joiner)) continue;
    for (const b of second(q + 1, a)) out.push(sequence(a, b, merge(paired.combine, a.value, b.value)));
  }
  return out;
}

/** `A ((,) and|or rest)?`: every item alone, then joined to each reading of the rest of the list. */
export function listReadings<V>(
  g: Grammar,
  p: number,
  item: (q: number) => Reading<V>[],
  rest: (q: number) => Reading<V>[],
  merge: Merge<V>,
): Reading<V>[] {
  const out: Reading<V>[] = [];
  for (const first of item(p)) {
    out.push(first);
    const q = g.skipComma(first.pos);
    const joiner = g.lower(q);
    const combine = joinerConnective(joiner);
    if (combine === undefined) continue;
    for (const r of rest(q + 1)) out.push(sequence(first, r, merge(combine, first.value, r.value)));
  }
  return out;
}
