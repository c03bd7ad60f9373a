/**
 * Structural causal models: validation, topological ordering and compiled evaluation.
 *
 * A model is `{variables, equations: {var: expr}, distributions: {exogenous: spec}}`. Every symbol is
 * one of: endogenous (has an equation), exogenous (has a distribution), or a free input (declared in
 * `variables` with neither; it must be fixed by an intervention or the context). Equations may be
 * listed in any order; they are evaluated in topological order.
 */
import { IslError } from '../../errors.js';
import { compileExpression, isSafeIdentifier, parseExpression } from './expression.js';
import type { CompiledExpression, Expression } from './expression.js';
import { createDistribution } from './distributions.js';
import type { Distribution, DistributionSpec } from './distributions.js';

/** Most symbols (variables plus exogenous terms) one model may declare. */
export const MAX_MODEL_SYMBOLS = 200;

/** A structural causal model as it arrives in a request. */
export interface ScmSpec {
  variables?: string[];
  equations: Record<string, string | number>;
  distributions?: Record<string, DistributionSpec>;
}

/** An endogenous variable with its compiled equation. */
export interface EndogenousVariable {
  readonly name: string;
  readonly slot: number;
  readonly expression: Expression;
  readonly evaluate: CompiledExpression;
  /** Symbols the equation reads (any kind). */
  readonly inputs: readonly string[];
}

/** An exogenous variable with its distribution. */
export interface ExogenousVariable {
  readonly name: string;
  readonly slot: number;
  readonly distribution: Distribution;
}

/** A validated, compiled model. Values live in a Float64Array indexed by slot. */
export interface CompiledScm {
  readonly symbols: readonly string[];
  readonly slotOf: ReadonlyMap<string, number>;
  /** Endogenous variables in topological order. */
  readonly endogenous: readonly EndogenousVariable[];
  readonly exogenous: readonly ExogenousVariable[];
  /** Declared variables with neither equation nor distribution. */
  readonly freeInputs: readonly string[];
  /**
   * Recomputes every endogenous value in topological order; a slot in `fixed` keeps its value and its
   * equation is skipped (that is an intervention).
   */
  propagate(values: Float64Array, fixed: ReadonlySet<number>): void;
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function checkName(name: unknown, field: string): string {
  if (typeof name !== 'string' || !isSafeIdentifier(name)) {
    throw new IslError(
      'ISL_MODEL_INVALID',
      `${field}: "${String(name)}" is not a valid variable name (letters, digits, _; not starting with __ or a reserved word)`,
      {
        field,
      },
    );
  }
  return name;
}

function findCycle(names: string[], deps: Map<string, string[]>): string[] {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 1);
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      if (state.get(d) === 1) return [...stack.slice(stack.indexOf(d)), d];
      if (state.get(d) === undefined) {
        const found = visit(d);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of names) {
    if (state.get(n) === undefined) {
      const found = visit(n);
      if (found) return found;
    }
  }
  return names;
}

/**
 * Validates and compiles a structural causal model.
 *
 * @throws IslError ISL_MODEL_INVALID, ISL_EXPRESSION_INVALID, ISL_MODEL_UNKNOWN_SYMBOL or ISL_MODEL_CYCLE,
 *   each naming the offending field.
 * @example compileScm({ variables: ['X', 'Y'], equations: { Y: '10 + 2 * X' } })
 */
export function compileScm(spec: ScmSpec, fieldPrefix = 'model'): CompiledScm {
  if (
    typeof spec !== 'object' ||
    spec === null ||
    typeof spec.equations !== 'object' ||
    spec.equations === null
  ) {
    throw new IslError('ISL_MODEL_INVALID', `${fieldPrefix}.equations must be an object`, {
      field: `${fieldPrefix}.equations`,
    });
  }
  const variables = spec.variables ?? [];
  const distributions = spec.distributions ?? {};
  const equationNames = Object.keys(spec.equations);
  const distributionNames = Object.keys(distributions);

  const symbols: string[] = [];
  const slotOf = new Map<string, number>();
  const declare = (name: string): void => {
    if (!slotOf.has(name)) {
      slotOf.set(name, symbols.length);
      symbols.push(name);
    }
  };
  variables.forEach((v, i) => declare(checkName(v, `${fieldPrefix}.variables[${i}]`)));
  for (const n of equationNames) declare(checkName(n, `${fieldPrefix}.equations.${n}`));
  for (const n of distributionNames) declare(checkName(n, `${fieldPrefix}.distributions.${n}`));
  if (symbols.length > MAX_MODEL_SYMBOLS) {
    throw new IslError(
      'ISL_MODEL_INVALID',
      `${fieldPrefix} declares ${symbols.length} symbols; the limit is ${MAX_MODEL_SYMBOLS}`,
      {
        field: `${fieldPrefix}.variables`,
      },
    );
  }

  const exogenous: ExogenousVariable[] = [];
  for (const name of distributionNames) {
    const field = `${fieldPrefix}.distributions.${name}`;
    if (own(spec.equations, name) !== undefined) {
      throw new IslError('ISL_MODEL_INVALID', `"${name}" has both an equation and a distribution; give one`, {
        field,
      });
    }
    const d = own(distributions, name);
    exogenous.push({
      name,
      slot: slotOf.get(name) ?? -1,
      distribution: createDistribution(d as DistributionSpec, field),
    });
  }

  const parsed = new Map<string, Expression>();
  for (const name of equationNames) {
    const origin = { variable: name, field: `${fieldPrefix}.equations.${name}` };
    parsed.set(name, parseExpression(own(spec.equations, name), origin));
  }

  // Dependencies among endogenous variables only; exogenous and free inputs are roots.
  const deps = new Map<string, string[]>();
  for (const [name, expression] of parsed) {
    deps.set(
      name,
      expression.symbols.filter((s) => parsed.has(s)),
    );
  }
  const order: string[] = [];
  const done = new Set<string>();
  const remaining = new Set(equationNames);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((n) => (deps.get(n) ?? []).every((d) => done.has(d)));
    if (ready.length === 0) {
      const cycle = findCycle([...remaining], deps);
      throw new IslError('ISL_MODEL_CYCLE', `Structural equations form a cycle: ${cycle.join(' → ')}`, {
        field: `${fieldPrefix}.equations.${cycle[0] ?? ''}`,
        details: { cycle },
      });
    }
    for (const n of ready) {
      remaining.delete(n);
      done.add(n);
      order.push(n);
    }
  }

  const endogenous: EndogenousVariable[] = order.map((name) => {
    const expression = parsed.get(name) as Expression;
    const origin = { variable: name, field: `${fieldPrefix}.equations.${name}` };
    return {
      name,
      slot: slotOf.get(name) ?? -1,
      expression,
      evaluate: compileExpression(expression, (s) => slotOf.get(s), origin),
      inputs: expression.symbols.filter((s) => slotOf.has(s)),
    };
  });

  const freeInputs = symbols.filter((s) => !parsed.has(s) && own(distributions, s) === undefined);

  return {
    symbols,
    slotOf,
    endogenous,
    exogenous,
    freeInputs,
    propagate(values, fixed) {
      for (const v of endogenous) {
        if (!fixed.has(v.slot)) values[v.slot] = v.evaluate(values);
      }
    },
  };
}
