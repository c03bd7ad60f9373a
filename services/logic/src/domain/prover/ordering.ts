import { countVars, termEquals, type Term } from './terms.js';

/** Result of comparing two terms or literals in the reduction ordering. */
export const enum Cmp {
  LT = -1,
  EQ = 0,
  GT = 1,
  INC = 2,
}

/**
 * Knuth–Bendix ordering with all symbol weights 1 and precedence by arity, then symbol id (so ⊤,
 * symbol 0, is the least). It is total on ground terms, which superposition needs.
 */
export class Kbo {
  constructor(private readonly arities: readonly number[]) {}

  private prec(f: number, g: number): number {
    const a = this.arities[f] ?? 0;
    const b = this.arities[g] ?? 0;
    return a !== b ? a - b : f - g;
  }

  compare(s: Term, t: Term): Cmp {
    if (s === t) return Cmp.EQ;
    if (typeof s === 'number') {
      if (typeof t === 'number') return Cmp.INC;
      return occursIn(s, t) ? Cmp.LT : Cmp.INC;
    }
    if (typeof t === 'number') return occursIn(t, s) ? Cmp.GT : Cmp.INC;
    if (s.ground && t.ground) return this.compareNoVars(s, t);
    const balance = new Map<number, number>();
    countVars(s, balance, 1);
    countVars(t, balance, -1);
    let sCovers = true; // every variable occurs in s at least as often as in t
    let tCovers = true;
    for (const d of balance.values()) {
      if (d < 0) sCovers = false;
      else if (d > 0) tCovers = false;
    }
    if (!sCovers && !tCovers) return Cmp.INC;
    const r = this.compareNoVars(s, t);
    if (r === Cmp.GT) return sCovers ? Cmp.GT : Cmp.INC;
    if (r === Cmp.LT) return tCovers ? Cmp.LT : Cmp.INC;
    return r;
  }

  /** Weight, precedence and lexicographic comparison; the variable condition is checked by the caller. */
  private compareNoVars(s: Term, t: Term): Cmp {
    if (typeof s === 'number' || typeof t === 'number') return this.compare(s, t);
    if (s.w !== t.w) return s.w > t.w ? Cmp.GT : Cmp.LT;
    if (s.f !== t.f) return this.prec(s.f, t.f) > 0 ? Cmp.GT : Cmp.LT;
    for (let i = 0; i < s.args.length; i++) {
      const a = s.args[i] as Term;
      const b = t.args[i] as Term;
      if (termEquals(a, b)) continue;
      // Lexicographic step: the full KBO on the first differing arguments.
      return this.compare(a, b);
    }
    return Cmp.EQ;
  }

  greater(s: Term, t: Term): boolean {
    return this.compare(s, t) === Cmp.GT;
  }
}

function occursIn(v: number, t: Term): boolean {
  if (typeof t === 'number') return t === v;
  if (t.ground) return false;
  for (const a of t.args) if (occursIn(v, a)) return true;
  return false;
}

/** Multiset extension of a term ordering over small multisets (literals have 2 or 4 elements). */
export function compareMultisets(ms: readonly Term[], ns: readonly Term[], kbo: Kbo): Cmp {
  const m = ms.slice();
  const n = ns.slice();
  for (let i = m.length - 1; i >= 0; i--) {
    const j = n.findIndex((x) => termEquals(x, m[i] as Term));
    if (j >= 0) {
      m.splice(i, 1);
      n.splice(j, 1);
    }
  }
  if (m.length === 0 && n.length === 0) return Cmp.EQ;
  const dominates = (a: Term[], b: Term[]): boolean => b.every((y) => a.some((x) => kbo.compare(x, y) === Cmp.GT));
  if (dominates(m, n)) return Cmp.GT;
  if (dominates(n, m)) return Cmp.LT;
  return Cmp.INC;
}
