import type { Literal } from './clause.js';
import { negative, positive, solveSat } from './sat-solver.js';
import { TRUE_SYMBOL, type Signature, type Term } from './terms.js';

/** A finite interpretation over the domain {0, …, size-1}. Skolem and definition symbols are omitted. */
export interface FiniteModel {
  readonly domainSize: number;
  readonly constants: Readonly<Record<string, number>>;
  /** Function tables as `f(0,1) = 1` rows. */
  readonly functions: Readonly<Record<string, readonly { readonly args: readonly number[]; readonly value: number }[]>>;
  /** The tuples each predicate holds of (nullary predicates: `[[]]` when true, `[]` when false). */
  readonly predicates: Readonly<Record<string, readonly (readonly number[])[]>>;
}

/** A literal over variables only: P(x̄), f(x̄) = y or x = y. */
type Flat =
  | { readonly kind: 'pred'; readonly pos: boolean; readonly p: number; readonly args: readonly number[] }
  | { readonly kind: 'fn'; readonly pos: boolean; readonly f: number; readonly args: readonly number[]; readonly res: number }
  | { readonly kind: 'veq'; readonly pos: boolean; readonly a: number; readonly b: number };

interface FlatClause {
  readonly lits: Flat[];
  readonly vars: number;
}

function maxVarIn(t: Term): number {
  if (typeof t === 'number') return t;
  let m = -1;
  for (const a of t.args) m = Math.max(m, maxVarIn(a));
  return m;
}

/** Flattens a clause so every literal is shallow; nested terms become fresh variables (MACE style). */
function flatten(lits: readonly Literal[]): FlatClause {
  let next = 0;
  for (const lit of lits) next = Math.max(next, maxVarIn(lit.l) + 1, maxVarIn(lit.r) + 1);
  const out: Flat[] = [];
  // A non-variable term t becomes variable v with the side condition f(…) ≠ v (i.e. "if f(…) = v").
  const toVar = (t: Term): number => {
    if (typeof t === 'number') return t;
    const args = t.args.map(toVar);
    const v = next++;
    out.push({ kind: 'fn', pos: false, f: t.f, args, res: v });
    return v;
  };
  for (const lit of lits) {
    const { l, r } = lit;
    if (typeof r !== 'number' && r.f === TRUE_SYMBOL && typeof l !== 'number') {
      out.push({ kind: 'pred', pos: lit.pos, p: l.f, args: l.args.map(toVar) });
    } else if (typeof l === 'number' && typeof r === 'number') {
      out.push({ kind: 'veq', pos: lit.pos, a: l, b: r });
    } else if (typeof l === 'number' || typeof r === 'number') {
      const v = (typeof l === 'number' ? l : r) as number;
      const t = (typeof l === 'number' ? r : l) as Exclude<Term, number>;
      out.push({ kind: 'fn', pos: lit.pos, f: t.f, args: t.args.map(toVar), res: v });
    } else if (lit.pos) {
      const v = toVar(l);
      out.push({ kind: 'fn', pos: true, f: r.f, args: r.args.map(toVar), res: v });
    } else {
      const v = toVar(l);
      out.push({ kind: 'fn', pos: false, f: r.f, args: r.args.map(toVar), res: v });
    }
  }
  return { lits: out, vars: next };
}

export interface ModelSearchLimits {
  readonly maxDomainSize: number;
  /** Skip a domain size whose grounding would exceed this many clause instances. */
  readonly maxGroundClauses: number;
  readonly maxSatSteps: number;
  readonly expired?: () => boolean;
}

export const DEFAULT_MODEL_LIMITS: ModelSearchLimits = { maxDomainSize: 5, maxGroundClauses: 300_000, maxSatSteps: 200_000 };

/**
 * Searches for a finite model of the clauses over domains of size 1..maxDomainSize by grounding
 * the flattened clauses and calling the SAT solver. Returns undefined when none was found in bounds.
 */
export function findFiniteModel(clauses: readonly (readonly Literal[])[], signature: Signature, limits: ModelSearchLimits = DEFAULT_MODEL_LIMITS): FiniteModel | undefined {
  const flat = clauses.map(flatten);
  const used = new Set<number>();
  for (const c of flat) for (const l of c.lits) if (l.kind !== 'veq') used.add(l.kind === 'pred' ? l.p : l.f);
  for (let n = 1; n <= limits.maxDomainSize; n++) {
    if (limits.expired?.() === true) return undefined;
    let groundCount = 0;
    for (const c of flat) groundCount += n ** c.vars;
    if (groundCount > limits.maxGroundClauses) return undefined;
    const model = tryDomain(flat, [...used], signature, n, limits);
    if (model !== undefined) return model;
  }
  return undefined;
}

function tryDomain(flat: readonly FlatClause[], symbols: readonly number[], sig: Signature, n: number, limits: ModelSearchLimits): FiniteModel | undefined {
  const offset = new Map<number, number>();
  let varCount = 0;
  for (const s of symbols) {
    offset.set(s, varCount);
    const k = sig.arities[s] ?? 0;
    varCount += sig.isPredicate[s] ? n ** k : n ** k * n;
  }
  const tupleIndex = (args: readonly number[], env: readonly number[]): number => {
    let idx = 0;
    for (const a of args) idx = idx * n + (env[a] as number);
    return idx;
  };
  const ground: number[][] = [];
  // Functions are total and single-valued.
  const constants: number[] = [];
  for (const s of symbols) {
    if (sig.isPredicate[s]) continue;
    const k = sig.arities[s] ?? 0;
    const base = offset.get(s) as number;
    if (k === 0) constants.push(s);
    for (let t = 0; t < n ** k; t++) {
      const row: number[] = [];
      for (let v = 0; v < n; v++) row.push(positive(base + t * n + v));
      ground.push(row);
      for (let v = 0; v < n; v++) for (let w = v + 1; w < n; w++) ground.push([negative(base + t * n + v), negative(base + t * n + w)]);
    }
  }
  // Symmetry breaking (least number heuristic, weak form): the i-th constant is one of 0..i.
  constants.forEach((c, i) => {
    const base = offset.get(c) as number;
    for (let v = i + 1; v < n; v++) ground.push([negative(base + v)]);
  });
  for (const c of flat) {
    if (limits.expired?.() === true) return undefined;
    const env = new Array<number>(c.vars).fill(0);
    const total = n ** c.vars;
    for (let a = 0; a < total; a++) {
      // Grounding a wide clause can take longer than the time slice the caller granted.
      if ((a & 4095) === 4095 && limits.expired?.() === true) return undefined;
      let rest = a;
      for (let i = 0; i < c.vars; i++) {
        env[i] = rest % n;
        rest = Math.floor(rest / n);
      }
      const row: number[] = [];
      let satisfied = false;
      for (const l of c.lits) {
        if (l.kind === 'veq') {
          if ((env[l.a] === env[l.b]) === l.pos) {
            satisfied = true;
            break;
          }
          continue;
        }
        const v =
          l.kind === 'pred'
            ? (offset.get(l.p) as number) + tupleIndex(l.args, env)
            : (offset.get(l.f) as number) + tupleIndex(l.args, env) * n + (env[l.res] as number);
        row.push(l.pos ? positive(v) : negative(v));
      }
      if (!satisfied) ground.push(row);
    }
  }
  const answer = solveSat(varCount, ground, { maxSteps: limits.maxSatSteps, ...(limits.expired ? { expired: limits.expired } : {}) });
  if (answer.sat !== true) return undefined;
  const values = answer.values;
  const model: { domainSize: number; constants: Record<string, number>; functions: Record<string, { args: number[]; value: number }[]>; predicates: Record<string, number[][]> } = {
    domainSize: n,
    constants: {},
    functions: {},
    predicates: {},
  };
  const tuple = (t: number, k: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < k; i++) {
      out.unshift(t % n);
      t = Math.floor(t / n);
    }
    return out;
  };
  for (const s of symbols) {
    if (sig.isSkolem[s]) continue;
    const name = sig.names[s] as string;
    const k = sig.arities[s] ?? 0;
    const base = offset.get(s) as number;
    if (sig.isPredicate[s]) {
      const rows: number[][] = [];
      for (let t = 0; t < n ** k; t++) if (values[base + t] === 1) rows.push(tuple(t, k));
      model.predicates[name] = rows;
    } else {
      const rows: { args: number[]; value: number }[] = [];
      for (let t = 0; t < n ** k; t++) for (let v = 0; v < n; v++) if (values[base + t * n + v] === 1) rows.push({ args: tuple(t, k), value: v });
      if (k === 0) model.constants[name] = rows[0]?.value ?? 0;
      else model.functions[name] = rows;
    }
  }
  return model;
}
