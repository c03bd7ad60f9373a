import type { RevisionStore } from '../adapters/revision-store.js';
import type { ServiceSpec } from '../domain/config/index.js';
import { applyTemplate, currentRevision, emptyHistory, rollbackTo } from '../domain/revisions/index.js';
import type { Revision, RevisionHistory, RevisionStamp } from '../domain/revisions/index.js';
import type { ReadyResult, ServiceRuntime } from './service-runtime.js';

/** What one apply did. */
export interface ApplyOutcome {
  /** True when a new revision was created (the template differs from the current one). */
  readonly changed: boolean;
  readonly revision: Revision<unknown>;
  readonly previous: Revision<unknown> | undefined;
}

/** What one rollback did. */
export interface RollbackOutcome {
  readonly from: Revision<unknown>;
  readonly to: Revision<unknown>;
  readonly targetRevision: number;
}

/**
 * A deploy driver: revision histories with Kubernetes semantics (kept in the state directory) on top of a
 * runtime that runs templates (local processes, or Deployments on a Kubernetes API server). Every change
 * of the running system goes through here, so `acgs deploy`, `acgs rollback` and the monitor's automatic
 * rollbacks share one history.
 */
export class RevisionedDriver<T = unknown> {
  constructor(
    readonly runtime: ServiceRuntime<T>,
    readonly store: RevisionStore,
  ) {}

  get kind(): 'local' | 'kubernetes' {
    return this.runtime.kind;
  }

  /** Histories of the given services (empty for never-deployed ones), in the given order. */
  async histories(services: readonly ServiceSpec[]): Promise<RevisionHistory<unknown>[]> {
    const all = await this.store.readAll();
    return services.map((service) => all[service.name] ?? emptyHistory(service.name));
  }

  /**
   * Applies the service's current template: a new revision when it differs (then the runtime runs it);
   * an unchanged template is started again only when it is not running.
   */
  async apply(
    service: ServiceSpec,
    stamp: RevisionStamp,
    onRecorded?: (outcome: ApplyOutcome) => void,
  ): Promise<ApplyOutcome> {
    const template = this.runtime.templateFor(service);
    const outcome = await this.store.update(service.name, (history) => {
      const result = applyTemplate(history, template as unknown, stamp);
      return {
        history: result.history,
        result: { changed: result.changed, revision: result.revision, previous: result.previous },
      };
    });
    // Reported before the runtime acts: a run that fails half-way must still be undone.
    onRecorded?.(outcome);
    if (outcome.changed || !(await this.runtime.isRunning(service, template))) {
      await this.runtime.run(service, template);
    }
    return outcome;
  }

  /**
   * Rolls a service back like `kubectl rollout undo [--to-revision=N]`: a NEW revision with the target's
   * template (default: the last different, not-known-bad one), which the runtime then runs.
   */
  async rollback(service: ServiceSpec, stamp: RevisionStamp, toRevision?: number): Promise<RollbackOutcome> {
    const outcome = await this.store.update(service.name, (history) => {
      const result = rollbackTo(history, stamp, toRevision);
      return {
        history: result.history,
        result: { from: result.from, to: result.to, targetRevision: result.targetRevision },
      };
    });
    await this.runtime.run(service, outcome.to.template as T);
    return outcome;
  }

  /** Removes a service a failed run created: it stops, and its history is forgotten. */
  async remove(service: ServiceSpec): Promise<void> {
    await this.runtime.remove(service);
    await this.store.update(service.name, () => ({ history: emptyHistory(service.name), result: undefined }));
  }

  waitReady(service: ServiceSpec, timeoutMs: number): Promise<ReadyResult> {
    return this.runtime.waitReady(service, timeoutMs);
  }

  /** The current revision of a service, if deployed. */
  async current(service: ServiceSpec): Promise<Revision<unknown> | undefined> {
    return currentRevision(await this.store.get(service.name));
  }

  close(): Promise<void> {
    return this.runtime.close();
  }
}
