import { compareLiterals, isPredicateLiteral, type Clause, type Literal } from './clause.js';
import { Cmp, type Kbo } from './ordering.js';
import { isVar, replaceAt, shift, Subst, unify, type Term } from './terms.js';

/** A conclusion of a generating inference, before normalisation. */
export interface Conclusion {
  readonly lits: Literal[];
  readonly rule: 'superposition' | 'resolution' | 'equality_resolution' | 'equality_factoring';
  readonly parents: readonly number[];
}

/**
 * Literal selection: the heaviest negative literal, if any (any choice keeps superposition complete).
 * Split symbols are never selected, so a split definition works through its component.
 */
export function selectLiteral(lits: readonly Literal[], unselectable: readonly boolean[] = []): number {
  let best = -1;
  let bestWeight = -1;
  lits.forEach((lit, i) => {
    if (lit.pos) return;
    if (typeof lit.l !== 'number' && unselectable[lit.l.f] === true) return;
    const w = (isVar(lit.l) ? 1 : lit.l.w) + (isVar(lit.r) ? 1 : lit.r.w);
    if (w > bestWeight) {
      best = i;
      bestWeight = w;
    }
  });
  return best;
}

/** Marks literals not smaller than any other literal of the clause (a pre-filter before unification). */
export function maximalLiterals(lits: readonly Literal[], kbo: Kbo): boolean[] {
  return lits.map((li, i) => !lits.some((lj, j) => j !== i && compareLiterals(lj, li, kbo) === Cmp.GT));
}

/** Checks (strict) maximality of literal i among instantiated literals. */
function maximalAfter(lits: readonly Literal[], i: number, strict: boolean, kbo: Kbo): boolean {
  const li = lits[i] as Literal;
  for (let j = 0; j < lits.length; j++) {
    if (j === i) continue;
    const c = compareLiterals(lits[j] as Literal, li, kbo);
    if (c === Cmp.GT || (strict && c === Cmp.EQ)) return false;
  }
  return true;
}

function instantiate(lits: readonly Literal[], s: Subst): Literal[] {
  return lits.map((lit) => ({ pos: lit.pos, l: s.apply(lit.l), r: s.apply(lit.r), oriented: false }));
}

function shiftLits(lits: readonly Literal[], offset: number): readonly Literal[] {
  if (offset === 0) return lits;
  return lits.map((lit) => ({ pos: lit.pos, l: shift(lit.l, offset), r: shift(lit.r, offset), oriented: lit.oriented }));
}

function sidesOf(lit: Literal): [Term, Term][] {
  return lit.oriented ? [[lit.l, lit.r]] : [[lit.l, lit.r], [lit.r, lit.l]];
}

/** Is literal i a possible target of an inference given selection and the maximality pre-filter? */
function eligibleInto(c: Clause, i: number): boolean {
  if (c.selected >= 0) return i === c.selected;
  return c.maximal?.[i] ?? true;
}

function eligibleFrom(c: Clause, i: number): boolean {
  return c.selected < 0 && (c.lits[i] as Literal).pos && (c.maximal?.[i] ?? true);
}

export interface InferenceContext {
  readonly kbo: Kbo;
  readonly predicateSorted: readonly boolean[];
}

/**
 * Superposition of a positive equation of `from` into a side of a literal of `into`. `into` is
 * renamed apart by shifting its variables past those of `from`.
 */
export function superpose(from: Clause, into: Clause, ctx: InferenceContext, out: Conclusion[]): void {
  const { kbo } = ctx;
  const fromLits = from.lits;
  const intoLits = shiftLits(into.lits, from.vars);
  for (let i = 0; i < fromLits.length; i++) {
    if (!eligibleFrom(from, i)) continue;
    const fl = fromLits[i] as Literal;
    for (const [l, r] of sidesOf(fl)) {
      // A variable side (x ≈ t with x not in t) may rewrite any non-variable subterm it is not smaller than.
      const varRule = isVar(l);
      const predicateRule = isPredicateLiteral(fl);
      for (let j = 0; j < intoLits.length; j++) {
        if (!eligibleInto(into, j)) continue;
        const il = intoLits[j] as Literal;
        // A predicate atom only unifies with the top of a predicate literal of the same symbol.
        if (predicateRule && (il.pos || !isPredicateLiteral(il) || (il.l as { f: number }).f !== (l as { f: number }).f)) continue;
        for (const [s, t] of sidesOf(il)) {
          const visit = (u: Term, path: number[]): void => {
            if (isVar(u)) return;
            if (varRule ? !ctx.predicateSorted[u.f] : u.f === (l as { f: number }).f) {
              const subst = new Subst();
              if (unify(l, u, subst, ctx.predicateSorted)) tryConclude(subst, path);
            }
            if (predicateRule) return;
            for (let k = 0; k < u.args.length; k++) {
              path.push(k);
              visit(u.args[k] as Term, path);
              path.pop();
            }
          };
          const tryConclude = (subst: Subst, path: number[]): void => {
            const lS = subst.apply(l);
            const rS = subst.apply(r);
            const c1 = kbo.compare(rS, lS);
            if (c1 === Cmp.GT || c1 === Cmp.EQ) return;
            const sS = subst.apply(s);
            const tS = subst.apply(t);
            const c2 = kbo.compare(tS, sS);
            if (c2 === Cmp.GT || c2 === Cmp.EQ) return;
            const fromInst = instantiate(fromLits, subst);
            const intoInst = instantiate(intoLits, subst);
            if (!maximalAfter(orientAll(fromInst, kbo), i, true, kbo)) return;
            if (into.selected < 0 && !maximalAfter(orientAll(intoInst, kbo), j, il.pos, kbo)) return;
            const replaced = replaceAt(sS, path, 0, rS);
            const lits: Literal[] = [];
            intoInst.forEach((lit, k) => lits.push(k === j ? { pos: il.pos, l: replaced, r: tS, oriented: false } : lit));
            fromInst.forEach((lit, k) => {
              if (k !== i) lits.push(lit);
            });
            out.push({ lits, rule: predicateRule ? 'resolution' : 'superposition', parents: [from.id, into.id] });
          };
          visit(s, []);
        }
      }
    }
  }
}

function orientAll(lits: Literal[], kbo: Kbo): Literal[] {
  return lits.map((lit) => {
    const c = kbo.compare(lit.l, lit.r);
    return c === Cmp.LT ? { pos: lit.pos, l: lit.r, r: lit.l, oriented: true } : { ...lit, oriented: c === Cmp.GT };
  });
}

/** Equality resolution: from `s ≉ t ∨ C` with σ = mgu(s, t), infer Cσ. */
export function equalityResolution(c: Clause, ctx: InferenceContext, out: Conclusion[]): void {
  c.lits.forEach((lit, i) => {
    if (lit.pos || !eligibleInto(c, i)) return;
    const subst = new Subst();
    if (!unify(lit.l, lit.r, subst, ctx.predicateSorted)) return;
    const rest = instantiate(
      c.lits.filter((_, k) => k !== i),
      subst,
    );
    out.push({ lits: rest, rule: 'equality_resolution', parents: [c.id] });
  });
}

/**
 * Equality factoring: from `s ≈ t ∨ s' ≈ t' ∨ C` with σ = mgu(s, s'), infer (t ≉ t' ∨ s' ≈ t' ∨ C)σ.
 * With predicates encoded as `P(…) ≈ ⊤` this is ordinary positive factoring.
 */
export function equalityFactoring(c: Clause, ctx: InferenceContext, out: Conclusion[]): void {
  if (c.selected >= 0) return;
  const { kbo } = ctx;
  for (let i = 0; i < c.lits.length; i++) {
    const li = c.lits[i] as Literal;
    if (!li.pos || !eligibleFrom(c, i)) continue;
    for (const [s, t] of sidesOf(li)) {
      if (isVar(s)) continue;
      for (let j = 0; j < c.lits.length; j++) {
        const lj = c.lits[j] as Literal;
        if (j === i || !lj.pos) continue;
        for (const [s2, t2] of sidesOf(lj)) {
          const subst = new Subst();
          if (!unify(s, s2, subst, ctx.predicateSorted)) continue;
          const sS = subst.apply(s);
          const tS = subst.apply(t);
          const cmp = kbo.compare(tS, sS);
          if (cmp === Cmp.GT || cmp === Cmp.EQ) continue;
          const inst = instantiate(c.lits, subst);
          if (!maximalAfter(orientAll(inst, kbo), i, false, kbo)) continue;
          const lits: Literal[] = [{ pos: false, l: tS, r: subst.apply(t2), oriented: false }];
          inst.forEach((lit, k) => {
            if (k !== i) lits.push(lit);
          });
          out.push({ lits, rule: 'equality_factoring', parents: [c.id] });
        }
      }
    }
  }
}
