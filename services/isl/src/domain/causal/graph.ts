import { IslError } from '../../errors.js';

/** Largest graph (observed + latent nodes) accepted by the causal engine. */
export const MAX_GRAPH_NODES = 200;

/** A directed edge `[from, to]`. */
export type DirectedEdge = readonly [string, string];
/** A bidirected edge `[a, b]`: a and b share a hidden common cause. */
export type BidirectedEdge = readonly [string, string];

/** The user-facing description of a causal graph, as it arrives on the wire. */
export interface GraphSpec {
  nodes: readonly string[];
  edges: readonly (readonly string[])[];
  bidirected?: readonly (readonly string[])[];
  /** Unobserved nodes; they are projected out (their confounding becomes bidirected edges). */
  latent?: readonly string[];
  /** When given, every node not listed here is treated as latent. */
  observed?: readonly string[];
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * An acyclic directed mixed graph (ADMG) over observed nodes: directed edges are direct causes,
 * bidirected edges mark hidden confounding. Immutable; every derived graph is a new instance.
 */
export class CausalGraph {
  readonly nodes: readonly string[];
  private readonly nodeSet: ReadonlySet<string>;
  private readonly pa = new Map<string, Set<string>>();
  private readonly ch = new Map<string, Set<string>>();
  private readonly sib = new Map<string, Set<string>>();
  private topo: string[] | undefined;

  /** Builds a graph from already-validated parts; use `buildCausalGraph` for untrusted input. */
  constructor(
    nodes: readonly string[],
    directed: readonly DirectedEdge[],
    bidirected: readonly BidirectedEdge[] = [],
  ) {
    this.nodes = [...nodes];
    this.nodeSet = new Set(nodes);
    for (const n of nodes) {
      this.pa.set(n, new Set());
      this.ch.set(n, new Set());
      this.sib.set(n, new Set());
    }
    for (const [a, b] of directed) {
      this.ch.get(a)?.add(b);
      this.pa.get(b)?.add(a);
    }
    for (const [a, b] of bidirected) {
      if (a === b) continue;
      this.sib.get(a)?.add(b);
      this.sib.get(b)?.add(a);
    }
  }

  has(node: string): boolean {
    return this.nodeSet.has(node);
  }

  parents(node: string): ReadonlySet<string> {
    return this.pa.get(node) ?? new Set();
  }

  children(node: string): ReadonlySet<string> {
    return this.ch.get(node) ?? new Set();
  }

  /** Nodes joined to `node` by a bidirected edge. */
  siblings(node: string): ReadonlySet<string> {
    return this.sib.get(node) ?? new Set();
  }

  directedEdges(): DirectedEdge[] {
    const out: DirectedEdge[] = [];
    for (const a of this.nodes) for (const b of this.children(a)) out.push([a, b]);
    return out;
  }

  bidirectedEdges(): BidirectedEdge[] {
    const out: BidirectedEdge[] = [];
    for (const a of this.nodes) for (const b of this.siblings(a)) if (a < b) out.push([a, b]);
    return out;
  }

  /** The given nodes and all their ancestors (reflexive). */
  ancestors(of: Iterable<string>): Set<string> {
    return this.closure(of, (n) => this.parents(n));
  }

  /** The given nodes and all their descendants (reflexive). */
  descendants(of: Iterable<string>): Set<string> {
    return this.closure(of, (n) => this.children(n));
  }

  private closure(of: Iterable<string>, next: (n: string) => Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const stack = [...of].filter((n) => this.has(n));
    while (stack.length > 0) {
      const n = stack.pop() as string;
      if (seen.has(n)) continue;
      seen.add(n);
      for (const m of next(n)) if (!seen.has(m)) stack.push(m);
    }
    return seen;
  }

  /** A topological order, ties broken by declaration order so results are deterministic. */
  topologicalOrder(): readonly string[] {
    if (this.topo) return this.topo;
    const indeg = new Map<string, number>();
    for (const n of this.nodes) indeg.set(n, this.parents(n).size);
    const order: string[] = [];
    const ready = this.nodes.filter((n) => indeg.get(n) === 0);
    while (ready.length > 0) {
      const n = ready.shift() as string;
      order.push(n);
      for (const c of this.nodes) {
        if (!this.children(n).has(c)) continue;
        const d = (indeg.get(c) ?? 0) - 1;
        indeg.set(c, d);
        if (d === 0) ready.push(c);
      }
    }
    this.topo = order;
    return order;
  }

  /** The subgraph induced by `keep` (node order preserved). */
  induced(keep: Iterable<string>): CausalGraph {
    const k = new Set(keep);
    return new CausalGraph(
      this.nodes.filter((n) => k.has(n)),
      this.directedEdges().filter(([a, b]) => k.has(a) && k.has(b)),
      this.bidirectedEdges().filter(([a, b]) => k.has(a) && k.has(b)),
    );
  }

  /** G with every edge pointing into `nodes` removed (directed and bidirected): G_{X̄}. */
  withoutIncoming(nodes: Iterable<string>): CausalGraph {
    const s = new Set(nodes);
    return new CausalGraph(
      this.nodes,
      this.directedEdges().filter(([, b]) => !s.has(b)),
      this.bidirectedEdges().filter(([a, b]) => !s.has(a) && !s.has(b)),
    );
  }

  /** G with every directed edge leaving `nodes` removed: G_{X̲}. */
  withoutOutgoing(nodes: Iterable<string>): CausalGraph {
    const s = new Set(nodes);
    return new CausalGraph(
      this.nodes,
      this.directedEdges().filter(([a]) => !s.has(a)),
      this.bidirectedEdges(),
    );
  }

  /** The c-components (districts): classes of nodes connected by bidirected paths, in node order. */
  cComponents(): string[][] {
    const seen = new Set<string>();
    const out: string[][] = [];
    for (const start of this.nodes) {
      if (seen.has(start)) continue;
      const comp = new Set<string>();
      const stack = [start];
      while (stack.length > 0) {
        const n = stack.pop() as string;
        if (comp.has(n)) continue;
        comp.add(n);
        for (const m of this.siblings(n)) stack.push(m);
      }
      for (const n of comp) seen.add(n);
      out.push(this.nodes.filter((n) => comp.has(n)));
    }
    return out;
  }

  /** Whether the two nodes share a bidirected edge. */
  confounded(a: string, b: string): boolean {
    return this.siblings(a).has(b);
  }
}

function asPair(edge: readonly string[], field: string, index: number): [string, string] {
  if (edge.length !== 2 || typeof edge[0] !== 'string' || typeof edge[1] !== 'string') {
    throw new IslError('ISL_INVALID_INPUT', `${field}[${index}] must be a pair of node names`, {
      field: `${field}[${index}]`,
    });
  }
  return [edge[0], edge[1]];
}

/** Finds one directed cycle (as a closed node list, first node repeated at the end), if any. */
export function findDirectedCycle(
  nodes: readonly string[],
  edges: readonly DirectedEdge[],
): string[] | undefined {
  const out = new Map<string, string[]>();
  for (const n of nodes) out.set(n, []);
  for (const [a, b] of edges) out.get(a)?.push(b);
  const state = new Map<string, 1 | 2>();
  for (const root of nodes) {
    if (state.has(root)) continue;
    // Iterative DFS keeping the current path so the cycle can be named.
    const path: string[] = [];
    const iters: number[] = [];
    path.push(root);
    iters.push(0);
    state.set(root, 1);
    while (path.length > 0) {
      const n = path[path.length - 1] as string;
      const i = iters[iters.length - 1] as number;
      const next = out.get(n) ?? [];
      if (i >= next.length) {
        state.set(n, 2);
        path.pop();
        iters.pop();
        continue;
      }
      iters[iters.length - 1] = i + 1;
      const m = next[i] as string;
      const s = state.get(m);
      if (s === 1) return [...path.slice(path.indexOf(m)), m];
      if (s === undefined) {
        state.set(m, 1);
        path.push(m);
        iters.push(0);
      }
    }
  }
  return undefined;
}

/**
 * Validates a wire graph and returns the ADMG over its observed nodes. Latent nodes (listed in
 * `latent`, or absent from `observed`) are projected out: a directed path through latent nodes
 * becomes a directed edge, and two observed nodes sharing a latent ancestor through latent-only
 * paths get a bidirected edge.
 *
 * @throws IslError ISL_GRAPH_DUPLICATE_NODE, ISL_GRAPH_SELF_LOOP, ISL_GRAPH_UNKNOWN_NODE,
 *   ISL_GRAPH_CYCLE (naming the cycle), ISL_GRAPH_TOO_LARGE, ISL_INVALID_INPUT.
 */
export function buildCausalGraph(spec: GraphSpec): CausalGraph {
  if (!Array.isArray(spec.nodes)) {
    throw new IslError('ISL_INVALID_INPUT', 'dag.nodes must be an array of names', { field: 'dag.nodes' });
  }
  const seen = new Set<string>();
  for (const [i, n] of spec.nodes.entries()) {
    if (typeof n !== 'string' || n.length === 0) {
      throw new IslError('ISL_INVALID_INPUT', `dag.nodes[${i}] must be a non-empty string`, {
        field: `dag.nodes[${i}]`,
      });
    }
    if (seen.has(n)) {
      throw new IslError('ISL_GRAPH_DUPLICATE_NODE', `node "${n}" is declared twice`, {
        field: `dag.nodes[${i}]`,
        details: { node: n },
      });
    }
    seen.add(n);
  }
  const latent = new Set<string>();
  for (const [i, n] of (spec.latent ?? []).entries()) {
    if (typeof n !== 'string' || n.length === 0) {
      throw new IslError('ISL_INVALID_INPUT', `latent[${i}] must be a non-empty string`, {
        field: `latent[${i}]`,
      });
    }
    // A latent node may be declared only in `latent`; it then joins the graph.
    seen.add(n);
    latent.add(n);
  }
  const allNodes = [...seen];
  if (allNodes.length > MAX_GRAPH_NODES) {
    throw new IslError(
      'ISL_GRAPH_TOO_LARGE',
      `graph has ${allNodes.length} nodes; the limit is ${MAX_GRAPH_NODES}`,
      {
        field: 'dag.nodes',
        details: { nodes: allNodes.length, limit: MAX_GRAPH_NODES },
      },
    );
  }
  if (spec.observed) {
    for (const [i, n] of spec.observed.entries()) {
      if (!seen.has(n)) {
        throw new IslError('ISL_GRAPH_UNKNOWN_NODE', `observed node "${n}" is not in the graph`, {
          field: `observed[${i}]`,
          details: { node: n },
        });
      }
    }
    const obs = new Set(spec.observed);
    for (const n of allNodes) if (!obs.has(n)) latent.add(n);
  }
  const directed: DirectedEdge[] = [];
  const seenEdges = new Set<string>();
  for (const [i, e] of (spec.edges ?? []).entries()) {
    const [a, b] = asPair(e, 'dag.edges', i);
    if (a === b) {
      throw new IslError('ISL_GRAPH_SELF_LOOP', `edge ${a} -> ${b} is a self-loop`, {
        field: `dag.edges[${i}]`,
        details: { node: a },
      });
    }
    for (const n of [a, b]) {
      if (!seen.has(n)) {
        throw new IslError('ISL_GRAPH_UNKNOWN_NODE', `edge ${a} -> ${b} refers to unknown node "${n}"`, {
          field: `dag.edges[${i}]`,
          details: { node: n },
        });
      }
    }
    const k = `${a}\u0000${b}`;
    if (!seenEdges.has(k)) directed.push([a, b]);
    seenEdges.add(k);
  }
  const bidirected: BidirectedEdge[] = [];
  for (const [i, e] of (spec.bidirected ?? []).entries()) {
    const [a, b] = asPair(e, 'bidirected', i);
    if (a === b) {
      throw new IslError('ISL_GRAPH_SELF_LOOP', `bidirected edge ${a} <-> ${b} is a self-loop`, {
        field: `bidirected[${i}]`,
        details: { node: a },
      });
    }
    for (const n of [a, b]) {
      if (!seen.has(n)) {
        throw new IslError(
          'ISL_GRAPH_UNKNOWN_NODE',
          `bidirected edge ${a} <-> ${b} refers to unknown node "${n}"`,
          {
            field: `bidirected[${i}]`,
            details: { node: n },
          },
        );
      }
    }
    bidirected.push([a, b]);
  }
  const cycle = findDirectedCycle(allNodes, directed);
  if (cycle) {
    throw new IslError('ISL_GRAPH_CYCLE', `graph has a directed cycle: ${cycle.join(' -> ')}`, {
      field: 'dag.edges',
      details: { cycle },
    });
  }
  return latent.size === 0
    ? new CausalGraph(allNodes, directed, dedupePairs(bidirected))
    : project(allNodes, directed, bidirected, latent);
}

function dedupePairs(edges: readonly BidirectedEdge[]): BidirectedEdge[] {
  const keys = new Set<string>();
  const out: BidirectedEdge[] = [];
  for (const [a, b] of edges) {
    const k = pairKey(a, b);
    if (!keys.has(k)) out.push([a, b]);
    keys.add(k);
  }
  return out;
}

/** Latent projection (Verma & Pearl): removes latent nodes while keeping every causal and confounding path. */
function project(
  nodes: readonly string[],
  directed: readonly DirectedEdge[],
  bidirected: readonly BidirectedEdge[],
  latent: ReadonlySet<string>,
): CausalGraph {
  // Make every bidirected edge an explicit latent parent so one rule covers both encodings.
  const all = [...nodes];
  const edges = [...directed];
  for (const [i, [a, b]] of bidirected.entries()) {
    const u = `\u0000u${i}`;
    all.push(u);
    edges.push([u, a], [u, b]);
  }
  const isLatent = (n: string): boolean => latent.has(n) || n.startsWith('\u0000');
  const kids = new Map<string, string[]>();
  for (const n of all) kids.set(n, []);
  for (const [a, b] of edges) kids.get(a)?.push(b);
  // Observed nodes reachable from `n` by a directed path whose inner nodes are all latent.
  const reach = (n: string): Set<string> => {
    const out = new Set<string>();
    const seen = new Set<string>();
    const stack = [...(kids.get(n) ?? [])];
    while (stack.length > 0) {
      const m = stack.pop() as string;
      if (seen.has(m)) continue;
      seen.add(m);
      if (isLatent(m)) stack.push(...(kids.get(m) ?? []));
      else out.add(m);
    }
    return out;
  };
  const observed = nodes.filter((n) => !isLatent(n));
  const newDirected: DirectedEdge[] = [];
  for (const a of observed) for (const b of reach(a)) newDirected.push([a, b]);
  const newBi: BidirectedEdge[] = [];
  for (const l of all) {
    if (!isLatent(l)) continue;
    const r = [...reach(l)];
    for (let i = 0; i < r.length; i++) {
      for (let j = i + 1; j < r.length; j++) newBi.push([r[i] as string, r[j] as string]);
    }
  }
  return new CausalGraph(observed, newDirected, dedupePairs(newBi));
}

/** Checks that each named node of a query is an observed node of the graph. */
export function requireNodes(graph: CausalGraph, names: readonly string[], field: string): void {
  for (const n of names) {
    if (!graph.has(n)) {
      throw new IslError('ISL_GRAPH_UNKNOWN_NODE', `${field} "${n}" is not an observed node of the graph`, {
        field,
        details: { node: n },
      });
    }
  }
}
