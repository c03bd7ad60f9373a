import { describe, expect, it } from 'vitest';
import { negative as n, positive as p, solveSat } from './sat-solver.js';

const limits = { maxSteps: 100_000 };

describe('solveSat', () => {
  it('finds a satisfying assignment that satisfies every clause', () => {
    const clauses = [[p(0), p(1)], [n(0), p(2)], [n(1), n(2)], [n(2), p(0)]];
    const answer = solveSat(3, clauses, limits);
    expect(answer.sat).toBe(true);
    if (answer.sat !== true) return;
    const values = Array.from(answer.values);
    expect(values).toEqual([-1, 1, -1]);
    const holds = (lit: number): boolean => (values[lit >> 1] === 1) !== ((lit & 1) === 1);
    expect(clauses.every((c) => c.some(holds))).toBe(true);
  });

  it('refutes the pigeonhole principle for 4 pigeons in 3 holes', () => {
    const v = (pigeon: number, hole: number): number => pigeon * 3 + hole;
    const clauses: number[][] = [];
    for (let i = 0; i < 4; i++) clauses.push([p(v(i, 0)), p(v(i, 1)), p(v(i, 2))]);
    for (let h = 0; h < 3; h++) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) clauses.push([n(v(i, h)), n(v(j, h))]);
    expect(solveSat(12, clauses, limits).sat).toBe(false);
  });

  it('answers unknown when the step budget is exhausted', () => {
    const v = (pigeon: number, hole: number): number => pigeon * 6 + hole;
    const clauses: number[][] = [];
    for (let i = 0; i < 7; i++) clauses.push([0, 1, 2, 3, 4, 5].map((h) => p(v(i, h))));
    for (let h = 0; h < 6; h++) for (let i = 0; i < 7; i++) for (let j = i + 1; j < 7; j++) clauses.push([n(v(i, h)), n(v(j, h))]);
    expect(solveSat(42, clauses, { maxSteps: 50 }).sat).toBe('unknown');
  });

  it('answers unsat for an empty clause and for contradicting units', () => {
    expect(solveSat(1, [[]], limits).sat).toBe(false);
    expect(solveSat(1, [[p(0)], [n(0)]], limits).sat).toBe(false);
  });
});
