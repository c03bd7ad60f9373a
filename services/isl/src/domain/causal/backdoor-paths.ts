import type { CausalGraph } from './graph.js';

/** One step of a path: the edge between consecutive nodes as written from left to right. */
export type PathEdge = '->' | '<-' | '<->';

/** A path between treatment and outcome, with its edges and a readable rendering. */
export interface CausalPath {
  nodes: string[];
  edges: PathEdge[];
  /** e.g. "X <- Z -> Y" */
  text: string;
}

/** Cap on enumerated paths; path counts grow exponentially with graph density. */
export const MAX_ENUMERATED_PATHS = 1000;
/** Cap on search steps, so dense graphs with many blocked partial paths also stay bounded. */
export const MAX_PATH_SEARCH_STEPS = 200_000;

/** Whether the path is open (d-connecting) given the conditioning set. */
export function isPathOpen(graph: CausalGraph, path: CausalPath, given: ReadonlySet<string>): boolean {
  const anZ = graph.ancestors(given);
  for (let i = 1; i < path.nodes.length - 1; i++) {
    const n = path.nodes[i] as string;
    const left = path.edges[i - 1] as PathEdge;
    const right = path.edges[i] as PathEdge;
    const headFromLeft = left === '->' || left === '<->';
    const headFromRight = right === '<-' || right === '<->';
    const collider = headFromLeft && headFromRight;
    if (collider ? !anZ.has(n) : given.has(n)) return false;
  }
  return true;
}

/**
 * Enumerates the backdoor paths from `treatment` to `outcome` (simple paths whose first edge
 * points into the treatment) that are open given `given`. Stops after MAX_ENUMERATED_PATHS.
 */
export function openBackdoorPaths(
  graph: CausalGraph,
  treatment: string,
  outcome: string,
  given: Iterable<string> = [],
): { paths: CausalPath[]; truncated: boolean } {
  const z = new Set(given);
  const paths: CausalPath[] = [];
  let truncated = false;
  const nodes: string[] = [treatment];
  const edges: PathEdge[] = [];
  const onPath = new Set([treatment]);
  const anZ = graph.ancestors(z);
  const moves = (n: string): [string, PathEdge][] => [
    ...[...graph.children(n)].map((c): [string, PathEdge] => [c, '->']),
    ...[...graph.parents(n)].map((p): [string, PathEdge] => [p, '<-']),
    ...[...graph.siblings(n)].map((s): [string, PathEdge] => [s, '<->']),
  ];
  // Depth-first search that prunes as soon as the partial path is blocked.
  let steps = 0;
  const walk = (): void => {
    if (truncated) return;
    if (++steps > MAX_PATH_SEARCH_STEPS) {
      truncated = true;
      return;
    }
    const n = nodes[nodes.length - 1] as string;
    for (const [m, e] of moves(n)) {
      if (onPath.has(m)) continue;
      if (nodes.length === 1 && e === '->') continue;
      if (nodes.length > 1) {
        const prev = edges[edges.length - 1] as PathEdge;
        const collider = (prev === '->' || prev === '<->') && (e === '<-' || e === '<->');
        if (collider ? !anZ.has(n) : z.has(n)) continue;
      }
      nodes.push(m);
      edges.push(e);
      onPath.add(m);
      if (m === outcome) {
        if (paths.length >= MAX_ENUMERATED_PATHS) truncated = true;
        else paths.push({ nodes: [...nodes], edges: [...edges], text: renderPath(nodes, edges) });
      } else {
        walk();
      }
      nodes.pop();
      edges.pop();
      onPath.delete(m);
      if (truncated) return;
    }
  };
  walk();
  return { paths, truncated };
}

function renderPath(nodes: readonly string[], edges: readonly PathEdge[]): string {
  let s = nodes[0] ?? '';
  for (let i = 0; i < edges.length; i++) s += ` ${edges[i]} ${nodes[i + 1]}`;
  return s;
}
