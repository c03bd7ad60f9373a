import { printClause, type Literal } from './clause.js';
import { app, TRUE, type Signature, type Term } from './terms.js';

function varsOf(t: Term, out: number[]): void {
  if (typeof t === 'number') out.push(t);
  else if (!t.ground) for (const a of t.args) varsOf(a, out);
}

/** Splits literals into variable-disjoint components; ground literals are returned separately. */
export function components(lits: readonly Literal[]): { readonly ground: Literal[]; readonly parts: Literal[][] } {
  const parent: number[] = lits.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const owner = new Map<number, number>();
  const ground: Literal[] = [];
  const hasVars: boolean[] = [];
  lits.forEach((lit, i) => {
    const vs: number[] = [];
    varsOf(lit.l, vs);
    varsOf(lit.r, vs);
    hasVars[i] = vs.length > 0;
    for (const v of vs) {
      const o = owner.get(v);
      if (o === undefined) owner.set(v, i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, Literal[]>();
  lits.forEach((lit, i) => {
    if (!hasVars[i]) {
      ground.push(lit);
      return;
    }
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(lit);
    groups.set(r, g);
  });
  return { ground, parts: [...groups.values()] };
}

/**
 * Definitional clause splitting (as in E): a clause whose literals fall into two or more
 * variable-disjoint components K1 ∨ … ∨ Kn becomes K1 ∨ s2 ∨ … ∨ sn plus definitions ¬si ∨ Ki,
 * with si fresh propositional symbols shared by all variants of the same component.
 */
export class ClauseSplitter {
  private readonly names = new Map<string, number>();
  /** The split symbols (never selected, smallest in the ordering thanks to their weight). */
  readonly isSplitSymbol: boolean[] = [];

  constructor(private readonly signature: Signature) {}

  /** Returns undefined when the clause has fewer than two non-ground components. */
  split(lits: readonly Literal[]): { main: Literal[]; definitions: Literal[][] } | undefined {
    const { ground, parts } = components(lits);
    if (parts.length < 2) return undefined;
    const main: Literal[] = [...ground, ...(parts[0] as Literal[])];
    const definitions: Literal[][] = [];
    for (const part of parts.slice(1)) {
      const key = canonicalKey(part, this.signature);
      let symbol = this.names.get(key);
      if (symbol === undefined) {
        symbol = this.signature.fresh('spl', 0, true);
        this.isSplitSymbol[symbol] = true;
        this.names.set(key, symbol);
        definitions.push([{ pos: false, l: app(symbol, []), r: TRUE, oriented: true }, ...part]);
      }
      main.push({ pos: true, l: app(symbol, []), r: TRUE, oriented: true });
    }
    return { main, definitions };
  }
}

/** Variant-invariant key of a component: variables renumbered by first occurrence. */
function canonicalKey(lits: readonly Literal[], sig: Signature): string {
  const map = new Map<number, number>();
  const rename = (t: Term): Term => {
    if (typeof t === 'number') {
      let v = map.get(t);
      if (v === undefined) {
        v = map.size;
        map.set(t, v);
      }
      return v;
    }
    return t.ground ? t : app(t.f, t.args.map(rename));
  };
  const renamed = lits.map((lit) => ({ ...lit, l: rename(lit.l), r: rename(lit.r) }));
  return printClause(renamed, sig);
}
