import { describe, expect, it } from 'vitest';
import { implies, modal, pred, type Formula } from '../src/domain/formula.js';
import { translateModalProblem, translateTemporalProblem, type AlethicLogic } from '../src/domain/modal/index.js';
import { parseFormula } from '../src/domain/syntax/index.js';
import { toFirstOrder } from '../src/routes/logic-selection.js';
import { eproverEngine } from '../scripts/eprover-engine.js';

const p = pred('p');
const box = (f: Formula): Formula => modal('box', f);
const dia = (f: Formula): Formula => modal('diamond', f);

const modalStatus = (conjecture: Formula, logic: AlethicLogic): Promise<string> =>
  eproverEngine.prove(translateModalProblem({ axioms: [], conjecture }, { logic }), 10);

describe('standard translation decided by eprover', () => {
  it.each<[string, Formula, AlethicLogic, string]>([
    ['□p → p', implies(box(p), p), 'K', 'CounterSatisfiable'],
    ['□p → p', implies(box(p), p), 'T', 'Theorem'],
    ['□p → ◇p', implies(box(p), dia(p)), 'K', 'CounterSatisfiable'],
    ['□p → ◇p', implies(box(p), dia(p)), 'D', 'Theorem'],
    ['□p → □□p', implies(box(p), box(box(p))), 'T', 'CounterSatisfiable'],
    ['□p → □□p', implies(box(p), box(box(p))), 'S4', 'Theorem'],
    ['◇p → □◇p', implies(dia(p), box(dia(p))), 'S4', 'CounterSatisfiable'],
    ['◇p → □◇p', implies(dia(p), box(dia(p))), 'S5', 'Theorem'],
  ])('%s in %s is %s', async (_label, conjecture, logic, expected) => {
    expect(await modalStatus(conjecture, logic)).toBe(expected);
  });

  it('proves O p → P p in SDL and refutes O p → p', async () => {
    const o = modal('obligatory', p);
    expect(await modalStatus(implies(o, modal('permitted', p)), 'K')).toBe('Theorem');
    expect(await modalStatus(implies(o, p), 'K')).toBe('CounterSatisfiable');
  });

  it('proves F p → O ¬p (forbidden is obligatory-not) in SDL', async () => {
    const conjecture = implies(modal('forbidden', p), modal('obligatory', { kind: 'not', body: p }));
    expect(await modalStatus(conjecture, 'K')).toBe('Theorem');
  });
});

describe('temporal translation decided by eprover', () => {
  const G = (f: Formula): Formula => modal('always', f);
  const F = (f: Formula): Formula => modal('eventually', f);
  const X = (f: Formula): Formula => modal('next', f);

  it.each<[string, Formula]>([
    ['G p → p', implies(G(p), p)],
    ['G p → X p', implies(G(p), X(p))],
    ['G p → G G p', implies(G(p), G(G(p)))],
    ['G p → F p', implies(G(p), F(p))],
    ['X F p → F p', implies(X(F(p)), F(p))],
  ])('proves %s over linear time (unbounded)', async (_label, conjecture) => {
    expect(await eproverEngine.prove(translateTemporalProblem({ axioms: [], conjecture }, { mode: 'unbounded' }), 10)).toBe('Theorem');
  });

  it('refutes F p → G p and confirms G X p ↔ X G p within bound 3', async () => {
    const bounded = { mode: 'bounded', bound: 3 } as const;
    expect(await eproverEngine.prove(translateTemporalProblem({ axioms: [], conjecture: implies(F(p), G(p)) }, bounded), 10)).toBe('CounterSatisfiable');
    const commute: Formula = { kind: 'iff', left: G(X(p)), right: X(G(p)) };
    expect(await eproverEngine.prove(translateTemporalProblem({ axioms: [], conjecture: commute }, bounded), 10)).toBe('Theorem');
  });
});

describe('letter operators parsed under their logic and decided by eprover', () => {
  const decide = (text: string, logic: 'SDL' | 'LTL', ltlBound?: number): Promise<string> => {
    const conjecture = parseFormula(text, { modalLetters: logic === 'SDL' ? 'deontic' : 'temporal' });
    return eproverEngine.prove(toFirstOrder({ axioms: [], conjecture }, logic, ltlBound === undefined ? {} : { ltlBound }), 10);
  };

  it.each<[string, 'SDL' | 'LTL', number | undefined, string]>([
    ['O p → P p', 'SDL', undefined, 'Theorem'],
    ['O p → p', 'SDL', undefined, 'CounterSatisfiable'],
    ['¬(O p ∧ O ¬p)', 'SDL', undefined, 'Theorem'],
    ['F p ↔ O ¬p', 'SDL', undefined, 'Theorem'],
    ['G p → X p', 'LTL', undefined, 'Theorem'],
    ['X p → F p', 'LTL', undefined, 'Theorem'],
    ['F p → G p', 'LTL', 3, 'CounterSatisfiable'],
  ])('%s in %s (bound %s) is %s', async (text, logic, bound, expected) => {
    expect(await decide(text, logic, bound)).toBe(expected);
  });
});
