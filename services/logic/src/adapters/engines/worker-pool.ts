import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERRORS, LogicError, type LogicErrorCode } from '../../errors.js';

/**
 * Starts a worker from `<name>.js` beside this file (built output) or, when running from the
 * TypeScript sources (tests, tsx), from `<name>.ts` through tsx's loader.
 */
function startWorker(name: string): Worker {
  const js = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  const ts = new URL(`./${name}.ts`, import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ts)}); })`;
  return new Worker(bootstrap, { eval: true });
}

function replyError(message: string, code: string | undefined): Error {
  return code !== undefined && code in ERRORS ? new LogicError(code as LogicErrorCode, message) : new Error(message);
}

export interface WorkerReply<R> {
  readonly id: number;
  readonly result?: R;
  readonly error?: string;
  /** The catalog code when the worker threw a LogicError, so it crosses the thread intact. */
  readonly code?: string;
}

interface Pending<R> {
  resolve(value: { kind: 'done'; result: R } | { kind: 'timeout' }): void;
  reject(error: Error): void;
}

/**
 * Runs jobs in worker threads, one job per worker at a time. A job that overruns its hard timeout
 * gets its worker terminated, so no worker ever outlives its deadline. Idle workers are unref'd
 * and kept for reuse (warm starts matter: Z3's WASM takes a second to load).
 */
export class WorkerPool<M, R> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private nextId = 0;

  constructor(
    private readonly workerName: string,
    private readonly maxIdle = 2,
  ) {}

  async run(message: M, hardTimeoutMs: number): Promise<{ kind: 'done'; result: R } | { kind: 'timeout' }> {
    const worker = this.idle.pop() ?? startWorker(this.workerName);
    worker.ref();
    this.busy.add(worker);
    const id = ++this.nextId;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise((resolve, reject) => {
        const pending: Pending<R> = { resolve, reject };
        const onMessage = (reply: WorkerReply<R>): void => {
          if (reply.id !== id) return;
          cleanup();
          if (reply.error !== undefined) pending.reject(replyError(reply.error, reply.code));
          else pending.resolve({ kind: 'done', result: reply.result as R });
        };
        const onError = (error: Error): void => {
          cleanup();
          this.discard(worker);
          pending.reject(error);
        };
        const onExit = (code: number): void => {
          cleanup();
          this.discard(worker);
          pending.reject(new Error(`worker ${this.workerName} exited with code ${code}`));
        };
        const cleanup = (): void => {
          if (timer !== undefined) clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        timer = setTimeout(() => {
          cleanup();
          this.discard(worker);
          pending.resolve({ kind: 'timeout' });
        }, hardTimeoutMs);
        worker.postMessage({ id, message });
      });
    } finally {
      if (this.busy.delete(worker)) this.release(worker);
    }
  }

  private release(worker: Worker): void {
    if (this.idle.length >= this.maxIdle) {
      void worker.terminate();
      return;
    }
    worker.unref();
    this.idle.push(worker);
  }

  private discard(worker: Worker): void {
    this.busy.delete(worker);
    void worker.terminate();
  }

  /** Terminates every worker, idle or busy (busy jobs then fail). */
  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
