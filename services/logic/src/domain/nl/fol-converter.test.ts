import { describe, expect, it } from 'vitest';
import { FOLConverter, convertBatch } from './fol-converter.js';

const converter = new FOLConverter();
describe('FOLConverter goldens (issue 5)', () => {
  it.each([
    ['All cats are animals', '∀x (Cat(x) → Animal(x))'],
    ['Socrates is a man', 'Man(socrates)'],
    ['Some birds can fly', '∃x (Bird(x) ∧ Fly(x))'],
    ['No dogs are cats', '∀x (Dog(x) → ¬Cat(x))'],
  ])('converts "%s" to %s', (text, expected) => {
    const result = converter.convert(text);
    expect(result.fol).toBe(expected);
    expect(result.success).toBe(true);
    expect(result.confidence).toBe(1);
    expect(result.warnings).toEqual([]);
  });
});

describe('FOLConverter coverage', () => {
  it.each([
    ['Every cat is an animal', '∀x (Cat(x) → Animal(x))'],
    ['Each student is happy', '∀x (Student(x) → Happy(x))'],
    ['A dog barks', '∃x (Dog(x) ∧ Barks(x))'],
    ['Cats are animals', '∀x (Cat(x) → Animal(x))'],
    ['All men are mortal', '∀x (Man(x) → Mortal(x))'],
    ['Socrates is mortal', 'Mortal(socrates)'],
    ['John loves Mary', 'Loves(john, mary)'],
    ['Every man loves some woman', '∀x (Man(x) → ∃y (Woman(y) ∧ Loves(x, y)))'],
    ['All men who are wise are happy', '∀x (Man(x) ∧ Wise(x) → Happy(x))'],
    ['Every student that reads books passes', '∀x (Student(x) ∧ ∃y (Book(y) ∧ Reads(x, y)) → Passes(x))'],
    ['If Socrates is a man then Socrates is mortal', 'Man(socrates) → Mortal(socrates)'],
    ['If something is a man, then it is mortal', '∀x (Man(x) → Mortal(x))'],
    ['Socrates is not happy', '¬Happy(socrates)'],
    ['John does not love Mary', '¬Loves(john, mary)'],
    ['Some birds cannot fly', '∃x (Bird(x) ∧ ¬Fly(x))'],
    ['Nobody loves Mary', '∀x ¬Loves(x, mary)'],
    ['Not all birds fly', '¬∀x (Bird(x) → Flies(x))'],
    ['Socrates is wise and happy', 'Wise(socrates) ∧ Happy(socrates)'],
    ['John is happy or Mary is sad', 'Happy(john) ∨ Sad(mary)'],
    ['Either John is happy or John is sad', 'Happy(john) ⊕ Sad(john)'],
    ['John is either happy or sad', 'Happy(john) ⊕ Sad(john)'],
    ['Rina is neither a student nor unaware', '¬Student(rina) ∧ ¬Unaware(rina)'],
    ['John and Mary are happy', 'Happy(john) ∧ Happy(mary)'],
    ['Birds fly', '∀x (Bird(x) → Flies(x))'],
    ['Every big dog barks', '∀x (Big(x) ∧ Dog(x) → Barks(x))'],
    ['John lives in Paris', 'LivesIn(john, paris)'],
    ['Socrates is Plato', 'socrates = plato'],
    ['There is a cat that sleeps', '∃x (Cat(x) ∧ Sleeps(x))'],
    ['It is not the case that Socrates is a god', '¬God(socrates)'],
    ['Tom is a citizen of Lawton Park', 'Citizen(tom) ∧ CitizenOf(tom, lawton_park)'],
    ['William Dickinson sat in the House of Commons', 'SatIn(william_dickinson, house_of_commons)'],
    ['The Emmet Building was built in 1915', 'BuiltIn(emmet_building, 1915)'],
    ['John published a poem', '∃x (Poem(x) ∧ Published(john, x))'],
    ['John drinks coffee', 'Drinks(john, coffee)'],
    ['Every legislator will be suspended', '∀x (Legislator(x) → Suspended(x))'],
    ['People who drink coffee are dependent on caffeine', '∀x (Person(x) ∧ Drinks(x, coffee) → DependentOn(x, caffeine))'],
  ])('converts "%s" to %s', (text, expected) => {
    const result = converter.convert(text);
    expect(result.fol).toBe(expected);
    expect(result.success).toBe(true);
  });

  it('returns the AST beside the printed formula', () => {
    expect(converter.convert('Socrates is a man').formulas).toEqual([
      { kind: 'pred', name: 'Man', args: [{ kind: 'const', name: 'socrates' }] },
    ]);
  });

  it('converts every sentence of a multi-sentence text', () => {
    const result = converter.convert('All men are mortal. Socrates is a man.');
    expect(result.fol).toBe('∀x (Man(x) → Mortal(x))\nMan(socrates)');
    expect(result.formulas).toHaveLength(2);
    expect(result.sentences.map((s) => s.status)).toEqual(['parsed', 'parsed']);
  });
});

describe('FOLConverter confidence', () => {
  it('is the share of tokens covered when one sentence cannot be read', () => {
    const result = converter.convert('All cats are animals. Of of of.');
    expect(result.success).toBe(false);
    expect(result.fol).toBe('∀x (Cat(x) → Animal(x))');
    expect(result.confidence).toBe(4 / 7);
    expect(result.warnings).toEqual(['"Of of of": outside the controlled-English grammar; not converted']);
  });

  it('drops for ignored trailing words and counts skipped adverbs as uncovered', () => {
    const partial = converter.convert('Socrates is a man of of');
    expect(partial.success).toBe(false);
    expect(partial.sentences[0]?.status).toBe('partial');
    expect(partial.confidence).toBe(4 / 6);
    const adverb = converter.convert('John quickly reads books');
    expect(adverb.fol).toBe('∃x (Book(x) ∧ Reads(john, x))');
    expect(adverb.confidence).toBe(3 / 4);
  });

  it('is zero with success false for empty input', () => {
    const result = converter.convert('   ');
    expect(result).toMatchObject({ success: false, fol: '', confidence: 0, warnings: ['no sentence to convert'] });
  });

  it('rejects input over the size limit naming the field', () => {
    const small = new FOLConverter({ maxInputSize: 10 });
    expect(() => small.convert('All cats are animals')).toThrow(expect.objectContaining({ code: 'LOGIC_INPUT_TOO_LARGE', field: 'text', statusCode: 413 }));
  });
});

describe('convertBatch', () => {
  it('keeps input order and lets one bad item fail alone', () => {
    const items = convertBatch(['Socrates is a man', 'x'.repeat(20), 'No dogs are cats'], new FOLConverter({ maxInputSize: 19 }));
    expect(items.map((i) => (i.ok ? i.result.fol : i.error.code))).toEqual(['Man(socrates)', 'LOGIC_INPUT_TOO_LARGE', '∀x (Dog(x) → ¬Cat(x))']);
  });
});
