import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Formula, Problem, Term } from '../formula.js';
import { constant, forall, implies, pred, variable } from '../formula.js';
import { printAscii, printUnicode } from './infix-printer.js';
import { parseFormula, parseTptpProblem } from './parser.js';
import { printSmtLib } from './smtlib-printer.js';
import { printTptpFormula, printTptpProblem } from './tptp-printer.js';
import { prng } from '../../../test/support/syntax-test-helpers.js';

/**
 * Random closed formulas. `upperVars` picks TPTP-style names (variables uppercase, symbols
 * lowercase) so that the same AST round-trips through every notation.
 */
function generator(seed: number, upperVars: boolean): () => Formula {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const varNames = upperVars ? ['X', 'Y', 'Z'] : ['x', 'y', 'z'];
  const term = (bound: readonly string[], depth: number): Term => {
    const r = rnd();
    if (bound.length > 0 && r < 0.45) return variable(pick(bound));
    if (depth <= 0 || r < 0.7) return constant(pick(['a', 'b', 'c']));
    // f is unary and g binary: one arity per symbol, as TPTP demands.
    return rnd() < 0.5
      ? { kind: 'fn', name: 'f', args: [term(bound, depth - 1)] }
      : { kind: 'fn', name: 'g', args: [term(bound, depth - 1), term(bound, depth - 1)] };
  };
  const formula = (bound: readonly string[], depth: number): Formula => {
    const r = rnd();
    if (depth <= 0 || r < 0.25) {
      const a = rnd();
      if (a < 0.15) return { kind: 'eq', left: term(bound, 1), right: term(bound, 1) };
      if (a < 0.2) return { kind: rnd() < 0.5 ? 'true' : 'false' };
      const name = pick(['p', 'q', 'r']);
      const arity = name === 'p' ? 0 : name === 'q' ? 1 : 2;
      return pred(
        name,
        Array.from({ length: arity }, () => term(bound, 1)),
      );
    }
    if (r < 0.35) return { kind: 'not', body: formula(bound, depth - 1) };
    if (r < 0.5) {
      const vs = rnd() < 0.7 ? [pick(varNames)] : [...new Set([pick(varNames), pick(varNames)])];
      return {
        kind: rnd() < 0.5 ? 'forall' : 'exists',
        variables: vs,
        body: formula([...bound, ...vs], depth - 1),
      };
    }
    return {
      kind: pick(['and', 'or', 'implies', 'iff', 'xor'] as const),
      left: formula(bound, depth - 1),
      right: formula(bound, depth - 1),
    };
  };
  return () => formula([], 4);
}

describe('printers round-trip (print → parse → the same AST)', () => {
  it('holds for Unicode on 300 random formulas', () => {
    const next = generator(1, false);
    for (let i = 0; i < 300; i++) {
      const f = next();
      expect(parseFormula(printUnicode(f), { dialect: 'standard' })).toEqual(f);
    }
  });

  it('holds for ASCII on 300 random formulas', () => {
    const next = generator(2, false);
    for (let i = 0; i < 300; i++) {
      const f = next();
      expect(parseFormula(printAscii(f), { dialect: 'standard' })).toEqual(f);
    }
  });

  it('holds for TPTP on 300 random formulas', () => {
    const next = generator(3, true);
    for (let i = 0; i < 300; i++) {
      const f = next();
      expect(parseFormula(printTptpFormula(f), { dialect: 'tptp' })).toEqual(f);
    }
  });

  it('prints the guide goldens in Unicode', () => {
    const x = variable('x');
    expect(printUnicode(forall(['x'], implies(pred('Cat', [x]), pred('Animal', [x]))))).toBe(
      '∀x (Cat(x) → Animal(x))',
    );
    expect(printUnicode(parseFormula('forall x. dog(x) -> ~cat(x)'))).toBe('∀x (dog(x) → ¬cat(x))');
    expect(printAscii(parseFormula('∃x (Bird(x) ∧ Fly(x))'))).toBe('exists x. Bird(x) & Fly(x)');
  });

  it('quotes non-lower-word symbols and renames lowercase variables in TPTP', () => {
    expect(printTptpFormula(parseFormula('∀x (Man(x) → Mortal(x)) ∧ Man(Socrates)'))).toBe(
      "(! [X] : ('Man'(X) => 'Mortal'(X))) & 'Man'('Socrates')",
    );
  });
});

describe('printSmtLib', () => {
  it('declares the sort and symbols, asserts axioms and the negated conjecture', () => {
    const problem: Problem = {
      axioms: [parseFormula('∀x (man(x) → mortal(x))'), parseFormula('man(socrates)')],
      conjecture: parseFormula('mortal(socrates)'),
    };
    expect(printSmtLib(problem)).toBe(
      [
        '(declare-sort U 0)',
        '(declare-fun man (U) Bool)',
        '(declare-fun mortal (U) Bool)',
        '(declare-fun socrates () U)',
        '(assert (forall ((x U)) (=> (man x) (mortal x))))',
        '(assert (man socrates))',
        '(assert (not (mortal socrates)))',
        '(check-sat)',
        '',
      ].join('\n'),
    );
  });

  it('separates one name used with two arities', () => {
    const text = printSmtLib({ axioms: [parseFormula('p(a) ∧ p(a, b) ∧ and(a)')] });
    expect(text).toContain('(declare-fun p (U) Bool)');
    expect(text).toContain('(declare-fun p_pred2 (U U) Bool)');
    expect(text).toContain('(declare-fun |and| (U) Bool)');
  });
});

describe('printTptpProblem accepted by eprover', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logic-tptp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses every printed problem (30 random problems and the corpus)', () => {
    const next = generator(4, false);
    const problems: Problem[] = Array.from({ length: 30 }, () => ({
      axioms: [next(), next()],
      conjecture: next(),
    }));
    problems.push({
      axioms: [parseFormula('∀x (Man(x) → Mortal(x))'), parseFormula('Man(Socrates)')],
      conjecture: parseFormula('Mortal(Socrates)'),
    });
    const files = problems.map((p, i) => {
      const file = join(dir, `p${i}.p`);
      const text = printTptpProblem(p);
      // Our own parser reads our output back to the same problem structure.
      expect(parseTptpProblem(text).axioms.length).toBe(p.axioms.length);
      writeFileSync(file, text);
      return file;
    });
    for (const file of files) {
      // On input it cannot parse, eprover prints `file:line:(Column n):message` and no SZS status.
      const run = spawnSync('eprover', ['--auto', '--tstp-format', '-s', '--cpu-limit=2', file], {
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(
        /SZS status (Theorem|CounterSatisfiable|ContradictoryAxioms|GaveUp|ResourceOut|Timeout)/,
      );
    }
  });
});
