/**
 * The worker-thread side of the compute pool: answers job requests with the given handlers. A worker
 * entry file imports its handlers and calls `serveJobs(handlers)`.
 */
import { parentPort } from 'node:worker_threads';
import type { JobFailure, JobHandlers, JobRequest, WorkerMessage } from './compute-protocol.js';

/** Flattens a thrown value; service errors keep code, status, details and field. */
export function toJobFailure(error: unknown): JobFailure {
  if (typeof error !== 'object' || error === null) return { message: typeof error === 'string' ? error : `a ${typeof error} was thrown` };
  const e = error as { message?: unknown; code?: unknown; statusCode?: unknown; details?: unknown; field?: unknown };
  const message = typeof e.message === 'string' ? e.message : 'a non-Error object was thrown';
  if (typeof e.code !== 'string' || typeof e.statusCode !== 'number') return { message };
  return {
    message,
    code: e.code,
    statusCode: e.statusCode,
    ...(e.details !== undefined ? { details: e.details } : {}),
    ...(typeof e.field === 'string' ? { field: e.field } : {}),
  };
}

/** Serves jobs on this worker thread's parent port until the pool terminates the thread. */
export function serveJobs(handlers: JobHandlers): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  port.on('message', (request: JobRequest) => {
    void (async () => {
      let reply: WorkerMessage;
      try {
        const handler = Object.hasOwn(handlers, request.kind) ? handlers[request.kind] : undefined;
        if (!handler) throw new Error(`unknown job kind "${request.kind}"`);
        reply = { type: 'result', id: request.id, ok: true, result: await handler(request.input as never) };
      } catch (error) {
        reply = { type: 'result', id: request.id, ok: false, error: toJobFailure(error) };
      }
      try {
        port.postMessage(reply);
      } catch (error) {
        // A result the structured clone refuses (a function, a symbol) is the job's failure, not the thread's.
        port.postMessage({ type: 'result', id: request.id, ok: false, error: toJobFailure(error) } satisfies WorkerMessage);
      }
    })();
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
