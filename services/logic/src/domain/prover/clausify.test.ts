import { describe, expect, it } from 'vitest';
import { parseFormula } from '../syntax/parser.js';
import { printClause } from './clause.js';
import { clausify } from './clausify.js';

function clauses(text: string, options = {}): string[] {
  const { signature, clauses: out } = clausify([{ formula: parseFormula(text), source: 'f', conj: false }], undefined, options);
  return out.map((c) => printClause(c.lits, signature));
}

describe('clausify', () => {
  it('turns an implication under ∀ into one clause', () => {
    expect(clauses('∀x (Man(x) → Mortal(x))')).toEqual(['~Man(X0) | Mortal(X0)']);
  });

  it('Skolemizes ∃ under ∀ with a function of the universal variable only', () => {
    expect(clauses('∀x ∀y (P(y) ∨ ∃z R(x, z))')).toEqual(['R(X0,sK1(X0)) | P(X1)']);
  });

  it('uses a Skolem constant for an outermost ∃', () => {
    expect(clauses('∃x (Bird(x) ∧ Fly(x))')).toEqual(['Bird(sK1)', 'Fly(sK1)']);
  });

  it('expands ↔ and ⊕ into two clauses each', () => {
    expect(clauses('p ↔ q')).toEqual(['~p | q', 'p | ~q']);
    expect(clauses('p ⊕ q')).toEqual(['p | q', '~p | ~q']);
  });

  it('keeps equality literals', () => {
    expect(clauses('∀x (f(x) = x ∨ x ≠ a)')).toEqual(['f(X0) = X0 | X0 != a']);
  });

  it('names a large disjunct instead of distributing past the limit', () => {
    const text = '(a1 ∧ a2 ∧ a3) ∨ (b1 ∧ b2 ∧ b3) ∨ (c1 ∧ c2 ∧ c3)';
    expect(clauses(text, { distributionLimit: 1000 }).length).toBe(27);
    expect(clauses(text, { distributionLimit: 8 }).length).toBeLessThan(27);
  });

  it('names nested equivalence operands so the clause count stays linear', () => {
    const nested = '((p1 ↔ p2) ↔ (p3 ↔ p4)) ↔ ((p5 ↔ p6) ↔ (p7 ↔ p8))';
    expect(clauses(nested).length).toBeLessThan(40);
  });
});
