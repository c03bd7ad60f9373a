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
  [/\b(they|we|you)'re\b/gi, '$1 are'],
  [/\b(it|there|that)'s\b/gi, '$1 is'],
];

/** A possessive ending, split off as its own token: `John's` → `John` `'s`, `teachers'` → `teachers` `'`. */
const POSSESSIVE = /^(.*[a-z])('s|')$/i;

/**
 * Splits on sentence-final punctuation (. ! ? ;) followed by space or end of text. Abbreviations
 * are not part of the controlled language, so a period ends a sentence, except after the titles
 * Mr, Mrs, Ms, Dr, Prof, St, Jr and Sr (`Mr. Smith`).
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr))[.!?;]+(?=\s|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Tokenizes one sentence into words; commas are kept as their own token, other punctuation is dropped. */
export function tokenizeSentence(sentence: string): Sentence {
  // Accents are dropped (`Górnik` → `Gornik`): predicate and constant names are ASCII.
  let expanded = sentence
    .trim()
    .replace(/[.!?;]+$/, '')
    .replace(/[\u2018\u2019]/g, "'")
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // `he/she` is one pronoun.
    .replace(/\b(he|she|him|her|his)\/(he|she|him|her|his|hers)\b/gi, '$1');
  for (const [pattern, replacement] of CONTRACTIONS) expanded = expanded.replace(pattern, replacement);
  // Numbers keep their digit-group commas and decimal points (`500,000`, `2.5`).
  // Words may mix letters and digits and contain hyphens (`iPod1`, `A-2017`, `type-c`).
  const raw = (expanded.match(/[0-9]+(?:[.,][0-9]+)*(?![A-Za-z0-9'-])|[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*'?|,/g) ?? []).flatMap((word) => {
    const possessive = POSSESSIVE.exec(word);
    return possessive?.[1] !== undefined && possessive[2] !== undefined ? [possessive[1], possessive[2]] : [word];
  });
  const tokens = raw.map((text, index) => ({
    text,
    // A capital letter on its own inside a sentence is a name (`Tower A`, `Plan B`, `an A`), never
    // the article, so it keeps its case and matches no closed-class word.
    lower: index > 0 && /^[A-Z]$/.test(text) ? text : text.toLowerCase(),
    // `iPod`, `eBay`: a capital after a lower-case prefix marks a name too.
    capitalized: /^[A-Z]|^[a-z]+[A-Z]/.test(text),
    sentenceInitial: index === 0,
  }));
  return { text: sentence.trim().replace(/[.!?;]+$/, ''), tokens };
}

/** Splits text into tokenized sentences. */
export function tokenizeText(text: string): Sentence[] {
  return splitSentences(text).map(tokenizeSentence);
}
