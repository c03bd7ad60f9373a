/**
 * Adverbials the grammar steps over: tense, time and focus are not represented in the FOL, so
 * `John also reads books` reads as `John reads books`. Each one is recorded as skipped, which
 * lowers the converter's confidence and adds a warning. Only adverbs whose sentence entails the
 * sentence without them are stepped over; quantifying or hedging ones (`often`, `usually`,
 * `rarely`, `probably`) change what is claimed, so a sentence with them is not read. `never` is
 * not here: it is negation.
 */
import type { Grammar } from './grammar-types.js';
import { NOT_ENTAILING_ADVERBS } from './lexicon.js';

const ADVERBS = new Set([
  'also',
  'only',
  'always',
  'still',
  'even',
  'just',
  'already',
  'now',
  'ever',
  'too',
  'well',
  'together',
  'again',
  'very',
  'today',
  'currently',
  // Floated `both` (`are both British`) adds nothing to a conjoined subject.
  'both',
  // `splash water around`: a particle after the object.
  'around',
  'away',
]);

const TIME_NOUNS = new Set([
  'day',
  'week',
  'month',
  'year',
  'morning',
  'evening',
  'night',
  'weekend',
  'time',
  'hour',
  'season',
]);

/** A one-word adverb at p: one of the list above, or an open-class word in -ly (`regularly`). */
function isAdverbWord(g: Grammar, p: number): boolean {
  const w = g.lower(p);
  if (w === undefined) return false;
  return (
    ADVERBS.has(w) ||
    (w.length > 4 && w.endsWith('ly') && !NOT_ENTAILING_ADVERBS.has(w) && g.isContentWord(p))
  );
}

/**
 * Where an adverbial starting at p ends (p when there is none): an adverb, `every/each/this/next/last`
 * + a time noun (`every day`), `once/twice (a week)`, `at least once (a week)`, `a lot`.
 */
export function adverbialEnd(g: Grammar, p: number): number {
  if (isAdverbWord(g, p)) return p + 1;
  const timeNoun = (q: number): boolean => TIME_NOUNS.has(g.lower(q) ?? '');
  if (g.is(p, 'every', 'each', 'this', 'next', 'last') && timeNoun(p + 1)) return p + 2;
  const frequency = g.is(p, 'at') && g.is(p + 1, 'least') && g.is(p + 2, 'once', 'twice') ? p + 2 : p;
  if (g.is(frequency, 'once', 'twice'))
    return g.is(frequency + 1, 'a', 'every', 'per') && timeNoun(frequency + 2)
      ? frequency + 3
      : frequency + 1;
  if (g.is(p, 'a') && g.is(p + 1, 'lot') && !g.is(p + 2, 'of')) return p + 2;
  return p;
}

/** The words of the adverbial from p to end, as one skipped phrase. */
export function adverbialText(g: Grammar, p: number, end: number): string {
  return g.tokens
    .slice(p, end)
    .map((t) => t.text)
    .join(' ');
}
