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
});
