import { IslError } from '../../errors.js';
import type { Estimand } from './estimand.js';
import { fraction, freeVariables, prob, product, renderEstimand, sum } from './estimand.js';
import type { CausalGraph } from './graph.js';
import { requireNodes } from './graph.js';

/** A hedge: two c-forests F′ ⊂ F rooted in ancestors of the outcome; its existence proves non-identifiability. */
export interface Hedge {
  /** Nodes of F (a single c-component containing F′). */
  f: string[];
  /** Nodes of F′. */
  fPrime: string[];
}

/** Outcome of the ID algorithm for P(y | do(x)). */
export type Identification =
  | {
      identifiable: true;
      estimand: Estimand;
      formula: string;
      query: string;
      /**
       * Free variables of the estimand other than outcome and treatment: the ID algorithm adds
       * them as extra interventions that cannot affect the outcome (line 3), so any value with
       * positive probability gives the same answer. `evaluateIdentified` averages over them.
       */
      arbitrary: string[];
    }
  | { identifiable: false; hedge: Hedge; query: string; reason: string };

/** Largest graph the ID algorithm accepts (its recursion is polynomial, its estimands can grow). */
export const MAX_ID_NODES = 50;

class HedgeFound extends Error {
  constructor(readonly hedge: Hedge) {
    super('hedge');
  }
}

/** The distribution the current recursion works with, over the current graph's nodes. */
type Dist =
  /** The observational marginal P(vars) of an ancestral set. */
  | { kind: 'joint' }
  /** A product of conditionals, one per node, in the global order (line 7's P′). */
  | { kind: 'chain'; factors: ReadonlyMap<string, Estimand> }
  | { kind: 'expr'; expr: Estimand };

/**
 * Identifies P(outcome | do(treatment)) on an ADMG with the complete ID algorithm of Shpitser &
 * Pearl (2006), building on Tian's c-component factorisation. Returns a structured estimand plus
 * its Σ/P formula, or the hedge that witnesses non-identifiability.
 *
 * @example identifyEffect(frontdoorGraph, ['Y'], ['X']).formula
 *   // "Σ_{M} [P(M | X) Σ_{X'} [P(Y | X', M) P(X')]]"
 */
export function identifyEffect(
  graph: CausalGraph,
  outcome: readonly string[],
  treatment: readonly string[],
): Identification {
  requireNodes(graph, outcome, 'outcome');
  requireNodes(graph, treatment, 'treatment');
  if (graph.nodes.length > MAX_ID_NODES) {
    throw new IslError('ISL_GRAPH_TOO_LARGE', `identification is limited to ${MAX_ID_NODES} nodes`, {
      field: 'dag.nodes',
      details: { nodes: graph.nodes.length, limit: MAX_ID_NODES },
    });
  }
  const overlap = outcome.filter((o) => treatment.includes(o));
  if (overlap.length > 0) {
    throw new IslError('ISL_INVALID_INPUT', `"${overlap[0]}" is both treatment and outcome`, {
      field: 'outcome',
    });
  }
  const query = `P(${outcome.join(', ')}${treatment.length > 0 ? ` | do(${treatment.join(', ')})` : ''})`;
  const rank = new Map(graph.topologicalOrder().map((n, i) => [n, i]));
  const order = (nodes: Iterable<string>): string[] =>
    [...nodes].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  try {
    const estimand = id(new Set(outcome), new Set(treatment), { kind: 'joint' }, graph, order);
    const named = new Set([...outcome, ...treatment]);
    return {
      identifiable: true,
      estimand,
      arbitrary: order([...freeVariables(estimand)].filter((v) => !named.has(v))),
      formula: renderEstimand(estimand, [...outcome, ...treatment]),
      query,
    };
  } catch (e) {
    if (!(e instanceof HedgeFound)) throw e;
    return {
      identifiable: false,
      hedge: e.hedge,
      query,
      reason:
        `${query} is not identifiable: the c-forests F = {${e.hedge.f.join(', ')}} and ` +
        `F' = {${e.hedge.fPrime.join(', ')}} form a hedge for the treatment`,
    };
  }
}

type Order = (nodes: Iterable<string>) => string[];

function minus(a: Iterable<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((n) => !b.has(n));
}

function asExpr(p: Dist, nodes: readonly string[]): Estimand {
  switch (p.kind) {
    case 'joint':
      return prob(nodes);
    case 'chain':
      return product(nodes.map((n) => p.factors.get(n) ?? prob([n])));
    case 'expr':
      return p.expr;
  }
}

/**
 * P(v | all nodes before v in the order), from the current distribution. For the observational
 * joint, the ordered local Markov property of ADMGs shrinks the conditioning set to the
 * district of v among its predecessors plus that district's parents.
 */
function conditional(p: Dist, g: CausalGraph, v: string, order: Order): Estimand {
  const nodes = order(g.nodes);
  const prefix = nodes.slice(0, nodes.indexOf(v));
  switch (p.kind) {
    case 'joint': {
      const sub = g.induced([...prefix, v]);
      const district = sub.cComponents().find((c) => c.includes(v)) ?? [v];
      const given = new Set<string>();
      for (const d of district) {
        if (d !== v) given.add(d);
        for (const pa of g.parents(d)) given.add(pa);
      }
      return prob([v], order(given));
    }
    case 'chain': {
      const f = p.factors.get(v);
      if (f) return f;
      break;
    }
    case 'expr':
      break;
  }
  const e = asExpr(p, nodes);
  const keep = new Set([...prefix, v]);
  return fraction(sum(minus(nodes, keep), e), sum(minus(nodes, new Set(prefix)), e));
}

function id(y: Set<string>, x: Set<string>, p: Dist, g: CausalGraph, order: Order): Estimand {
  const v = order(g.nodes);
  // Line 1: no intervention left.
  if (x.size === 0) return sum(minus(v, y), asExpr(p, v));
  // Line 2: drop everything that is not an ancestor of y.
  const an = g.ancestors(y);
  if (an.size < v.length) {
    const keep = order(an);
    const next: Dist = p.kind === 'joint' ? p : { kind: 'expr', expr: sum(minus(v, an), asExpr(p, v)) };
    return id(y, new Set([...x].filter((n) => an.has(n))), next, g.induced(keep), order);
  }
  // Line 3: intervening on nodes that cannot reach y once x is fixed changes nothing.
  const anNoX = g.withoutIncoming(x).ancestors(y);
  const w = v.filter((n) => !x.has(n) && !anNoX.has(n));
  if (w.length > 0) return id(y, new Set([...x, ...w]), p, g, order);
  // Line 4: factorise over the c-components of G \ X.
  const rest = g.induced(minus(v, x));
  const comps = rest.cComponents();
  if (comps.length > 1) {
    const factors = comps.map((s) => id(new Set(s), new Set(minus(v, new Set(s))), p, g, order));
    return sum(minus(v, new Set([...y, ...x])), product(factors));
  }
  const s = comps[0] ?? [];
  const gComps = g.cComponents();
  // Line 5: G is one c-component and S sits inside it: a hedge.
  if (gComps.length === 1) throw new HedgeFound({ f: order(g.nodes), fPrime: order(s) });
  const sSet = new Set(s);
  // Line 6: S is itself a c-component of G.
  const same = gComps.find((c) => c.length === s.length && c.every((n) => sSet.has(n)));
  if (same) {
    const factors = order(s).map((n) => conditional(p, g, n, order));
    return sum(minus(s, y), product(factors));
  }
  // Line 7: S lies inside a larger c-component S′; recurse on S′ with P′ = Q[S′].
  const bigger = gComps.find((c) => s.every((n) => c.includes(n)));
  if (!bigger) throw new Error('ID invariant violated: S is not inside a c-component of G');
  const factors = new Map<string, Estimand>();
  for (const n of order(bigger)) factors.set(n, conditional(p, g, n, order));
  const bSet = new Set(bigger);
  return id(
    y,
    new Set([...x].filter((n) => bSet.has(n))),
    { kind: 'chain', factors },
    g.induced(bigger),
    order,
  );
}
