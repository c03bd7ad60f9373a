import { LogicError } from '../../errors.js';
import type { Formula, Term as AstTerm } from '../formula.js';
import { freeVariables } from '../syntax/parser.js';
import type { Literal } from './clause.js';
import { app, Signature, TRUE, type Term } from './terms.js';

/** Negation normal form over unique variable names. */
type Nnf =
  | { readonly k: 'lit'; readonly pos: boolean; readonly atom: Atom }
  | { readonly k: 'and' | 'or'; readonly items: readonly Nnf[] }
  | { readonly k: 'all' | 'ex'; readonly vars: readonly string[]; readonly body: Nnf }
  | { readonly k: 'true' | 'false' };

type Atom = { readonly kind: 'pred'; readonly name: string; readonly args: readonly AstTerm[] } | { readonly kind: 'eq'; readonly left: AstTerm; readonly right: AstTerm };

/** A clause as produced by clausification, before ordering-based normalisation. */
export interface InputClause {
  readonly lits: Literal[];
  readonly source: string;
  readonly conj: boolean;
}

export interface ClausifyOptions {
  /** Nested ↔/⊕ operands with more atoms than this get a definition (Tseitin) instead of being copied. */
  readonly iffNamingThreshold?: number;
  /** A disjunction whose distribution would yield more clauses than this names its largest part. */
  readonly distributionLimit?: number;
}

const TRUE_N: Nnf = { k: 'true' };
const FALSE_N: Nnf = { k: 'false' };

function mkAnd(items: Nnf[]): Nnf {
  const out: Nnf[] = [];
  for (const i of items) {
    if (i.k === 'false') return FALSE_N;
    if (i.k === 'true') continue;
    if (i.k === 'and') out.push(...i.items);
    else out.push(i);
  }
  return out.length === 0 ? TRUE_N : out.length === 1 ? (out[0] as Nnf) : { k: 'and', items: out };
}

function mkOr(items: Nnf[]): Nnf {
  const out: Nnf[] = [];
  for (const i of items) {
    if (i.k === 'true') return TRUE_N;
    if (i.k === 'false') continue;
    if (i.k === 'or') out.push(...i.items);
    else out.push(i);
  }
  return out.length === 0 ? FALSE_N : out.length === 1 ? (out[0] as Nnf) : { k: 'or', items: out };
}

function mkQuant(k: 'all' | 'ex', vars: readonly string[], body: Nnf): Nnf {
  if (body.k === 'true' || body.k === 'false') return body;
  const fv = freeVars(body);
  const used = vars.filter((v) => fv.has(v));
  return used.length === 0 ? body : { k, vars: used, body };
}

function termVars(t: AstTerm, out: Set<string>): void {
  if (t.kind === 'var') out.add(t.name);
  else if (t.kind === 'fn') for (const a of t.args) termVars(a, out);
}

function freeVars(n: Nnf, out: Set<string> = new Set()): Set<string> {
  switch (n.k) {
    case 'lit':
      if (n.atom.kind === 'pred') for (const a of n.atom.args) termVars(a, out);
      else {
        termVars(n.atom.left, out);
        termVars(n.atom.right, out);
      }
      return out;
    case 'and':
    case 'or':
      for (const i of n.items) freeVars(i, out);
      return out;
    case 'all':
    case 'ex': {
      const inner = freeVars(n.body);
      for (const v of inner) if (!n.vars.includes(v)) out.add(v);
      return out;
    }
    default:
      return out;
  }
}

function atomCount(f: Formula): number {
  switch (f.kind) {
    case 'true':
    case 'false':
    case 'pred':
    case 'eq':
      return 1;
    case 'not':
    case 'modal':
    case 'forall':
    case 'exists':
      return atomCount(f.body);
    default:
      return atomCount(f.left) + atomCount(f.right);
  }
}

function hasEquivalence(f: Formula): boolean {
  switch (f.kind) {
    case 'iff':
    case 'xor':
      return true;
    case 'and':
    case 'or':
    case 'implies':
      return hasEquivalence(f.left) || hasEquivalence(f.right);
    case 'not':
    case 'forall':
    case 'exists':
      return hasEquivalence(f.body);
    default:
      return false;
  }
}

/** Clausifier state: fresh names, the signature and definitions introduced along the way. */
class Clausifier {
  private counter = 0;
  readonly clauses: InputClause[] = [];
  private readonly iffThreshold: number;
  private readonly distributionLimit: number;

  constructor(
    readonly signature: Signature,
    options: ClausifyOptions,
  ) {
    this.iffThreshold = options.iffNamingThreshold ?? 4;
    this.distributionLimit = options.distributionLimit ?? 32;
  }

  private freshVar(name: string): string {
    return `${name}#${++this.counter}`;
  }

  private renameTerm(t: AstTerm, env: ReadonlyMap<string, string>): AstTerm {
    if (t.kind === 'var') return { kind: 'var', name: env.get(t.name) ?? t.name };
    if (t.kind === 'const') return t;
    return { kind: 'fn', name: t.name, args: t.args.map((a) => this.renameTerm(a, env)) };
  }

  /** NNF of `f` under `pos` polarity, renaming bound variables apart; pending definitions are queued. */
  nnf(f: Formula, pos: boolean, env: ReadonlyMap<string, string>, source: string, conj: boolean): Nnf {
    switch (f.kind) {
      case 'true':
        return pos ? TRUE_N : FALSE_N;
      case 'false':
        return pos ? FALSE_N : TRUE_N;
      case 'pred':
        return { k: 'lit', pos, atom: { kind: 'pred', name: f.name, args: f.args.map((a) => this.renameTerm(a, env)) } };
      case 'eq':
        return { k: 'lit', pos, atom: { kind: 'eq', left: this.renameTerm(f.left, env), right: this.renameTerm(f.right, env) } };
      case 'not':
        return this.nnf(f.body, !pos, env, source, conj);
      case 'and':
      case 'or': {
        const isAnd = (f.kind === 'and') === pos;
        const items = [this.nnf(f.left, pos, env, source, conj), this.nnf(f.right, pos, env, source, conj)];
        return isAnd ? mkAnd(items) : mkOr(items);
      }
      case 'implies': {
        const items = [this.nnf(f.left, !pos, env, source, conj), this.nnf(f.right, pos, env, source, conj)];
        return pos ? mkOr(items) : mkAnd(items);
      }
      case 'iff':
      case 'xor':
        return this.equivalence(f.kind, this.nameIfLarge(f.left, env, source, conj), this.nameIfLarge(f.right, env, source, conj), pos, env, source, conj);
      case 'forall':
      case 'exists': {
        const inner = new Map(env);
        const vars = f.variables.map((v) => {
          const u = this.freshVar(v);
          inner.set(v, u);
          return u;
        });
        const universal = (f.kind === 'forall') === pos;
        return mkQuant(universal ? 'all' : 'ex', vars, this.nnf(f.body, pos, inner, source, conj));
      }
      case 'modal':
        throw new LogicError('LOGIC_MODAL_NOT_TRANSLATED', undefined, { field: 'formula' });
    }
  }

  /** a ↔ b is (¬a ∨ b) ∧ (a ∨ ¬b); a ⊕ b is ¬(a ↔ b). */
  private equivalence(kind: 'iff' | 'xor', left: Formula, right: Formula, pos: boolean, env: ReadonlyMap<string, string>, source: string, conj: boolean): Nnf {
    const equivalence = (kind === 'iff') === pos;
    const lp = this.nnf(left, true, env, source, conj);
    const ln = this.nnf(left, false, env, source, conj);
    const rp = this.nnf(right, true, env, source, conj);
    const rn = this.nnf(right, false, env, source, conj);
    return equivalence ? mkAnd([mkOr([ln, rp]), mkOr([lp, rn])]) : mkAnd([mkOr([lp, rp]), mkOr([ln, rn])]);
  }

  /**
   * Operands of ↔ are copied in both polarities; a large operand that itself contains ↔ would blow up
   * exponentially, so it is replaced by a fresh predicate D(free vars) with D ↔ operand as a definition.
   */
  private nameIfLarge(f: Formula, env: ReadonlyMap<string, string>, source: string, conj: boolean): Formula {
    if (!hasEquivalence(f) || atomCount(f) <= this.iffThreshold) return f;
    const fv = freeVariables(f).map((v) => env.get(v) ?? v);
    const d = this.signature.fresh('def', fv.length, true);
    const name = this.signature.names[d] as string;
    const atom: Formula = { kind: 'pred', name, args: fv.map((v) => ({ kind: 'var', name: v })) };
    // The definition is stated over the already-renamed variables, so it is closed by a ∀ over them.
    const identity = new Map(fv.map((v) => [v, v] as const));
    for (const [k, v] of env) identity.set(k, v);
    // The operand itself is expanded here (its own operands may be named in turn), never renamed again.
    const definition = this.equivalence('iff', atom, f, true, identity, source, conj);
    this.emit(mkQuant('all', fv, definition), `${source}_definition`, conj);
    return atom;
  }

  /** Pushes quantifiers inwards (miniscoping), which gives Skolem functions fewer arguments. */
  miniscope(n: Nnf): Nnf {
    switch (n.k) {
      case 'and':
        return mkAnd(n.items.map((i) => this.miniscope(i)));
      case 'or':
        return mkOr(n.items.map((i) => this.miniscope(i)));
      case 'all':
      case 'ex': {
        let body = this.miniscope(n.body);
        for (let i = n.vars.length - 1; i >= 0; i--) body = this.pushQuantifier(n.k, n.vars[i] as string, body);
        return body;
      }
      default:
        return n;
    }
  }

  private pushQuantifier(k: 'all' | 'ex', v: string, body: Nnf): Nnf {
    if (!freeVars(body).has(v)) return body;
    const distributes = (k === 'all' && body.k === 'and') || (k === 'ex' && body.k === 'or');
    if (distributes && (body.k === 'and' || body.k === 'or')) {
      const items = body.items.map((i) => this.pushQuantifier(k, v, i));
      return body.k === 'and' ? mkAnd(items) : mkOr(items);
    }
    if (body.k === 'and' || body.k === 'or') {
      const withV = body.items.filter((i) => freeVars(i).has(v));
      const without = body.items.filter((i) => !freeVars(i).has(v));
      if (without.length > 0) {
        const inner = body.k === 'and' ? mkAnd(withV) : mkOr(withV);
        const q = this.pushQuantifier(k, v, inner);
        return body.k === 'and' ? mkAnd([q, ...without]) : mkOr([q, ...without]);
      }
    }
    if (body.k === k) return { k, vars: [v, ...body.vars], body: body.body };
    return { k, vars: [v], body };
  }

  /** Replaces ∃-variables by Skolem terms over the free universal variables of their scope. */
  skolemize(n: Nnf, subst: ReadonlyMap<string, AstTerm>): Nnf {
    switch (n.k) {
      case 'lit': {
        const apply = (t: AstTerm): AstTerm => {
          if (t.kind === 'var') return subst.get(t.name) ?? t;
          if (t.kind === 'const') return t;
          return { kind: 'fn', name: t.name, args: t.args.map(apply) };
        };
        const atom: Atom =
          n.atom.kind === 'pred'
            ? { kind: 'pred', name: n.atom.name, args: n.atom.args.map(apply) }
            : { kind: 'eq', left: apply(n.atom.left), right: apply(n.atom.right) };
        return { k: 'lit', pos: n.pos, atom };
      }
      case 'and':
        return mkAnd(n.items.map((i) => this.skolemize(i, subst)));
      case 'or':
        return mkOr(n.items.map((i) => this.skolemize(i, subst)));
      case 'all':
        return { k: 'all', vars: n.vars, body: this.skolemize(n.body, subst) };
      case 'ex': {
        // Free variables of the ∃-formula after substitution are exactly the universals it depends on.
        const fvRaw = [...freeVars(n)];
        const fv = new Set<string>();
        for (const v of fvRaw) {
          const s = subst.get(v);
          if (s === undefined) fv.add(v);
          else termVars(s, fv);
        }
        const args: AstTerm[] = [...fv].map((name) => ({ kind: 'var', name }));
        const inner = new Map(subst);
        for (const v of n.vars) {
          const f = this.signature.fresh('sK', args.length, false);
          const name = this.signature.names[f] as string;
          inner.set(v, args.length === 0 ? { kind: 'const', name } : { kind: 'fn', name, args });
        }
        return this.skolemize(n.body, inner);
      }
      default:
        return n;
    }
  }

  /** CNF by distribution, naming a disjunct when the product would exceed the limit. */
  cnf(n: Nnf, source: string, conj: boolean): Nnf[][] {
    switch (n.k) {
      case 'true':
        return [];
      case 'false':
        return [[]];
      case 'lit':
        return [[n]];
      case 'all':
        return this.cnf(n.body, source, conj);
      case 'ex':
        throw new Error('existential left after Skolemization');
      case 'and':
        return n.items.flatMap((i) => this.cnf(i, source, conj));
      case 'or': {
        const parts = n.items.map((i) => this.cnf(i, source, conj));
        let product = 1;
        for (const p of parts) product *= Math.max(1, p.length);
        while (product > this.distributionLimit) {
          let largest = 0;
          parts.forEach((p, i) => {
            if (p.length > (parts[largest] as Nnf[][]).length) largest = i;
          });
          const big = parts[largest] as Nnf[][];
          if (big.length <= 1) break;
          const fv = new Set<string>();
          for (const clause of big) for (const lit of clause) freeVars(lit, fv);
          const d = this.signature.fresh('def', fv.size, true);
          const atom: Atom = { kind: 'pred', name: this.signature.names[d] as string, args: [...fv].map((name) => ({ kind: 'var', name })) };
          for (const clause of big) this.pushClause([{ k: 'lit', pos: false, atom }, ...clause], `${source}_definition`, conj);
          parts[largest] = [[{ k: 'lit', pos: true, atom }]];
          product = 1;
          for (const p of parts) product *= Math.max(1, p.length);
        }
        let acc: Nnf[][] = [[]];
        for (const p of parts) {
          const next: Nnf[][] = [];
          for (const a of acc) for (const b of p) next.push([...a, ...b]);
          acc = next;
        }
        return acc;
      }
    }
  }

  emit(n: Nnf, source: string, conj: boolean): void {
    const sk = this.skolemize(this.miniscope(n), new Map());
    for (const clause of this.cnf(sk, source, conj)) this.pushClause(clause, source, conj);
  }

  private pushClause(clause: readonly Nnf[], source: string, conj: boolean): void {
    const vars = new Map<string, number>();
    const term = (t: AstTerm): Term => {
      if (t.kind === 'var') {
        let v = vars.get(t.name);
        if (v === undefined) {
          v = vars.size;
          vars.set(t.name, v);
        }
        return v;
      }
      if (t.kind === 'const') return app(this.signature.intern(t.name, 0, false), []);
      return app(this.signature.intern(t.name, t.args.length, false), t.args.map(term));
    };
    const lits: Literal[] = clause.map((n) => {
      if (n.k !== 'lit') throw new Error('clause literal expected');
      if (n.atom.kind === 'eq') return { pos: n.pos, l: term(n.atom.left), r: term(n.atom.right), oriented: false };
      const p = this.signature.intern(n.atom.name, n.atom.args.length, true);
      return { pos: n.pos, l: app(p, n.atom.args.map(term)), r: TRUE, oriented: false };
    });
    this.clauses.push({ lits, source, conj });
  }
}

export interface NamedFormula {
  readonly formula: Formula;
  readonly source: string;
  /** True for the negated conjecture (and what derives from it). */
  readonly conj: boolean;
}

/**
 * Clausifies formulas into CNF: NNF, miniscoping, Skolemization with fresh function symbols and
 * distribution with definitional naming against blow-up. Free variables are read universally.
 */
export function clausify(formulas: readonly NamedFormula[], signature = new Signature(), options: ClausifyOptions = {}): { signature: Signature; clauses: InputClause[] } {
  const c = new Clausifier(signature, options);
  for (const f of formulas) {
    const n = c.nnf(f.formula, true, new Map(), f.source, f.conj);
    const fv = [...freeVars(n)];
    c.emit(fv.length > 0 ? { k: 'all', vars: fv, body: n } : n, f.source, f.conj);
  }
  return { signature, clauses: c.clauses };
}
