/**
 * A safe arithmetic expression language for structural equations.
 *
 * Equations arrive as user text, so they are never handed to eval or Function: this module tokenises
 * and parses them into a small syntax tree and compiles that into a tree of closures reading
 * variable values from a numeric array by slot index. Plain objects are never indexed by a
 * user-supplied name, so `__proto__` and friends cannot reach anything.
 */
import { IslError } from '../../errors.js';

/** Longest accepted equation, in characters. */
export const MAX_EXPRESSION_LENGTH = 4096;
/** Deepest accepted nesting of the syntax tree. */
export const MAX_EXPRESSION_DEPTH = 64;

/** Syntax tree of a parsed expression. */
export type ExpressionNode =
  | { kind: 'number'; value: number }
  | { kind: 'symbol'; name: string }
  | { kind: 'unary'; op: '-' | '+' | '!'; operand: ExpressionNode }
  | { kind: 'binary'; op: BinaryOperator; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'call'; name: string; args: ExpressionNode[] };

/** Binary operators; comparisons and logic yield 1 for true and 0 for false. */
export type BinaryOperator =
  '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/** A parsed expression with the free symbols it reads. */
export interface Expression {
  readonly source: string;
  readonly ast: ExpressionNode;
  /** Free identifiers (variables or named constants), sorted, without duplicates. */
  readonly symbols: readonly string[];
}

/** Where an expression comes from, so errors can name the equation's variable and field. */
export interface ExpressionOrigin {
  /** The variable whose equation this is. */
  variable: string;
  /** The request field holding the text, e.g. `model.equations.Y`. */
  field?: string;
}

/** A compiled expression: reads symbol values from `values` by the slots chosen at compile time. */
export type CompiledExpression = (values: ArrayLike<number>) => number;

interface FunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly apply: (args: number[]) => number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const arg = (args: number[], i: number): number => args[i] ?? Number.NaN;
const unary = (f: (x: number) => number): FunctionSpec => ({
  minArgs: 1,
  maxArgs: 1,
  apply: (a) => f(arg(a, 0)),
});

/** The whitelist of callable functions. A Map, so no prototype member is ever callable. */
export const EXPRESSION_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['exp', unary(Math.exp)],
  [
    'log',
    {
      minArgs: 1,
      maxArgs: 2,
      apply: (a) => (a.length === 2 ? Math.log(arg(a, 0)) / Math.log(arg(a, 1)) : Math.log(arg(a, 0))),
    },
  ],
  ['ln', unary(Math.log)],
  ['log10', unary(Math.log10)],
  ['log2', unary(Math.log2)],
  ['sqrt', unary(Math.sqrt)],
  ['abs', unary(Math.abs)],
  ['sign', unary(Math.sign)],
  ['floor', unary(Math.floor)],
  ['ceil', unary(Math.ceil)],
  ['round', unary(Math.round)],
  ['sin', unary(Math.sin)],
  ['cos', unary(Math.cos)],
  ['tan', unary(Math.tan)],
  ['tanh', unary(Math.tanh)],
  ['sigmoid', unary(sigmoid)],
  ['logistic', unary(sigmoid)],
  ['min', { minArgs: 1, maxArgs: 64, apply: (a) => Math.min(...a) }],
  ['max', { minArgs: 1, maxArgs: 64, apply: (a) => Math.max(...a) }],
  ['pow', { minArgs: 2, maxArgs: 2, apply: (a) => Math.pow(arg(a, 0), arg(a, 1)) }],
  ['clamp', { minArgs: 3, maxArgs: 3, apply: (a) => Math.min(Math.max(arg(a, 0), arg(a, 1)), arg(a, 2)) }],
  ['ifelse', { minArgs: 3, maxArgs: 3, apply: (a) => (arg(a, 0) !== 0 ? arg(a, 1) : arg(a, 2)) }],
]);

/** Named constants, used only when the model defines no symbol of the same name. */
export const EXPRESSION_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

// Identifiers that name JavaScript machinery: refusing them outright gives a clear message for
// injection attempts instead of a confusing "unknown symbol".
const FORBIDDEN_IDENTIFIERS = new Set([
  'constructor',
  'prototype',
  'eval',
  'Function',
  'function',
  'process',
  'require',
  'import',
  'this',
  'globalThis',
  'global',
  'window',
  'self',
  'new',
  'return',
  'async',
  'await',
]);

/** True when a name may be used as a variable in equations. */
export function isSafeIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !name.startsWith('__') && !FORBIDDEN_IDENTIFIERS.has(name);
}

type Token =
  | { type: 'number'; value: number; pos: number }
  | { type: 'ident'; value: string; pos: number }
  | { type: 'op'; value: string; pos: number }
  | { type: 'end'; pos: number };

const OPERATORS = [
  '**',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  ',',
  '<',
  '>',
  '!',
];

function fail(origin: ExpressionOrigin, problem: string, details: Record<string, unknown> = {}): never {
  throw new IslError('ISL_EXPRESSION_INVALID', `Equation for "${origin.variable}": ${problem}`, {
    field: origin.field ?? `model.equations.${origin.variable}`,
    details: { variable: origin.variable, problem, ...details },
  });
}

function tokenize(source: string, origin: ExpressionOrigin): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const numberMatch = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (numberMatch) {
      const text = numberMatch[0];
      const next = source.charAt(i + text.length);
      if (/[A-Za-z_]/.test(next)) fail(origin, `malformed number at position ${i}`, { position: i });
      tokens.push({ type: 'number', value: Number(text), pos: i });
      i += text.length;
      continue;
    }
    const identMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (identMatch) {
      const name = identMatch[0];
      if (!isSafeIdentifier(name)) {
        fail(origin, `forbidden identifier "${name}" at position ${i}`, { position: i, symbol: name });
      }
      tokens.push({ type: 'ident', value: name, pos: i });
      i += name.length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op !== undefined) {
      tokens.push({ type: 'op', value: op === '**' ? '^' : op, pos: i });
      i += op.length;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      fail(origin, `strings are not allowed (found ${ch} at position ${i})`, { position: i });
    }
    fail(origin, `unexpected character "${ch}" at position ${i}`, { position: i });
  }
  tokens.push({ type: 'end', pos: source.length });
  return tokens;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly origin: ExpressionOrigin,
  ) {}

  parse(): ExpressionNode {
    const node = this.parseOr();
    const token = this.peek();
    if (token.type !== 'end') this.unexpected(token);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { type: 'end', pos: 0 };
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return token.type === 'op' && token.value === value;
  }

  private expectOp(value: string): void {
    if (!this.isOp(value)) this.unexpected(this.peek(), `expected "${value}"`);
    this.index++;
  }

  private unexpected(token: Token, expectation?: string): never {
    const found = token.type === 'end' ? 'end of input' : `"${String(token.value)}"`;
    fail(
      this.origin,
      `${expectation ? `${expectation} but found` : 'unexpected'} ${found} at position ${token.pos}`,
      {
        position: token.pos,
      },
    );
  }

  private enter(): void {
    this.depth++;
    if (this.depth > MAX_EXPRESSION_DEPTH) {
      fail(this.origin, `expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, {
        limit: MAX_EXPRESSION_DEPTH,
      });
    }
  }

  private leave(): void {
    this.depth--;
  }

  private parseBinaryLevel(operators: readonly BinaryOperator[], next: () => ExpressionNode): ExpressionNode {
    let left = next();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'op' || !(operators as readonly string[]).includes(token.value)) return left;
      this.index++;
      this.enter();
      const right = next();
      this.leave();
      left = { kind: 'binary', op: token.value as BinaryOperator, left, right };
    }
  }

  private parseOr(): ExpressionNode {
    return this.parseBinaryLevel(['||'], () => this.parseAnd());
  }

  private parseAnd(): ExpressionNode {
    return this.parseBinaryLevel(['&&'], () => this.parseComparison());
  }

  private parseComparison(): ExpressionNode {
    const left = this.parseAdditive();
    const token = this.peek();
    if (token.type === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(token.value)) {
      this.index++;
      const right = this.parseAdditive();
      const after = this.peek();
      if (after.type === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(after.value)) {
        fail(this.origin, `chained comparison at position ${after.pos}; use && to combine comparisons`, {
          position: after.pos,
        });
      }
      return { kind: 'binary', op: token.value as BinaryOperator, left, right };
    }
    return left;
  }

  private parseAdditive(): ExpressionNode {
    return this.parseBinaryLevel(['+', '-'], () => this.parseMultiplicative());
  }

  private parseMultiplicative(): ExpressionNode {
    return this.parseBinaryLevel(['*', '/'], () => this.parseUnary());
  }

  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (token.type === 'op' && (token.value === '-' || token.value === '+' || token.value === '!')) {
      this.index++;
      this.enter();
      const operand = this.parseUnary();
      this.leave();
      return { kind: 'unary', op: token.value, operand };
    }
    return this.parsePower();
  }

  // Power binds tighter than unary minus on its left (-2^2 = -4) and is right-associative.
  private parsePower(): ExpressionNode {
    const base = this.parsePrimary();
    if (!this.isOp('^')) return base;
    this.index++;
    this.enter();
    const exponent = this.parseUnary();
    this.leave();
    return { kind: 'binary', op: '^', left: base, right: exponent };
  }

  private parsePrimary(): ExpressionNode {
    const token = this.peek();
    if (token.type === 'number') {
      this.index++;
      return { kind: 'number', value: token.value };
    }
    if (token.type === 'ident') {
      this.index++;
      if (!this.isOp('(')) return { kind: 'symbol', name: token.value };
      const spec = EXPRESSION_FUNCTIONS.get(token.value);
      if (spec === undefined) {
        fail(this.origin, `unknown function "${token.value}" at position ${token.pos}`, {
          position: token.pos,
          symbol: token.value,
          allowed: [...EXPRESSION_FUNCTIONS.keys()],
        });
      }
      this.index++;
      this.enter();
      const args: ExpressionNode[] = [];
      if (!this.isOp(')')) {
        args.push(this.parseOr());
        while (this.isOp(',')) {
          this.index++;
          args.push(this.parseOr());
        }
      }
      this.expectOp(')');
      this.leave();
      if (args.length < spec.minArgs || args.length > spec.maxArgs) {
        const expected =
          spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs}-${spec.maxArgs}`;
        fail(this.origin, `function "${token.value}" takes ${expected} argument(s), got ${args.length}`, {
          symbol: token.value,
        });
      }
      return { kind: 'call', name: token.value, args };
    }
    if (token.type === 'op' && token.value === '(') {
      this.index++;
      this.enter();
      const inner = this.parseOr();
      this.expectOp(')');
      this.leave();
      return inner;
    }
    return this.unexpected(token);
  }
}

function collectSymbols(node: ExpressionNode, into: Set<string>): void {
  switch (node.kind) {
    case 'number':
      return;
    case 'symbol':
      into.add(node.name);
      return;
    case 'unary':
      collectSymbols(node.operand, into);
      return;
    case 'binary':
      collectSymbols(node.left, into);
      collectSymbols(node.right, into);
      return;
    case 'call':
      for (const a of node.args) collectSymbols(a, into);
  }
}

/**
 * Parses an equation's right-hand side.
 *
 * @throws IslError ISL_EXPRESSION_INVALID naming the variable, the field and the problem.
 * @example parseExpression('10 + 2 * X', { variable: 'Y' }).symbols // ['X']
 */
export function parseExpression(source: unknown, origin: ExpressionOrigin): Expression {
  if (typeof source === 'number' && Number.isFinite(source)) {
    return { source: String(source), ast: { kind: 'number', value: source }, symbols: [] };
  }
  if (typeof source !== 'string') fail(origin, 'equation must be a string');
  if (source.length > MAX_EXPRESSION_LENGTH) {
    fail(origin, `equation is longer than ${MAX_EXPRESSION_LENGTH} characters`, {
      limit: MAX_EXPRESSION_LENGTH,
    });
  }
  if (source.trim() === '') fail(origin, 'equation is empty');
  const ast = new Parser(tokenize(source, origin), origin).parse();
  const symbols = new Set<string>();
  collectSymbols(ast, symbols);
  return { source, ast, symbols: [...symbols].sort() };
}

function applyBinary(op: BinaryOperator, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return Math.pow(a, b);
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0;
    case '||':
      return a !== 0 || b !== 0 ? 1 : 0;
  }
}

/**
 * Compiles a parsed expression into a closure tree.
 *
 * `slotOf` maps a symbol to its index in the value array, or returns undefined for a symbol the model
 * does not define; such a symbol falls back to a named constant (pi, e) or is an error.
 *
 * @throws IslError ISL_MODEL_UNKNOWN_SYMBOL naming the variable and the symbol.
 */
export function compileExpression(
  expression: Expression,
  slotOf: (name: string) => number | undefined,
  origin: ExpressionOrigin,
): CompiledExpression {
  const build = (node: ExpressionNode): CompiledExpression => {
    switch (node.kind) {
      case 'number': {
        const value = node.value;
        return () => value;
      }
      case 'symbol': {
        const slot = slotOf(node.name);
        if (slot !== undefined) return (values) => values[slot] ?? Number.NaN;
        const constant = EXPRESSION_CONSTANTS.get(node.name);
        if (constant !== undefined) return () => constant;
        throw new IslError(
          'ISL_MODEL_UNKNOWN_SYMBOL',
          `Equation for "${origin.variable}": unknown symbol "${node.name}"`,
          {
            field: origin.field ?? `model.equations.${origin.variable}`,
            details: { variable: origin.variable, symbol: node.name },
          },
        );
      }
      case 'unary': {
        const operand = build(node.operand);
        if (node.op === '-') return (v) => -operand(v);
        if (node.op === '!') return (v) => (operand(v) === 0 ? 1 : 0);
        return operand;
      }
      case 'binary': {
        const left = build(node.left);
        const right = build(node.right);
        const op = node.op;
        switch (op) {
          case '+':
            return (v) => left(v) + right(v);
          case '-':
            return (v) => left(v) - right(v);
          case '*':
            return (v) => left(v) * right(v);
          case '/':
            return (v) => left(v) / right(v);
          default:
            return (v) => applyBinary(op, left(v), right(v));
        }
      }
      case 'call': {
        const spec = EXPRESSION_FUNCTIONS.get(node.name);
        if (spec === undefined) throw new Error(`unreachable: unchecked function ${node.name}`);
        const args = node.args.map(build);
        if (node.name === 'ifelse') {
          // Lazy branches, so the branch not taken cannot produce NaN side effects in the result.
          const [c, a, b] = args as [CompiledExpression, CompiledExpression, CompiledExpression];
          return (v) => (c(v) !== 0 ? a(v) : b(v));
        }
        return (v) => spec.apply(args.map((f) => f(v)));
      }
    }
  };
  return build(expression.ast);
}
