import { AcgsError } from '../../errors.js';
import { templateKey } from './template-key.js';

/** One revision of a service, like a ReplicaSet with its `deployment.kubernetes.io/revision`. */
export interface Revision<T> {
  readonly revision: number;
  readonly template: T;
  /** Canonical text of the template: equal keys mean equal templates. */
  readonly key: string;
  /** 'apply' for a deploy; 'rollback' for an undo that brought an older template back. */
  readonly origin: 'apply' | 'rollback';
  /** Epoch milliseconds, passed in by the caller (the domain has no clock). */
  readonly at: number;
  /** The deploy run (or rollback operation) that created this revision. */
  readonly runId: string;
  /** Why it exists, e.g. "deploy 2026-11-23T03:00Z" or "rollback from revision 4: health check failed". */
  readonly cause: string;
}

/**
 * A service's revision history with Kubernetes Deployment/ReplicaSet semantics:
 * - each template appears at most once (one ReplicaSet per template), under its latest revision number;
 * - the current revision is the highest number;
 * - re-applying an older template (an apply or an undo) moves it to a NEW number, and its old number
 *   disappears — so "current − 1" is not a rollback target, the last *different* template is.
 *
 * On top of Kubernetes, templates rolled back FROM are remembered as bad, so a second emergency rollback
 * (or a targeted one without a revision) never brings a bad template back.
 */
export interface RevisionHistory<T> {
  readonly service: string;
  /** Ascending by revision number. */
  readonly revisions: readonly Revision<T>[];
  /** Keys of templates that were rolled back from (known bad). */
  readonly badKeys: readonly string[];
}

export interface RevisionStamp {
  readonly at: number;
  readonly runId: string;
  readonly cause?: string;
}

/** Kubernetes' default `revisionHistoryLimit`: old revisions kept besides the current one. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;

export function emptyHistory<T>(service: string): RevisionHistory<T> {
  return { service, revisions: [], badKeys: [] };
}

/** The current revision, or undefined before the first apply. */
export function currentRevision<T>(history: RevisionHistory<T>): Revision<T> | undefined {
  return history.revisions[history.revisions.length - 1];
}

function nextNumber<T>(history: RevisionHistory<T>): number {
  return (currentRevision(history)?.revision ?? 0) + 1;
}

function trim<T>(revisions: Revision<T>[], limit: number): Revision<T>[] {
  return revisions.length > limit + 1 ? revisions.slice(revisions.length - (limit + 1)) : revisions;
}

export interface ApplyResult<T> {
  readonly history: RevisionHistory<T>;
  /** False when the template equals the current one: nothing to roll out, no new revision. */
  readonly changed: boolean;
  readonly revision: Revision<T>;
  /** The revision that was current before, if any. */
  readonly previous: Revision<T> | undefined;
}

/**
 * Applies a template. Same as current → unchanged. Otherwise a new revision (max + 1); if an older revision
 * had this template, it is that one renumbered (its old number disappears). Applying a template on purpose
 * clears its bad mark: the operator asked for exactly it.
 */
export function applyTemplate<T>(
  history: RevisionHistory<T>,
  template: T,
  stamp: RevisionStamp,
  limit = DEFAULT_REVISION_HISTORY_LIMIT,
): ApplyResult<T> {
  const key = templateKey(template);
  const current = currentRevision(history);
  if (current !== undefined && current.key === key) {
    return { history, changed: false, revision: current, previous: current };
  }
  const number = nextNumber(history);
  const revision: Revision<T> = {
    revision: number,
    template,
    key,
    origin: 'apply',
    at: stamp.at,
    runId: stamp.runId,
    cause: stamp.cause ?? `apply revision ${number}`,
  };
  const revisions = trim([...history.revisions.filter((r) => r.key !== key), revision], limit);
  return {
    history: { service: history.service, revisions, badKeys: history.badKeys.filter((bad) => bad !== key) },
    changed: true,
    revision,
    previous: current,
  };
}

/**
 * "Previous": the newest revision whose template differs from the current one and is not known bad
 * (pass `includeBad` to get the plain Kubernetes answer).
 */
export function previousRevision<T>(
  history: RevisionHistory<T>,
  options: { includeBad?: boolean } = {},
): Revision<T> | undefined {
  const current = currentRevision(history);
  if (current === undefined) return undefined;
  for (let i = history.revisions.length - 2; i >= 0; i -= 1) {
    const candidate = history.revisions[i] as Revision<T>;
    if (candidate.key === current.key) continue;
    if (options.includeBad !== true && history.badKeys.includes(candidate.key)) continue;
    return candidate;
  }
  return undefined;
}

export interface RollbackResult<T> {
  readonly history: RevisionHistory<T>;
  /** The revision that was current and is now marked bad. */
  readonly from: Revision<T>;
  /** The revision number the operator chose (it no longer exists after the undo). */
  readonly targetRevision: number;
  /** The NEW revision carrying the target's template. */
  readonly to: Revision<T>;
}

/**
 * Undo, like `kubectl rollout undo [--to-revision=N]`: the target's template becomes a NEW revision
 * (max + 1) and the target's old number disappears. Without `toRevision` the target is
 * {@link previousRevision}. The template rolled back from is marked bad.
 *
 * Throws ACGS_REVISION_NOT_FOUND for an unknown number, ACGS_NO_ROLLBACK_TARGET when there is nothing
 * different (and not bad) to go back to or the target is the current revision.
 */
export function rollbackTo<T>(
  history: RevisionHistory<T>,
  stamp: RevisionStamp,
  toRevision?: number,
  limit = DEFAULT_REVISION_HISTORY_LIMIT,
): RollbackResult<T> {
  const current = currentRevision(history);
  if (current === undefined) {
    throw new AcgsError('ACGS_NO_ROLLBACK_TARGET', `${history.service} has never been deployed`, {
      field: history.service,
    });
  }
  let target: Revision<T> | undefined;
  if (toRevision === undefined) {
    target = previousRevision(history);
    if (target === undefined) {
      throw new AcgsError(
        'ACGS_NO_ROLLBACK_TARGET',
        `${history.service}: no earlier good revision to roll back to`,
        {
          field: history.service,
          details: { current: current.revision },
        },
      );
    }
  } else {
    target = history.revisions.find((r) => r.revision === toRevision);
    if (target === undefined) {
      throw new AcgsError('ACGS_REVISION_NOT_FOUND', `${history.service}: revision ${toRevision} not found`, {
        field: 'revision',
        details: {
          service: history.service,
          revision: toRevision,
          available: history.revisions.map((r) => r.revision),
        },
      });
    }
    if (target.revision === current.revision) {
      throw new AcgsError(
        'ACGS_NO_ROLLBACK_TARGET',
        `${history.service}: revision ${toRevision} is already current`,
        {
          field: 'revision',
        },
      );
    }
  }
  const chosen = target;
  const to: Revision<T> = {
    revision: current.revision + 1,
    template: chosen.template,
    key: chosen.key,
    origin: 'rollback',
    at: stamp.at,
    runId: stamp.runId,
    cause: stamp.cause ?? `rollback from revision ${current.revision} to revision ${chosen.revision}`,
  };
  const revisions = trim([...history.revisions.filter((r) => r.key !== chosen.key), to], limit);
  const badKeys = history.badKeys.includes(current.key) ? history.badKeys : [...history.badKeys, current.key];
  return {
    history: { service: history.service, revisions, badKeys: badKeys.filter((bad) => bad !== chosen.key) },
    from: current,
    targetRevision: chosen.revision,
    to,
  };
}

/** The latest change of a service (what the auto-rollback triggers need), or undefined before any deploy. */
export function lastChange<T>(
  history: RevisionHistory<T>,
): { at: number; origin: 'apply' | 'rollback'; revision: number } | undefined {
  const current = currentRevision(history);
  return current === undefined
    ? undefined
    : { at: current.at, origin: current.origin, revision: current.revision };
}
