import type { ServiceSpec } from '../domain/config/index.js';
import type { ProbeResult } from '../adapters/service-probe.js';

/** The outcome of a readiness wait, as the deploy report records it. */
export interface ReadyResult {
  readonly healthy: boolean;
  readonly attempts: number;
  readonly statusCode?: number | undefined;
  readonly hashValid?: boolean | undefined;
  readonly message: string;
}

/**
 * What a driver does to the running system. The revision bookkeeping (histories, rollback targets) is the
 * same for every driver and lives in {@link RevisionedDriver}; a runtime only runs templates.
 */
export interface ServiceRuntime<T> {
  readonly kind: 'local' | 'kubernetes';
  /** The template (revision identity) a service spec deploys as. */
  templateFor(service: ServiceSpec): T;
  /** Makes `template` the running version of the service (replacing what ran before). */
  run(service: ServiceSpec, template: T): Promise<void>;
  /** True when the service currently runs `template` (an unchanged template still running needs nothing). */
  isRunning(service: ServiceSpec, template: T): Promise<boolean>;
  /** Stops and removes the service. */
  remove(service: ServiceSpec): Promise<void>;
  /** Waits until the service is ready (health gate), at most `timeoutMs`. */
  waitReady(service: ServiceSpec, timeoutMs: number): Promise<ReadyResult>;
  /** One health probe now (monitoring), where the runtime can probe. */
  probe?(service: ServiceSpec): Promise<ProbeResult>;
  close(): Promise<void>;
}
