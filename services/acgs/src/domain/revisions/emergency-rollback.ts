import { currentRevision, previousRevision } from './revision-history.js';
import type { Revision, RevisionHistory } from './revision-history.js';

/** What an emergency rollback does to one service, and why. */
export type EmergencyStep<T> =
  | {
      readonly service: string;
      readonly action: 'rollback';
      readonly from: Revision<T>;
      readonly target: Revision<T>;
    }
  | {
      readonly service: string;
      readonly action: 'skip';
      readonly reason:
        'never-deployed' | 'not-changed-in-last-run' | 'already-rolled-back' | 'no-earlier-good-revision';
    };

/**
 * Plans an emergency rollback: "roll back everything the last deploy changed", and nothing else.
 *
 * The last deploy run is the run of the newest `apply` revision across all services. A service is rolled
 * back only when its CURRENT revision is an apply from that run. After a rollback the current revision is a
 * 'rollback' revision, so planning again (a second emergency rollback) touches nothing — it never brings
 * the bad templates back, unlike a second `kubectl rollout undo`, which toggles to them.
 */
export function planEmergencyRollback<T>(histories: readonly RevisionHistory<T>[]): EmergencyStep<T>[] {
  let lastRun: { runId: string; at: number; revision: number } | undefined;
  for (const history of histories) {
    for (const revision of history.revisions) {
      if (revision.origin !== 'apply') continue;
      if (lastRun === undefined || revision.at > lastRun.at) {
        lastRun = { runId: revision.runId, at: revision.at, revision: revision.revision };
      }
    }
  }
  return histories.map((history): EmergencyStep<T> => {
    const service = history.service;
    const current = currentRevision(history);
    if (current === undefined) return { service, action: 'skip', reason: 'never-deployed' };
    if (current.origin === 'rollback') return { service, action: 'skip', reason: 'already-rolled-back' };
    if (lastRun === undefined || current.runId !== lastRun.runId)
      return { service, action: 'skip', reason: 'not-changed-in-last-run' };
    const target = previousRevision(history);
    if (target === undefined) return { service, action: 'skip', reason: 'no-earlier-good-revision' };
    return { service, action: 'rollback', from: current, target };
  });
}
