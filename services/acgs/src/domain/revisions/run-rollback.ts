import type { Revision } from './revision-history.js';

/** What one service's apply did in a deploy run (from {@link applyTemplate}). */
export interface RunChange<T> {
  readonly service: string;
  readonly changed: boolean;
  /** The revision current before the run; undefined for a service this run created. */
  readonly previous: Revision<T> | undefined;
}

export type RunRollbackStep<T> =
  | { readonly service: string; readonly action: 'restore'; readonly target: Revision<T> }
  | { readonly service: string; readonly action: 'remove' };

/**
 * Undo of a failed deploy run: exactly the services the run changed, in reverse deployment order; each
 * goes back to the revision it had before the run, and a service the run created is removed.
 * `order` is the deployment order flattened (waves, then names); services it lacks come last-undone first.
 */
export function planRunRollback<T>(
  changes: readonly RunChange<T>[],
  order: readonly string[],
): RunRollbackStep<T>[] {
  const position = new Map(order.map((name, index) => [name, index]));
  return changes
    .filter((change) => change.changed)
    .sort((a, b) => (position.get(b.service) ?? Infinity) - (position.get(a.service) ?? Infinity))
    .map((change) =>
      change.previous === undefined
        ? { service: change.service, action: 'remove' as const }
        : { service: change.service, action: 'restore' as const, target: change.previous },
    );
}
