import type { Clause, Literal } from './clause.js';
import type { Kbo } from './ordering.js';
import { app, match, maxVar, Subst, TRUE_SYMBOL, type App, type Term } from './terms.js';

/** A rewrite rule taken from a positive unit equation (one direction of it). */
interface Rule {
  readonly l: App;
  readonly r: Term;
  /** True when l ≻ r for every instance, so no ordering check is needed when rewriting. */
  readonly oriented: boolean;
  readonly clause: Clause;
}

function varsWithin(t: Term, bound: Term): boolean {
  // Unoriented rules whose right side has extra variables could introduce fresh variables: skipped.
  return maxVar(t) < 0 || collect(t).every((v) => collect(bound).includes(v));
}

function collect(t: Term, out: number[] = []): number[] {
  if (typeof t === 'number') out.push(t);
  else if (!t.ground) for (const a of t.args) collect(a, out);
  return out;
}

/** Demodulation with the active positive unit equations, indexed by the top symbol of their left side. */
export class Demodulators {
  private readonly byTop = new Map<number, Rule[]>();
  private count = 0;

  constructor(private readonly kbo: Kbo) {}

  get size(): number {
    return this.count;
  }

  add(clause: Clause): void {
    const lit = clause.lits[0] as Literal;
    const push = (l: Term, r: Term, oriented: boolean): void => {
      if (typeof l === 'number') return;
      const list = this.byTop.get(l.f) ?? [];
      list.push({ l, r, oriented, clause });
      this.byTop.set(l.f, list);
      this.count++;
    };
    if (lit.oriented) push(lit.l, lit.r, true);
    else {
      if (varsWithin(lit.r, lit.l)) push(lit.l, lit.r, false);
      if (varsWithin(lit.l, lit.r)) push(lit.r, lit.l, false);
    }
  }

  /** Drops rules of dead clauses. */
  compact(): void {
    for (const [k, list] of this.byTop) {
      const alive = list.filter((r) => !r.clause.dead);
      this.count -= list.length - alive.length;
      this.byTop.set(k, alive);
    }
  }

  /**
   * Rewrites `t` to normal form (innermost first). `topAllowed` guards a rewrite at the root of `t`
   * (positive literals may only be rewritten at the root when the result stays smaller).
   */
  normalise(t: Term, used: Set<number>, topAllowed: (result: Term, rule: Clause) => boolean, only?: Clause): Term {
    if (typeof t === 'number') return t;
    let cur: App = t;
    for (let guard = 0; guard < 10_000; guard++) {
      if (cur.args.length > 0) {
        const next = cur.args.map((a) => this.normalise(a, used, () => true, only));
        if (next.some((a, i) => a !== cur.args[i])) cur = app(cur.f, next);
      }
      const rewritten = this.rewriteTop(cur, used, topAllowed, only);
      if (rewritten === undefined) return cur;
      if (typeof rewritten === 'number') return rewritten;
      cur = rewritten;
    }
    return cur;
  }

  private rewriteTop(t: App, used: Set<number>, topAllowed: (result: Term, rule: Clause) => boolean, only?: Clause): Term | undefined {
    const rules = this.byTop.get(t.f);
    if (rules === undefined) return undefined;
    for (const rule of rules) {
      if (rule.clause.dead || (only !== undefined && rule.clause !== only)) continue;
      if (rule.l.w > t.w) continue;
      const s = new Subst();
      if (!match(rule.l, t, s)) continue;
      const result = s.applyMatch(rule.r);
      if (!rule.oriented && !this.kbo.greater(t, result)) continue;
      if (!topAllowed(result, rule.clause)) continue;
      used.add(rule.clause.id);
      return result;
    }
    return undefined;
  }

  /**
   * Rewrites every literal of a clause; returns undefined when nothing changed. `self` is excluded
   * as a rule (a unit never rewrites itself).
   */
  rewriteClause(lits: readonly Literal[], self: Clause | undefined, only?: Clause): { lits: Literal[]; used: number[] } | undefined {
    if (this.count === 0) return undefined;
    const used = new Set<number>();
    let changed = false;
    const out = lits.map((lit) => {
      const guardFor = (other: Term) => (result: Term, rule: Clause): boolean => {
        if (rule === self) return false;
        if (!lit.pos) return true;
        // Rewriting the root of a positive literal's side: fine for predicate units (it yields a
        // tautology) and when the other side stays greater than the result.
        const ruleLit = rule.lits[0] as Literal;
        if (typeof ruleLit.r !== 'number' && ruleLit.r.f === TRUE_SYMBOL) return true;
        return this.kbo.greater(other, result);
      };
      const guardedNormalise = (t: Term, other: Term): Term => {
        if (self === undefined) return this.normalise(t, used, guardFor(other), only);
        // Exclude the clause itself at every position, not only the root.
        const saved = self.dead;
        self.dead = true;
        try {
          return this.normalise(t, used, guardFor(other), only);
        } finally {
          self.dead = saved;
        }
      };
      const l = guardedNormalise(lit.l, lit.r);
      const r = guardedNormalise(lit.r, l);
      if (l === lit.l && r === lit.r) return lit;
      changed = true;
      return { pos: lit.pos, l, r, oriented: false };
    });
    return changed ? { lits: out, used: [...used] } : undefined;
  }
}
