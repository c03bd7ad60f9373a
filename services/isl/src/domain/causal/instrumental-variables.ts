import { assertEnumerable, canonicalSets } from './adjustment-sets.js';
import { isDSeparated } from './d-separation.js';
import type { CausalGraph } from './graph.js';

/** An instrument for x → y, possibly valid only given a conditioning set. */
export interface Instrument {
  instrument: string;
  /** Empty for an unconditional instrument. */
  conditionalOn: string[];
}

/**
 * Whether `z` is an instrument for x → y given `w`: w holds no descendant of x or y,
 * z is d-connected to x given w, and z ⊥ y | w once x's outgoing edges are removed
 * (exclusion restriction and no confounding of z with y).
 */
export function isInstrument(
  graph: CausalGraph,
  x: string,
  y: string,
  z: string,
  w: readonly string[],
): boolean {
  if (z === x || z === y || w.includes(z) || w.includes(x) || w.includes(y)) return false;
  const de = graph.descendants([x, y]);
  if (de.has(z) || w.some((n) => de.has(n))) return false;
  if (isDSeparated(graph, [z], [x], w)) return false;
  return isDSeparated(graph.withoutOutgoing([x]), [z], [y], w);
}

/**
 * Lists instrumental variables for x → y: unconditional ones, and conditional ones with a
 * minimal conditioning set. For a conditional instrument the search starts from the ancestral
 * set W = An(y, z) in G_{x̲} among allowed nodes (non-descendants of x and y), the standard
 * nearest-separator construction, then drops members while the instrument stays valid. Every
 * reported pair is checked by `isInstrument`; the construction may miss exotic conditional
 * instruments but never reports an invalid one. Cost is O(n) d-separation checks per candidate.
 */
export function instrumentalVariables(graph: CausalGraph, x: string, y: string): Instrument[] {
  assertEnumerable(graph, 'instrument search');
  const de = graph.descendants([x, y]);
  const cand = graph.nodes.filter((n) => n !== x && n !== y && !de.has(n));
  const gx = graph.withoutOutgoing([x]);
  const valid = (z: string, w: readonly string[]): boolean =>
    !isDSeparated(graph, [z], [x], w) && isDSeparated(gx, [z], [y], w);
  const out: Instrument[] = [];
  for (const z of cand) {
    if (valid(z, [])) {
      out.push({ instrument: z, conditionalOn: [] });
      continue;
    }
    const an = gx.ancestors([y, z]);
    let w = cand.filter((n) => n !== z && an.has(n));
    if (w.length === 0 || !valid(z, w)) continue;
    // Greedy minimisation in reverse graph order, so nearer (later) nodes are dropped first.
    for (const n of [...w].reverse()) {
      const smaller = w.filter((m) => m !== n);
      if (valid(z, smaller)) w = smaller;
    }
    out.push({ instrument: z, conditionalOn: canonicalSets(graph, [w])[0] ?? w });
  }
  return out;
}
