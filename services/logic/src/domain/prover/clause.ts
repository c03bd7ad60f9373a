import { Cmp, compareMultisets, type Kbo } from './ordering.js';
import { app, maxVar, TRUE_SYMBOL, termEquals, type Signature, type Term } from './terms.js';

/** An equational literal `l ≈ r` or `l ≉ r`; when `oriented`, l ≻ r. Predicates are `P(…) ≈ ⊤`. */
export interface Literal {
  readonly pos: boolean;
  readonly l: Term;
  readonly r: Term;
  readonly oriented: boolean;
}

/** How a clause came to be; `parents` are clause ids. */
export interface Derivation {
  readonly rule: string;
  readonly parents: readonly number[];
  /** For input clauses: the name of the formula it came from. */
  readonly source?: string;
}

export interface Clause {
  readonly id: number;
  readonly lits: readonly Literal[];
  readonly weight: number;
  /** Derived (transitively) from the negated conjecture. */
  readonly conj: boolean;
  readonly derivation: Derivation;
  /** Number of distinct variables (they are normalised to 0..vars-1). */
  readonly vars: number;
  dead: boolean;
  active: boolean;
  /** Index of the selected negative literal, -1 when none; computed on activation. */
  selected: number;
  /** maximal[i]: literal i is maximal in the clause (not smaller than another literal). */
  maximal: boolean[] | undefined;
}

export function makeLiteral(pos: boolean, a: Term, b: Term, kbo: Kbo): Literal {
  const c = kbo.compare(a, b);
  if (c === Cmp.LT) return { pos, l: b, r: a, oriented: true };
  return { pos, l: a, r: b, oriented: c === Cmp.GT };
}

export function isPredicateLiteral(lit: Literal): boolean {
  return typeof lit.r !== 'number' && lit.r.f === TRUE_SYMBOL;
}

function literalTerms(lit: Literal): Term[] {
  return lit.pos ? [lit.l, lit.r] : [lit.l, lit.l, lit.r, lit.r];
}

export function compareLiterals(a: Literal, b: Literal, kbo: Kbo): Cmp {
  return compareMultisets(literalTerms(a), literalTerms(b), kbo);
}

export function literalEquals(a: Literal, b: Literal): boolean {
  if (a.pos !== b.pos) return false;
  return (termEquals(a.l, b.l) && termEquals(a.r, b.r)) || (termEquals(a.l, b.r) && termEquals(a.r, b.l));
}

function renameTerm(t: Term, map: Map<number, number>): Term {
  if (typeof t === 'number') {
    let v = map.get(t);
    if (v === undefined) {
      v = map.size;
      map.set(t, v);
    }
    return v;
  }
  if (t.ground) return t;
  return app(t.f, t.args.map((a) => renameTerm(a, map)));
}

export interface NormalisedLiterals {
  readonly lits: Literal[];
  readonly vars: number;
  readonly tautology: boolean;
}

/**
 * Removes duplicate literals and false literals `s ≉ s`, renames variables to 0..n-1 and detects
 * tautologies (`s ≈ s`, or a literal together with its complement).
 */
export function normaliseLiterals(input: readonly Literal[]): NormalisedLiterals {
  const kept: Literal[] = [];
  for (const lit of input) {
    const trivial = termEquals(lit.l, lit.r);
    if (trivial) {
      if (lit.pos) return { lits: [], vars: 0, tautology: true };
      continue;
    }
    let duplicate = false;
    for (const k of kept) {
      if (literalEquals(k, lit)) {
        duplicate = true;
        break;
      }
      if (k.pos !== lit.pos && literalEquals({ ...k, pos: lit.pos }, lit)) return { lits: [], vars: 0, tautology: true };
    }
    if (!duplicate) kept.push(lit);
  }
  const map = new Map<number, number>();
  const lits = kept.map((lit) => ({ pos: lit.pos, l: renameTerm(lit.l, map), r: renameTerm(lit.r, map), oriented: lit.oriented }));
  return { lits, vars: map.size, tautology: false };
}

export function clauseWeight(lits: readonly Literal[]): number {
  let w = 0;
  for (const lit of lits) w += (typeof lit.l === 'number' ? 1 : lit.l.w) + (typeof lit.r === 'number' ? 1 : lit.r.w);
  return w;
}

export function clauseMaxVar(lits: readonly Literal[]): number {
  let m = -1;
  for (const lit of lits) m = Math.max(m, maxVar(lit.l), maxVar(lit.r));
  return m;
}

export function printTermWith(t: Term, sig: Signature): string {
  if (typeof t === 'number') return `X${t}`;
  const name = sig.names[t.f] ?? `f${t.f}`;
  return t.args.length === 0 ? name : `${name}(${t.args.map((a) => printTermWith(a, sig)).join(',')})`;
}

export function printLiteral(lit: Literal, sig: Signature): string {
  if (isPredicateLiteral(lit)) return `${lit.pos ? '' : '~'}${printTermWith(lit.l, sig)}`;
  return `${printTermWith(lit.l, sig)} ${lit.pos ? '=' : '!='} ${printTermWith(lit.r, sig)}`;
}

/** A clause in TPTP-like notation; the empty clause is `$false`. */
export function printClause(lits: readonly Literal[], sig: Signature): string {
  return lits.length === 0 ? '$false' : lits.map((l) => printLiteral(l, sig)).join(' | ');
}
