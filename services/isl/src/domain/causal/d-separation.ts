import type { CausalGraph } from './graph.js';

/**
 * m-separation in an ADMG by the Bayes-ball reachability walk (Koller & Friedman, Alg. 3.1).
 * A bidirected edge a <-> b is walked as a <- U -> b with U never conditioned on: arriving over it
 * is arriving with an arrowhead ("down"), and it may be left whenever parents may be.
 *
 * @returns the observed nodes d-connected to some node of `from` given `given` (excluding `given`).
 */
export function dConnectedNodes(
  graph: CausalGraph,
  from: Iterable<string>,
  given: Iterable<string>,
): Set<string> {
  const z = new Set(given);
  const anZ = graph.ancestors(z);
  const visited = new Set<string>();
  const reachable = new Set<string>();
  // 'up' = arrived from a child (tail at this node); 'down' = arrived along an arrowhead.
  const stack: [string, 'up' | 'down'][] = [];
  for (const x of from) if (graph.has(x)) stack.push([x, 'up']);
  while (stack.length > 0) {
    const [n, dir] = stack.pop() as [string, 'up' | 'down'];
    const key = `${dir}:${n}`;
    if (visited.has(key)) continue;
    visited.add(key);
    if (!z.has(n)) reachable.add(n);
    const toParents = (): void => {
      for (const p of graph.parents(n)) stack.push([p, 'up']);
      for (const s of graph.siblings(n)) stack.push([s, 'down']);
    };
    if (dir === 'up') {
      if (!z.has(n)) {
        toParents();
        for (const c of graph.children(n)) stack.push([c, 'down']);
      }
    } else {
      if (!z.has(n)) for (const c of graph.children(n)) stack.push([c, 'down']);
      // A collider is open when it, or one of its descendants, is conditioned on.
      if (anZ.has(n)) toParents();
    }
  }
  return reachable;
}

/** Whether every node of `xs` is m-separated from every node of `ys` given `zs`. */
export function isDSeparated(
  graph: CausalGraph,
  xs: Iterable<string>,
  ys: Iterable<string>,
  zs: Iterable<string>,
): boolean {
  const reach = dConnectedNodes(graph, xs, zs);
  for (const y of ys) if (reach.has(y)) return false;
  return true;
}
