import type { Formula, Term } from '../formula.js';
import type { FiniteModel } from './model-finder.js';

/** Thrown internally when evaluation exceeds its step budget. */
class BudgetExceeded extends Error {}

/**
 * Evaluates a closed formula in a finite model (unknown symbols read as 0 / false). Returns
 * undefined when more than `maxSteps` atoms would have to be evaluated (deep quantifier nests).
 */
export function evaluateInModel(f: Formula, model: FiniteModel, maxSteps = 1_000_000): boolean | undefined {
  let steps = 0;
  const n = model.domainSize;
  const functionTables = new Map<string, Map<string, number>>();
  for (const [name, rows] of Object.entries(model.functions)) {
    functionTables.set(`${name}/${rows[0]?.args.length ?? 0}`, new Map(rows.map((r) => [r.args.join(','), r.value])));
  }
  const predicateTables = new Map<string, Set<string>>();
  for (const [name, rows] of Object.entries(model.predicates)) {
    const arity = rows[0]?.length;
    const set = new Set(rows.map((r) => r.join(',')));
    // An empty table holds for every arity of that name.
    predicateTables.set(arity === undefined ? name : `${name}/${arity}`, set);
  }
  const term = (t: Term, env: ReadonlyMap<string, number>): number => {
    if (t.kind === 'var') return env.get(t.name) ?? 0;
    if (t.kind === 'const') return model.constants[t.name] ?? 0;
    const args = t.args.map((a) => term(a, env));
    return functionTables.get(`${t.name}/${args.length}`)?.get(args.join(',')) ?? 0;
  };
  const holds = (g: Formula, env: ReadonlyMap<string, number>): boolean => {
    if (++steps > maxSteps) throw new BudgetExceeded();
    switch (g.kind) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'pred': {
        const key = g.args.map((a) => term(a, env)).join(',');
        const table = predicateTables.get(`${g.name}/${g.args.length}`) ?? predicateTables.get(g.name);
        return table?.has(key) ?? false;
      }
      case 'eq':
        return term(g.left, env) === term(g.right, env);
      case 'not':
        return !holds(g.body, env);
      case 'and':
        return holds(g.left, env) && holds(g.right, env);
      case 'or':
        return holds(g.left, env) || holds(g.right, env);
      case 'implies':
        return !holds(g.left, env) || holds(g.right, env);
      case 'iff':
        return holds(g.left, env) === holds(g.right, env);
      case 'xor':
        return holds(g.left, env) !== holds(g.right, env);
      case 'forall':
      case 'exists': {
        const universal = g.kind === 'forall';
        const assign = (i: number, inner: Map<string, number>): boolean => {
          if (i === g.variables.length) return holds(g.body, inner);
          for (let d = 0; d < n; d++) {
            const next = new Map(inner);
            next.set(g.variables[i] as string, d);
            if (assign(i + 1, next) !== universal) return !universal;
          }
          return universal;
        };
        return assign(0, new Map(env));
      }
      case 'modal':
        throw new Error('modal formulas have no first-order value');
    }
  };
  try {
    return holds(f, new Map());
  } catch (e) {
    if (e instanceof BudgetExceeded) return undefined;
    throw e;
  }
}
