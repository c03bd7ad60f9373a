/** Messages between the compute pool (main thread) and its worker threads. */

/** Main thread → worker: run one job. */
export interface JobRequest {
  readonly id: number;
  readonly kind: string;
  readonly input: unknown;
}

/** An error thrown by a job, flattened for the structured clone (class identity does not cross threads). */
export interface JobFailure {
  readonly message: string;
  readonly code?: string;
  readonly statusCode?: number;
  readonly details?: unknown;
  readonly field?: string;
}

/** Worker → main thread. `ready` once its modules are loaded; one `result` per request. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly type: 'result'; readonly id: number; readonly ok: false; readonly error: JobFailure };

/** Handlers a worker serves, by job kind. Domain functions: JSON in, JSON out. */
export type JobHandlers = Readonly<Record<string, (input: never) => unknown>>;
