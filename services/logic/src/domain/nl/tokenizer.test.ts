import { describe, expect, it } from 'vitest';
import { splitSentences, tokenizeSentence } from './tokenizer.js';

describe('splitSentences', () => {
  it('splits on sentence-final punctuation only', () => {
    expect(splitSentences('All men are mortal. Socrates is a man!  Is he? ')).toEqual(['All men are mortal', 'Socrates is a man', 'Is he']);
  });
  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n ')).toEqual([]);
  });
});

describe('tokenizeSentence', () => {
  it('expands contractions and keeps commas', () => {
    const words = tokenizeSentence("If Tweety isn't a bird, then Tweety can't fly.").tokens.map((t) => t.lower);
    expect(words).toEqual(['if', 'tweety', 'is', 'not', 'a', 'bird', ',', 'then', 'tweety', 'can', 'not', 'fly']);
  });
  it('marks capitalised and sentence-initial words', () => {
    const [first, second] = tokenizeSentence('John loves').tokens;
    expect(first).toEqual({ text: 'John', lower: 'john', capitalized: true, sentenceInitial: true });
    expect(second).toEqual({ text: 'loves', lower: 'loves', capitalized: false, sentenceInitial: false });
  });

  it('splits possessives, keeps number groups and reads curly apostrophes', () => {
    const words = tokenizeSentence("Sally’s company sold 500,000 cars in the teachers' town; it's 2.5").tokens.map((t) => t.text);
    expect(words).toEqual(['Sally', "'s", 'company', 'sold', '500,000', 'cars', 'in', 'the', 'teachers', "'", 'town', 'it', 'is', '2.5']);
  });
});
