import { describe, expect, it } from 'vitest';
import { IslError } from '../../errors.js';
import { compileExpression, MAX_EXPRESSION_DEPTH, parseExpression } from './expression.js';

function evaluate(source: string, values: Record<string, number> = {}): number {
  const names = Object.keys(values);
  const expr = parseExpression(source, { variable: 'Y' });
  const f = compileExpression(expr, (n) => (names.includes(n) ? names.indexOf(n) : undefined), {
    variable: 'Y',
  });
  return f(names.map((n) => values[n] ?? 0));
}

function errorOf(fn: () => unknown): IslError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IslError) return e;
    throw e;
  }
  throw new Error('expected an IslError');
}

describe('parseExpression', () => {
  it('evaluates arithmetic with standard precedence', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('2 ^ 3 ^ 2')).toBe(512);
    expect(evaluate('-2 ^ 2')).toBe(-4);
    expect(evaluate('2 ** -1')).toBe(0.5);
    expect(evaluate('10 / 4 - 1')).toBe(1.5);
    expect(evaluate('1.5e2 + .5')).toBe(150.5);
  });

  it('reads variables and whitelisted functions', () => {
    expect(evaluate('10 + 2 * X', { X: 10 })).toBe(30);
    expect(evaluate('max(A, B, 3) + min(A, B)', { A: 1, B: 2 })).toBe(4);
    expect(evaluate('sigmoid(0) + exp(0) + log(e) + sqrt(16) + abs(-2) + pow(2, 3)')).toBe(16.5);
    expect(evaluate('log(8, 2)')).toBeCloseTo(3, 12);
    expect(evaluate('ifelse(X > 1, 10, 20)', { X: 2 })).toBe(10);
    expect(evaluate('ifelse(X > 1 && X < 1.5, 10, 20)', { X: 2 })).toBe(20);
    expect(evaluate('(X >= 2) + (X != 2) + !X', { X: 2 })).toBe(1);
  });

  it('lists the free symbols sorted', () => {
    expect(parseExpression('b * a + exp(c) + a', { variable: 'Y' }).symbols).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['__proto__', 'forbidden identifier "__proto__"'],
    ['constructor', 'forbidden identifier "constructor"'],
    ['process.exit()', 'forbidden identifier "process"'],
    ['X; 1', 'unexpected character ";"'],
    ['`x`', 'strings are not allowed'],
    ['"abc"', 'strings are not allowed'],
    ['X[0]', 'unexpected character "["'],
    ['alert(1)', 'unknown function "alert"'],
    ['1 +', 'unexpected end of input'],
    ['(1 + 2', 'expected ")" but found end of input'],
    ['1 < 2 < 3', 'chained comparison'],
    ['pow(1)', 'function "pow" takes 2 argument(s), got 1'],
    ['2X', 'malformed number'],
    ['', 'equation is empty'],
  ])('rejects %s naming the problem', (source, problem) => {
    const error = errorOf(() => parseExpression(source, { variable: 'Revenue' }));
    expect(error.code).toBe('ISL_EXPRESSION_INVALID');
    expect(error.field).toBe('model.equations.Revenue');
    expect(error.message).toContain('Equation for "Revenue"');
    expect(error.message).toContain(problem);
  });

  it('rejects input nested too deeply or too long', () => {
    const deep = `${'('.repeat(MAX_EXPRESSION_DEPTH + 1)}1${')'.repeat(MAX_EXPRESSION_DEPTH + 1)}`;
    expect(errorOf(() => parseExpression(deep, { variable: 'Y' })).message).toContain('nests deeper');
    expect(errorOf(() => parseExpression('1+'.repeat(3000) + '1', { variable: 'Y' })).message).toContain(
      'longer than',
    );
  });

  it('reports unknown symbols at compile time', () => {
    const error = errorOf(() => evaluate('Z + 1', { X: 1 }));
    expect(error.code).toBe('ISL_MODEL_UNKNOWN_SYMBOL');
    expect(error.details).toEqual({ variable: 'Y', symbol: 'Z' });
  });
});
