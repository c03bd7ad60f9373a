import { AcgsError } from '../../errors.js';
import { assertValidGraph } from './dependency-graph.js';
import type { GraphNode } from './dependency-graph.js';

/**
 * Deployment waves: wave k holds every service whose dependencies all sit in waves < k, so the services of a
 * wave are independent and may start in parallel. Names within a wave are sorted for stable output.
 *
 * `only` restricts the plan to the named services (their dependencies are assumed to be running already;
 * order among the selected still follows the graph). The whole graph is validated first either way, so a
 * cycle or unknown dependency anywhere is refused before anything is applied.
 *
 * @example planWaves([{name:'db',dependsOn:[]},{name:'api',dependsOn:['db']}]) // [['db'],['api']]
 */
export function planWaves(nodes: readonly GraphNode[], only?: readonly string[]): string[][] {
  assertValidGraph(nodes);
  const byName = new Map(nodes.map((node) => [node.name, node]));
  let selected = new Set(byName.keys());
  if (only !== undefined && only.length > 0) {
    const unknown = only.filter((name) => !byName.has(name));
    if (unknown.length > 0) {
      throw new AcgsError('ACGS_UNKNOWN_SERVICE', `unknown service(s): ${unknown.join(', ')}`, {
        field: unknown[0] as string,
        details: { unknown, known: [...byName.keys()] },
      });
    }
    selected = new Set(only);
  }
  // Depth over the whole graph, so `--only b` still waits for a selected a → b chain in the right order.
  const depth = new Map<string, number>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    const node = byName.get(name) as GraphNode;
    const value = node.dependsOn.reduce((max, dependency) => Math.max(max, depthOf(dependency) + 1), 0);
    depth.set(name, value);
    return value;
  };
  const waves = new Map<number, string[]>();
  for (const name of selected) {
    const level = depthOf(name);
    waves.set(level, [...(waves.get(level) ?? []), name]);
  }
  return [...waves.entries()].sort(([a], [b]) => a - b).map(([, names]) => names.sort());
}

/**
 * The order to undo a run in: the reverse of the deployment order, restricted to `changed`
 * (services left untouched by the run are never rolled back).
 */
export function rollbackOrder(
  waves: readonly (readonly string[])[],
  changed: ReadonlySet<string> | readonly string[],
): string[] {
  const set = changed instanceof Set ? changed : new Set(changed as readonly string[]);
  return waves
    .flat()
    .filter((name) => set.has(name))
    .reverse();
}
