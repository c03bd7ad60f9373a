import { IslError } from '../../errors.js';
import { assertEnumerable, canonicalSets } from './adjustment-sets.js';
import { dConnectedNodes, isDSeparated } from './d-separation.js';
import type { CausalGraph } from './graph.js';

/** Frontdoor candidates are enumerated as subsets, so their number is capped. */
export const MAX_FRONTDOOR_CANDIDATES = 14;

/**
 * Whether `z` satisfies Pearl's frontdoor criterion for the effect of `x` on `y`:
 * (i) z intercepts every directed path x → y; (ii) no open backdoor path from x to z;
 * (iii) every backdoor path from z to y is blocked by x.
 */
export function satisfiesFrontdoor(graph: CausalGraph, x: string, y: string, z: readonly string[]): boolean {
  if (z.length === 0 || z.includes(x) || z.includes(y)) return false;
  const zs = new Set(z);
  // (i): with z removed, y must no longer be a descendant of x.
  const cut = graph.induced(graph.nodes.filter((n) => !zs.has(n)));
  if (cut.descendants([x]).has(y)) return false;
  // (ii): x ⊥ z in G_{x̲}.
  if (!isDSeparated(graph.withoutOutgoing([x]), [x], z, [])) return false;
  // (iii): z ⊥ y | x in G_{z̲}.
  return isDSeparated(graph.withoutOutgoing(z), z, [y], [x]);
}

/**
 * Lists the minimal frontdoor sets. Candidates are nodes on directed paths from x to y with no open
 * backdoor path from x (condition (ii) holds member-wise); at most
 * MAX_FRONTDOOR_CANDIDATES of them (ISL_GRAPH_TOO_LARGE beyond).
 */
export function minimalFrontdoorSets(graph: CausalGraph, x: string, y: string): string[][] {
  assertEnumerable(graph, 'frontdoor-set enumeration');
  const onPaths = graph.descendants([x]);
  // Without a directed path the effect is null; a "frontdoor" set would be vacuous.
  if (!onPaths.has(y)) return [];
  const toY = graph.ancestors([y]);
  // Condition (ii) holds for a set iff it holds for each member, so filter members first.
  const gx = graph.withoutOutgoing([x]);
  const reachFromX = dConnectedNodes(gx, [x], []);
  const cand = graph.nodes.filter(
    (n) => n !== x && n !== y && onPaths.has(n) && toY.has(n) && !reachFromX.has(n),
  );
  if (cand.length > MAX_FRONTDOOR_CANDIDATES) {
    throw new IslError(
      'ISL_GRAPH_TOO_LARGE',
      `frontdoor search is limited to ${MAX_FRONTDOOR_CANDIDATES} mediators; this graph has ${cand.length}`,
      { field: 'dag.edges', details: { mediators: cand.length, limit: MAX_FRONTDOOR_CANDIDATES } },
    );
  }
  const found: string[][] = [];
  // Increasing size, so any superset of a found set is skipped: only minimal sets remain.
  const masks = Array.from({ length: 1 << cand.length }, (_, m) => m).sort(
    (a, b) => popcount(a) - popcount(b) || a - b,
  );
  const foundMasks: number[] = [];
  for (const m of masks) {
    if (m === 0 || foundMasks.some((f) => (f & m) === f)) continue;
    const z = cand.filter((_, i) => (m >> i) & 1);
    if (satisfiesFrontdoor(graph, x, y, z)) {
      foundMasks.push(m);
      found.push(z);
    }
  }
  return canonicalSets(graph, found);
}

function popcount(m: number): number {
  let c = 0;
  for (let v = m; v > 0; v &= v - 1) c++;
  return c;
}
