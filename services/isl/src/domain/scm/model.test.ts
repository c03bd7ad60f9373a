import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { compileScm } from './model.js';

function errorOf(fn: () => unknown): IslError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IslError) return e;
    throw e;
  }
  throw new Error('expected an IslError');
}

describe('compileScm', () => {
  it('orders equations topologically whatever order they are given in', () => {
    const model = compileScm({
      variables: ['X', 'Y', 'Z'],
      equations: { Y: '10 + 2*X + 3*Z', Z: '5 + 0.5*X' },
      distributions: { X: { type: 'normal', parameters: { mean: 0, std: 1 } } },
    });
    expect(model.endogenous.map((v) => v.name)).toEqual(['Z', 'Y']);
    const values = new Float64Array(model.symbols.length);
    values[model.slotOf.get('X') ?? -1] = 2;
    model.propagate(values, new Set());
    expect(values[model.slotOf.get('Z') ?? -1]).toBe(6);
    expect(values[model.slotOf.get('Y') ?? -1]).toBe(32);
    expect(model.freeInputs).toEqual([]);
  });

  it('names the cycle', () => {
    const error = errorOf(() =>
      compileScm({ variables: ['A', 'B', 'C'], equations: { A: 'B + 1', B: 'C', C: '2*A' } }),
    );
    expect(error.code).toBe('ISL_MODEL_CYCLE');
    expect(error.details).toEqual({ cycle: ['A', 'B', 'C', 'A'] });
    expect(error.message).toBe('Structural equations form a cycle: A → B → C → A');
  });

  it('names unknown symbols with the equation', () => {
    const error = errorOf(() => compileScm({ variables: ['X', 'Y'], equations: { Y: 'X + W' } }));
    expect(error.code).toBe('ISL_MODEL_UNKNOWN_SYMBOL');
    expect(error.field).toBe('model.equations.Y');
    expect(error.message).toBe('Equation for "Y": unknown symbol "W"');
  });

  it('rejects a variable with both an equation and a distribution', () => {
    const error = errorOf(() =>
      compileScm({
        equations: { X: '1' },
        distributions: { X: { type: 'normal', parameters: { mean: 0, std: 1 } } },
      }),
    );
    expect(error.field).toBe('model.distributions.X');
  });

  it('rejects unsafe variable names and bad distributions', () => {
    expect(errorOf(() => compileScm({ variables: ['__proto__'], equations: {} })).field).toBe(
      'model.variables[0]',
    );
    expect(errorOf(() => compileScm({ equations: {}, distributions: { U: { type: 'cauchy' } } })).field).toBe(
      'model.distributions.U.type',
    );
    expect(
      errorOf(() =>
        compileScm({
          equations: {},
          distributions: { U: { type: 'uniform', parameters: { min: 2, max: 1 } } },
        }),
      ).field,
    ).toBe('model.distributions.U.parameters.max');
  });

  it('treats declared variables without equation or distribution as free inputs', () => {
    expect(
      compileScm({ variables: ['Price', 'Revenue'], equations: { Revenue: '2 * Price' } }).freeInputs,
    ).toEqual(['Price']);
  });
});
