import { describe, expect, it } from 'vitest';
import { FOLConverter } from '../src/domain/nl/index.js';
import { eproverEngine } from '../scripts/eprover-engine.js';

const converter = new FOLConverter();

async function entails(premises: string, conclusion: string): Promise<string> {
  const axioms = converter.convert(premises).formulas;
  const [conjecture] = converter.convert(conclusion).formulas;
  if (conjecture === undefined) throw new Error(`could not convert ${conclusion}`);
  return eproverEngine.prove({ axioms, conjecture }, 10);
}

describe('NL → FOL → eprover end to end', () => {
  it('proves the Socrates syllogism (issue 5)', async () => {
    expect(await entails('All men are mortal. Socrates is a man.', 'Socrates is mortal')).toBe('Theorem');
  });

  it('does not prove Socrates mortal without the fact that he is a man', async () => {
    expect(await entails('All men are mortal.', 'Socrates is mortal')).toBe('CounterSatisfiable');
  });

  it('chains a relative clause, a transitive verb and negation', async () => {
    const premises = 'Every student that reads books passes. John is a student. John reads Ulysses. Ulysses is a book.';
    expect(await entails(premises, 'John passes')).toBe('Theorem');
    expect(await entails('No dogs are cats. Rex is a dog.', 'Rex is not a cat')).toBe('Theorem');
  });

  it('proves through passives, only, unless and pronouns (grammar growth, section 4)', async () => {
    expect(await entails('Mary is loved by John.', 'John loves Mary')).toBe('Theorem');
    expect(await entails('Only cats meow. Tom meows.', 'Tom is a cat')).toBe('Theorem');
    expect(await entails('John sings unless Mary dances. Mary does not dance.', 'John sings')).toBe('Theorem');
    expect(await entails('If John is a student, then he is happy. John is a student.', 'John is happy')).toBe('Theorem');
    expect(await entails('There are no unicorns.', 'No unicorns are happy')).toBe('Theorem');
  });
});
