/**
 * Interned terms for the native prover. A term is either a variable (a non-negative integer) or an
 * application of an interned symbol. Predicates are encoded as equations `P(…) ≈ ⊤`, so one calculus
 * (superposition) covers resolution and equality; `⊤` and predicate symbols are a second sort that
 * variables never bind to.
 */

export interface App {
  readonly f: number;
  readonly args: readonly Term[];
  /** KBO weight: number of symbol and variable occurrences. */
  readonly w: number;
  readonly ground: boolean;
}

export type Term = number | App;

export const TRUE_SYMBOL = 0;

/** The symbol table: names, arities and sort (predicate or individual) of every symbol. */
export class Signature {
  readonly names: string[] = ['$true'];
  readonly arities: number[] = [0];
  readonly isPredicate: boolean[] = [true];
  readonly isSkolem: boolean[] = [false];
  private readonly index = new Map<string, number>([['p/0/$true', 0]]);
  private skolemCounter = 0;

  intern(name: string, arity: number, predicate: boolean): number {
    const key = `${predicate ? 'p' : 'f'}/${arity}/${name}`;
    const found = this.index.get(key);
    if (found !== undefined) return found;
    const id = this.names.length;
    this.names.push(name);
    this.arities.push(arity);
    this.isPredicate.push(predicate);
    this.isSkolem.push(false);
    this.index.set(key, id);
    return id;
  }

  /** A fresh function symbol that no input uses (`sK1`, `sK2`, …; suffixed on a clash). */
  fresh(prefix: string, arity: number, predicate: boolean): number {
    for (;;) {
      const name = `${prefix}${++this.skolemCounter}`;
      if (!this.names.includes(name)) {
        const id = this.intern(name, arity, predicate);
        this.isSkolem[id] = true;
        return id;
      }
    }
  }

  get size(): number {
    return this.names.length;
  }
}

export const TRUE: App = { f: TRUE_SYMBOL, args: [], w: 1, ground: true };

export function app(f: number, args: readonly Term[]): App {
  if (args.length === 0 && f === TRUE_SYMBOL) return TRUE;
  let w = 1;
  let ground = true;
  for (const a of args) {
    if (typeof a === 'number') {
      w += 1;
      ground = false;
    } else {
      w += a.w;
      if (!a.ground) ground = false;
    }
  }
  return { f, args, w, ground };
}

export const isVar = (t: Term): t is number => typeof t === 'number';

export function weight(t: Term): number {
  return typeof t === 'number' ? 1 : t.w;
}

export function termEquals(s: Term, t: Term): boolean {
  if (s === t) return true;
  if (typeof s === 'number' || typeof t === 'number') return false;
  if (s.f !== t.f || s.w !== t.w) return false;
  for (let i = 0; i < s.args.length; i++) if (!termEquals(s.args[i] as Term, t.args[i] as Term)) return false;
  return true;
}

export function occurs(v: number, t: Term): boolean {
  if (typeof t === 'number') return t === v;
  if (t.ground) return false;
  for (const a of t.args) if (occurs(v, a)) return true;
  return false;
}

export function maxVar(t: Term): number {
  if (typeof t === 'number') return t;
  if (t.ground) return -1;
  let m = -1;
  for (const a of t.args) m = Math.max(m, maxVar(a));
  return m;
}

/** Adds `offset` to every variable (renaming clauses apart). */
export function shift(t: Term, offset: number): Term {
  if (typeof t === 'number') return t + offset;
  if (t.ground || offset === 0) return t;
  return app(t.f, t.args.map((a) => shift(a, offset)));
}

/**
 * A substitution as a sparse array with an undo trail. Bindings are triangular (a bound term may
 * contain bound variables), so terms are resolved with {@link Subst.apply}.
 */
export class Subst {
  readonly bindings: (Term | undefined)[] = [];
  readonly trail: number[] = [];

  bind(v: number, t: Term): void {
    this.bindings[v] = t;
    this.trail.push(v);
  }

  mark(): number {
    return this.trail.length;
  }

  undo(mark: number): void {
    while (this.trail.length > mark) this.bindings[this.trail.pop() as number] = undefined;
  }

  deref(t: Term): Term {
    while (typeof t === 'number') {
      const b = this.bindings[t];
      if (b === undefined) return t;
      t = b;
    }
    return t;
  }

  /**
   * Applies a matching substitution: bound terms belong to the target and are inserted as they are
   * (their variables share numbers with the pattern's, so they must not be dereferenced again).
   */
  applyMatch(t: Term): Term {
    if (typeof t === 'number') return this.bindings[t] ?? t;
    if (t.ground) return t;
    return app(t.f, t.args.map((a) => this.applyMatch(a)));
  }

  apply(t: Term): Term {
    t = this.deref(t);
    if (typeof t === 'number' || t.ground) return t;
    let changed = false;
    const args = t.args.map((a) => {
      const b = this.apply(a);
      if (b !== a) changed = true;
      return b;
    });
    return changed ? app(t.f, args) : t;
  }
}

function occursDeref(v: number, t: Term, s: Subst): boolean {
  t = s.deref(t);
  if (typeof t === 'number') return t === v;
  if (t.ground) return false;
  for (const a of t.args) if (occursDeref(v, a, s)) return true;
  return false;
}

/**
 * Most general unifier, extending `s`; on failure `s` is restored. `predicateSorted[f]` marks symbols
 * of the Boolean sort, which variables (individuals) never bind to.
 */
export function unify(a: Term, b: Term, s: Subst, predicateSorted: readonly boolean[]): boolean {
  const mark = s.mark();
  if (unifyRec(a, b, s, predicateSorted)) return true;
  s.undo(mark);
  return false;
}

function unifyRec(a: Term, b: Term, s: Subst, ps: readonly boolean[]): boolean {
  a = s.deref(a);
  b = s.deref(b);
  if (a === b) return true;
  if (typeof a === 'number') {
    if (typeof b !== 'number' && (ps[b.f] === true || occursDeref(a, b, s))) return false;
    s.bind(a, b);
    return true;
  }
  if (typeof b === 'number') {
    if (ps[a.f] === true || occursDeref(b, a, s)) return false;
    s.bind(b, a);
    return true;
  }
  if (a.f !== b.f) return false;
  if (a.ground && b.ground) return a.w === b.w && termEquals(a, b);
  for (let i = 0; i < a.args.length; i++) if (!unifyRec(a.args[i] as Term, b.args[i] as Term, s, ps)) return false;
  return true;
}

/**
 * One-sided matching: binds variables of `pattern` so that it equals `target` (whose variables are
 * treated as constants). Extends `s`; on failure `s` is restored.
 */
export function match(pattern: Term, target: Term, s: Subst): boolean {
  const mark = s.mark();
  if (matchRec(pattern, target, s)) return true;
  s.undo(mark);
  return false;
}

function matchRec(p: Term, t: Term, s: Subst): boolean {
  if (typeof p === 'number') {
    const b = s.bindings[p];
    if (b === undefined) {
      s.bind(p, t);
      return true;
    }
    return termEquals(b, t);
  }
  if (typeof t === 'number' || p.f !== t.f) return false;
  if (p.ground) return p === t || termEquals(p, t);
  if (p.w > t.w) return false;
  for (let i = 0; i < p.args.length; i++) if (!matchRec(p.args[i] as Term, t.args[i] as Term, s)) return false;
  return true;
}

/** Collects the variables of a term into `out` with multiplicity. */
export function countVars(t: Term, out: Map<number, number>, delta: number): void {
  if (typeof t === 'number') {
    out.set(t, (out.get(t) ?? 0) + delta);
    return;
  }
  if (t.ground) return;
  for (const a of t.args) countVars(a, out, delta);
}

/** Replaces the subterm at argument path `path` (from index `depth` on) with `replacement`. */
export function replaceAt(t: Term, path: readonly number[], depth: number, replacement: Term): Term {
  if (depth === path.length) return replacement;
  const a = t as App;
  const i = path[depth] as number;
  const args = a.args.slice();
  args[i] = replaceAt(a.args[i] as Term, path, depth + 1, replacement);
  return app(a.f, args);
}
