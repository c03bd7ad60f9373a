import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../formula.js';
import { parseFormula, parseTptpProblem } from '../syntax/parser.js';
import { proveNative } from './native-prover.js';

const corpus = fileURLToPath(new URL('../../../../../../shared/data/tptp/', import.meta.url));
const budget = { maxClauses: 200_000 };

function tptp(text: string): Problem {
  return parseTptpProblem(text);
}

describe('proveNative on the E-checked corpus', () => {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.p')).sort();

  it('finds all 17 problems', () => {
    expect(files.length).toBe(17);
  });

  for (const file of files) {
    it(`answers ${file} with the status E reports`, () => {
      const text = readFileSync(`${corpus}${file}`, 'utf8');
      const expected = /SZS status (\w+)/.exec(text)?.[1];
      expect(proveNative(tptp(text), budget).status).toBe(expected);
    });
  }
});

describe('proveNative', () => {
  it('proves the Socrates syllogism with resolution steps', () => {
    const result = proveNative({
      axioms: [parseFormula('∀x (Man(x) → Mortal(x))'), parseFormula('Man(socrates)')],
      conjecture: parseFormula('Mortal(socrates)'),
    });
    expect(result.status).toBe('Theorem');
    expect(result.proof?.map((s) => [s.clause, s.rule, s.source ?? ''])).toEqual([
      ['~Man(X0) | Mortal(X0)', 'input', 'ax1'],
      ['Man(socrates)', 'input', 'ax2'],
      ['~Mortal(socrates)', 'input', 'negated_conjecture'],
      ['Mortal(socrates)', 'resolution', ''],
      ['$false', 'unit_deletion', ''],
    ]);
    const steps = result.proof ?? [];
    expect(steps[3]?.parents).toEqual([steps[1]?.id, steps[0]?.id]);
    expect(steps[4]?.parents).toEqual([steps[3]?.id, steps[2]?.id]);
  });

  it('gives a countermodel for the converse fallacy', () => {
    const result = proveNative({ axioms: [parseFormula('∀x (cat(x) → animal(x))')], conjecture: parseFormula('∀x (animal(x) → cat(x))') }, budget);
    expect(result.status).toBe('CounterSatisfiable');
    expect(result.model).toEqual({ domainSize: 1, constants: {}, functions: {}, predicates: { cat: [], animal: [[0]] } });
  });

  it('finds a two-element countermodel for swapping ∀∃ into ∃∀', () => {
    const result = proveNative({ axioms: [], conjecture: parseFormula('(∀y ∃x loves(x,y)) → ∃x ∀y loves(x,y)') }, budget);
    expect(result.status).toBe('CounterSatisfiable');
    expect(result.model?.domainSize).toBe(2);
  });

  it('answers Satisfiable and Unsatisfiable without a conjecture', () => {
    expect(proveNative({ axioms: [parseFormula('∀x (bird(x) → flies(x))'), parseFormula('bird(tweety)')] }, budget).status).toBe('Satisfiable');
    expect(proveNative({ axioms: [parseFormula('∀x (bird(x) → flies(x))'), parseFormula('bird(tweety) ∧ ¬flies(tweety)')] }, budget).status).toBe('Unsatisfiable');
  });

  it('answers ContradictoryAxioms when the axioms refute themselves', () => {
    expect(proveNative({ axioms: [parseFormula('p'), parseFormula('¬p')], conjecture: parseFormula('q') }, budget).status).toBe('ContradictoryAxioms');
  });

  it('proves the left identity from right identity, right inverse and associativity', () => {
    const problem = tptp(`fof(a1, axiom, ![X]: mult(X,e) = X).
fof(a2, axiom, ![X]: mult(X,inv(X)) = e).
fof(a3, axiom, ![X,Y,Z]: mult(mult(X,Y),Z) = mult(X,mult(Y,Z))).
fof(c, conjecture, ![X]: mult(e,X) = X).`);
    const result = proveNative(problem, budget);
    expect(result.status).toBe('Theorem');
    expect(result.proof?.at(-1)?.clause).toBe('$false');
  });

  it('proves uniqueness of inverses in a group', () => {
    const problem = tptp(`fof(a1, axiom, ![X]: mult(e,X) = X).
fof(a2, axiom, ![X]: mult(inv(X),X) = e).
fof(a3, axiom, ![X,Y,Z]: mult(mult(X,Y),Z) = mult(X,mult(Y,Z))).
fof(c, conjecture, ![X,Y]: (mult(X,Y) = e => Y = inv(X))).`);
    expect(proveNative(problem, budget).status).toBe('Theorem');
  });

  it('proves that a group where every element is its own inverse is commutative', () => {
    const problem = tptp(`fof(a1, axiom, ![X]: mult(e,X) = X).
fof(a2, axiom, ![X]: mult(inv(X),X) = e).
fof(a3, axiom, ![X,Y,Z]: mult(mult(X,Y),Z) = mult(X,mult(Y,Z))).
fof(a4, axiom, ![X]: mult(X,X) = e).
fof(c, conjecture, ![X,Y]: mult(X,Y) = mult(Y,X)).`);
    expect(proveNative(problem, budget).status).toBe('Theorem');
  });

  it("solves Pelletier 47 (Schubert's steamroller)", () => {
    const problem = tptp(`fof(a1,axiom,![X]: (wolf(X) => animal(X))). fof(a2,axiom,?[X]: wolf(X)).
fof(a3,axiom,![X]: (fox(X) => animal(X))). fof(a4,axiom,?[X]: fox(X)).
fof(a5,axiom,![X]: (bird(X) => animal(X))). fof(a6,axiom,?[X]: bird(X)).
fof(a7,axiom,![X]: (caterpillar(X) => animal(X))). fof(a8,axiom,?[X]: caterpillar(X)).
fof(a9,axiom,![X]: (snail(X) => animal(X))). fof(a10,axiom,?[X]: snail(X)).
fof(a11,axiom,?[X]: grain(X)). fof(a12,axiom,![X]: (grain(X) => plant(X))).
fof(a13,axiom,![X]: (animal(X) => (![Y]: (plant(Y) => eats(X,Y)) | ![Y]: ((animal(Y) & much_smaller(Y,X) & ?[Z]: (plant(Z) & eats(Y,Z))) => eats(X,Y))))).
fof(a14,axiom,![X,Y]: ((bird(Y) & (snail(X) | caterpillar(X))) => much_smaller(X,Y))).
fof(a15,axiom,![X,Y]: ((bird(X) & fox(Y)) => much_smaller(X,Y))).
fof(a16,axiom,![X,Y]: ((fox(X) & wolf(Y)) => much_smaller(X,Y))).
fof(a17,axiom,![X,Y]: ((wolf(X) & (fox(Y) | grain(Y))) => ~eats(X,Y))).
fof(a18,axiom,![X,Y]: ((bird(X) & caterpillar(Y)) => eats(X,Y))).
fof(a19,axiom,![X,Y]: ((bird(X) & snail(Y)) => ~eats(X,Y))).
fof(a20,axiom,![X]: ((caterpillar(X) | snail(X)) => ?[Y]: (plant(Y) & eats(X,Y)))).
fof(c,conjecture,?[X,Y]: (animal(X) & animal(Y) & ?[Z]: (grain(Z) & eats(Y,Z) & eats(X,Y)))).`);
    expect(proveNative(problem, budget).status).toBe('Theorem');
  });

  it('solves Pelletier 55 (who killed Aunt Agatha) with equality', () => {
    const problem = tptp(`fof(a1, axiom, ?[X]: (lives(X) & killed(X,agatha))).
fof(a2, axiom, lives(agatha) & lives(butler) & lives(charles)).
fof(a3, axiom, ![X]: (lives(X) => (X = agatha | X = butler | X = charles))).
fof(a4, axiom, ![X,Y]: (killed(X,Y) => hates(X,Y))).
fof(a5, axiom, ![X,Y]: (killed(X,Y) => ~richer(X,Y))).
fof(a6, axiom, ![X]: (hates(agatha,X) => ~hates(charles,X))).
fof(a7, axiom, ![X]: (X != butler => hates(agatha,X))).
fof(a8, axiom, ![X]: (~richer(X,agatha) => hates(butler,X))).
fof(a9, axiom, ![X]: (hates(agatha,X) => hates(butler,X))).
fof(a10, axiom, ![X]: ?[Y]: ~hates(X,Y)).
fof(a11, axiom, agatha != butler).
fof(c, conjecture, killed(agatha,agatha)).`);
    expect(proveNative(problem, budget).status).toBe('Theorem');
  });

  it('uses a domain-size axiom with variable equations (Pelletier 49)', () => {
    const problem = tptp(`fof(a1, axiom, ?[X,Y]: ![Z]: (Z = X | Z = Y)). fof(a2, axiom, p(a) & p(b)). fof(a3, axiom, a != b).
fof(c, conjecture, ![X]: p(X)).`);
    expect(proveNative(problem, budget).status).toBe('Theorem');
  });

  it('solves Pelletier 38 with the second clausification of its strategy schedule', () => {
    const problem = tptp(`fof(pel38,conjecture,((![X]: ((p(a) & (p(X) => ?[Y]: (p(Y) & r(X,Y)))) => ?[Z,W]: (p(Z) & r(X,W) & r(W,Z)))) <=>
  (![X]: ((~p(a) | p(X) | ?[Z,W]: (p(Z) & r(X,W) & r(W,Z))) & (~p(a) | ~(?[Y]: (p(Y) & r(X,Y))) | ?[Z,W]: (p(Z) & r(X,W) & r(W,Z))))))).`);
    // A fake clock that advances on every reading makes the time slices deterministic.
    let clock = 0;
    const result = proveNative(problem, { timeoutMs: 2000, now: () => clock++, maxModelSize: 0 });
    expect(result.status).toBe('Theorem');
    // 25 input clauses (against 28 with the default clausification) show which strategy found it.
    expect(result.stats?.['inputClauses']).toBe(25);
    expect(result.proof?.at(-1)?.clause).toBe('$false');
  });

  it('gives up with GaveUp when the clause budget runs out', () => {
    const problem = tptp(`fof(a1, axiom, ![X]: (p(X) => p(s(X)))). fof(a2, axiom, p(z)). fof(a3, axiom, ![X]: s(X) != z).
fof(a4, axiom, ![X,Y]: (s(X) = s(Y) => X = Y)). fof(c, conjecture, q).`);
    const result = proveNative(problem, { maxClauses: 300, maxModelSize: 2 });
    expect(result.status).toBe('GaveUp');
    expect(result.reason).toBe('clause budget of 300 exhausted');
  });

  it('stops at the cooperative deadline with Timeout', () => {
    let clock = 0;
    const problem = tptp(`fof(a1, axiom, ![X]: (p(X) => p(s(X)))). fof(a2, axiom, p(z)). fof(a3, axiom, ![X]: s(X) != z).
fof(a4, axiom, ![X,Y]: (s(X) = s(Y) => X = Y)). fof(c, conjecture, q).`);
    // A fake clock that advances on every reading makes the deadline deterministic.
    const result = proveNative(problem, { timeoutMs: 500, now: () => clock++, maxModelSize: 2 });
    expect(result.status).toBe('Timeout');
  });
});
