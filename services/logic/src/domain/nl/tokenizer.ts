/**
 * Splits controlled-English text into sentences and word tokens. Contractions are expanded
 * (`isn't` → `is not`, `cannot` → `can not`) so the grammar sees one spelling of each construction.
 */

export interface WordToken {
  /** The word as written (contractions expanded). */
  readonly text: string;
  /** Lower-cased form used for matching closed-class words. */
  readonly lower: string;
  /** True when the word starts with an upper-case letter. */
  readonly capitalized: boolean;
  /** True for the first word of a sentence, whose capital letter says nothing about names. */
  readonly sentenceInitial: boolean;
}

export interface Sentence {
  /** The sentence text as written, trimmed, without its final punctuation. */
  readonly text: string;
  readonly tokens: readonly WordToken[];
}

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcan't\b/gi, 'can not'],
  [/\bcannot\b/gi, 'can not'],
  [/\bwon't\b/gi, 'will not'],
  [/\b(is|are|was|were|does|do|did|has|have)n't\b/gi, '$1 not'],
];

/**
 * Splits on sentence-final punctuation (. ! ? ;) followed by space or end of text. Abbreviations
 * are not part of the controlled language, so a period always ends a sentence.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/[.!?;]+(?=\s|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Tokenizes one sentence into words; commas are kept as their own token, other punctuation is dropped. */
export function tokenizeSentence(sentence: string): Sentence {
  let expanded = sentence.trim().replace(/[.!?;]+$/, '');
  for (const [pattern, replacement] of CONTRACTIONS) expanded = expanded.replace(pattern, replacement);
  const raw = expanded.match(/[A-Za-z][A-Za-z'-]*|[0-9]+|,/g) ?? [];
  const tokens = raw.map((text, index) => ({
    text,
    lower: text.toLowerCase(),
    capitalized: /^[A-Z]/.test(text),
    sentenceInitial: index === 0,
  }));
  return { text: sentence.trim().replace(/[.!?;]+$/, ''), tokens };
}

/** Splits text into tokenized sentences. */
export function tokenizeText(text: string): Sentence[] {
  return splitSentences(text).map(tokenizeSentence);
}
