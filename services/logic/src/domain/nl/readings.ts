/** Building blocks for readings (parse results) and the formulas they denote. */
import { and, type Formula, type Term } from '../formula.js';
import type { BuildContext, GrammaticalNumber, Reading } from './grammar-types.js';

/** Readings per nonterminal call are capped so that long, ambiguous sentences stay fast. */
export const MAX_READINGS = 48;

export const TRUE: Formula = { kind: 'true' };

/** Conjunction that drops a `true` side (an empty restriction). */
export function conj(a: Formula, b: Formula): Formula {
  if (a.kind === 'true') return b;
  if (b.kind === 'true') return a;
  return and(a, b);
}

export function agreementCost(expected: GrammaticalNumber, actual: GrammaticalNumber): number {
  return expected === 'any' || actual === 'any' || expected === actual ? 0 : 1;
}

export function reading<T>(value: T, pos: number, cost = 0, skipped: readonly string[] = []): Reading<T> {
  return { value, pos, cost, skipped };
}

/** A reading spanning `first` then `second`: ends where `second` ends, adds their costs and skipped words. */
export function sequence<V>(
  first: Reading<unknown>,
  second: Reading<unknown>,
  value: V,
  extraCost = 0,
): Reading<V> {
  return {
    value,
    pos: second.pos,
    cost: first.cost + second.cost + extraCost,
    skipped: [...first.skipped, ...second.skipped],
  };
}

/** Keeps the cheapest MAX_READINGS readings (stable, so earlier rules win ties). */
export function cap<T>(readings: Reading<T>[]): Reading<T>[] {
  if (readings.length <= MAX_READINGS) return readings;
  return [...readings].sort((a, b) => a.cost - b.cost).slice(0, MAX_READINGS);
}

/** Builds a verb's object with `subject` as the owner of a possessive determiner in it (`loves his dog`). */
export function withSubject(ctx: BuildContext, subject: Term, build: () => Formula): Formula {
  const saved = ctx.subject;
  ctx.subject = subject;
  const f = build();
  ctx.subject = saved;
  return f;
}
