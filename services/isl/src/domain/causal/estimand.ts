/**
 * Structured causal estimands: probability atoms over observed variables combined by products,
 * sums and ratios. Variables are referred to by name; a sum binds its variables for its body,
 * every other variable takes its value from the query (the outcome and intervention values).
 */
export type Estimand =
  | { type: 'prob'; vars: string[]; given: string[] }
  | { type: 'product'; factors: Estimand[] }
  | { type: 'sum'; over: string[]; body: Estimand }
  | { type: 'fraction'; num: Estimand; den: Estimand };

/** The constant 1 (an empty product). */
export const ONE: Estimand = { type: 'product', factors: [] };

/** P(vars | given). */
export function prob(vars: readonly string[], given: readonly string[] = []): Estimand {
  if (vars.length === 0) return ONE;
  return { type: 'prob', vars: [...vars], given: given.filter((g) => !vars.includes(g)) };
}

function isOne(e: Estimand): boolean {
  return e.type === 'product' && e.factors.length === 0;
}

/** A product, flattened, without constant factors. */
export function product(factors: readonly Estimand[]): Estimand {
  const flat: Estimand[] = [];
  for (const f of factors) {
    if (f.type === 'product') flat.push(...f.factors);
    else flat.push(f);
  }
  return flat.length === 1 ? (flat[0] as Estimand) : { type: 'product', factors: flat };
}

/** num / den, dropping a denominator of 1. */
export function fraction(num: Estimand, den: Estimand): Estimand {
  return isOne(den) ? num : { type: 'fraction', num, den };
}

/** Variables occurring free in `e` (not bound by an enclosing sum inside `e`). */
export function freeVariables(e: Estimand): Set<string> {
  switch (e.type) {
    case 'prob':
      return new Set([...e.vars, ...e.given]);
    case 'product': {
      const s = new Set<string>();
      for (const f of e.factors) for (const v of freeVariables(f)) s.add(v);
      return s;
    }
    case 'fraction':
      return new Set([...freeVariables(e.num), ...freeVariables(e.den)]);
    case 'sum': {
      const s = freeVariables(e.body);
      for (const v of e.over) s.delete(v);
      return s;
    }
  }
}

/**
 * Σ_over body, simplified by the rule Σ_w P(w, a | g) = P(a | g) whenever w occurs in exactly one
 * factor and there as a head variable (a conditional distribution sums to one over its heads).
 */
export function sum(over: Iterable<string>, body: Estimand): Estimand {
  const outer = [...new Set(over)];
  if (outer.length === 0) return body;
  // Σ_a Σ_b e = Σ_{a,b} e when the two do not share a variable; merging exposes more simplification.
  if (body.type === 'sum' && !body.over.some((v) => outer.includes(v))) {
    return sum([...outer, ...body.over], body.body);
  }
  const free = freeVariables(body);
  // Summing a variable the body does not mention would multiply by its domain size; the ID
  // algorithm never produces that, so such variables are kept to stay exact rather than dropped.
  let remaining = outer;
  let factors = body.type === 'product' ? [...body.factors] : [body];
  let changed = true;
  while (changed) {
    changed = false;
    for (const w of remaining) {
      if (!free.has(w)) continue;
      const holders = factors.filter((f) => freeVariables(f).has(w));
      const only = holders[0];
      if (holders.length !== 1 || only === undefined || only.type !== 'prob' || !only.vars.includes(w))
        continue;
      const reduced = prob(
        only.vars.filter((v) => v !== w),
        only.given,
      );
      factors = factors.map((f) => (f === only ? reduced : f)).filter((f) => !isOne(f));
      remaining = remaining.filter((v) => v !== w);
      changed = true;
      break;
    }
  }
  const newBody = product(factors);
  if (remaining.length === 0) return newBody;
  return { type: 'sum', over: remaining, body: newBody };
}

/**
 * Renders an estimand in Σ/P notation. A summation variable that shadows a variable already in
 * scope (for example the intervention value x) is primed: Σ_{x'} P(y | x', m) P(x').
 */
export function renderEstimand(e: Estimand, inScope: Iterable<string> = []): string {
  return render(e, new Set(inScope), new Map());
}

function render(e: Estimand, scope: ReadonlySet<string>, names: ReadonlyMap<string, string>): string {
  const n = (v: string): string => names.get(v) ?? v;
  switch (e.type) {
    case 'prob':
      return `P(${e.vars.map(n).join(', ')}${e.given.length > 0 ? ` | ${e.given.map(n).join(', ')}` : ''})`;
    case 'product':
      if (e.factors.length === 0) return '1';
      return e.factors
        .map((f) => (f.type === 'fraction' ? `[${render(f, scope, names)}]` : render(f, scope, names)))
        .join(' ');
    case 'fraction':
      return `${render(e.num, scope, names)} / ${render(e.den, scope, names)}`;
    case 'sum': {
      const inner = new Map(names);
      const innerScope = new Set(scope);
      const shown: string[] = [];
      for (const v of e.over) {
        let name = v;
        while (innerScope.has(name)) name = `${name}'`;
        inner.set(v, name);
        innerScope.add(name);
        shown.push(name);
      }
      const body = render(e.body, innerScope, inner);
      const wrap = e.body.type === 'product' || e.body.type === 'fraction' ? `[${body}]` : body;
      return `Σ_{${shown.join(', ')}} ${wrap}`;
    }
  }
}
