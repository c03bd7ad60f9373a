import { AcgsError } from '../../errors.js';

/** A node of the dependency graph: a service and the services it needs running first. */
export interface GraphNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

/** An unknown dependency: `service` needs `missing`, which no service defines. */
export interface MissingDependency {
  readonly service: string;
  readonly missing: string;
}

/** Every dependency that names no known service, in input order. */
export function findUnknownDependencies(nodes: readonly GraphNode[]): MissingDependency[] {
  const known = new Set(nodes.map((node) => node.name));
  return nodes.flatMap((node) =>
    node.dependsOn
      .filter((dependency) => !known.has(dependency))
      .map((missing) => ({ service: node.name, missing })),
  );
}

/**
 * One dependency cycle, as the path that closes it (`['a', 'b', 'a']`), or undefined when the graph is
 * acyclic. Depth-first search in name order, so the cycle reported is the same on every run.
 */
export function findCycle(nodes: readonly GraphNode[]): string[] | undefined {
  const edges = new Map(nodes.map((node) => [node.name, [...node.dependsOn].sort()]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];

  const visit = (name: string): string[] | undefined => {
    state.set(name, 'open');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      if (!edges.has(next)) continue; // unknown dependencies are reported separately
      const seen = state.get(next);
      if (seen === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (seen === undefined) {
        const cycle = visit(next);
        if (cycle !== undefined) return cycle;
      }
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };

  for (const name of [...edges.keys()].sort()) {
    if (state.get(name) === undefined) {
      const cycle = visit(name);
      if (cycle !== undefined) return cycle;
    }
  }
  return undefined;
}

/**
 * Checks the graph before anything is applied: duplicate names, unknown dependencies (all of them, named),
 * then cycles (one, named as a path). Throws `ACGS_DUPLICATE_SERVICE`, `ACGS_PLAN_UNKNOWN_DEPENDENCY` or
 * `ACGS_PLAN_CYCLE`.
 */
export function assertValidGraph(nodes: readonly GraphNode[]): void {
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.name)) {
      throw new AcgsError('ACGS_DUPLICATE_SERVICE', `service "${node.name}" is defined twice`, {
        field: node.name,
      });
    }
    seen.add(node.name);
  }
  const missing = findUnknownDependencies(nodes);
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.service} → ${m.missing}`).join(', ');
    throw new AcgsError('ACGS_PLAN_UNKNOWN_DEPENDENCY', `unknown dependencies: ${list}`, {
      field: (missing[0] as MissingDependency).service,
      details: { missing },
    });
  }
  const cycle = findCycle(nodes);
  if (cycle !== undefined) {
    throw new AcgsError('ACGS_PLAN_CYCLE', `dependency cycle: ${cycle.join(' → ')}`, {
      field: cycle[0] as string,
      details: { cycle },
    });
  }
}
