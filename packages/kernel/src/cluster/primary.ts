import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { serveClusterMetrics } from '../metrics/cluster-metrics.js';

export interface PrimarySettings {
  readonly workers: number;
  /** How long workers get to drain after SIGTERM before they are killed (ms). */
  readonly deadlineMs: number;
}

/** A crashing worker is replaced, but not in a tight loop: at most this many restarts per minute. */
const MAX_RESTARTS_PER_MINUTE = 10;

/**
 * The node:cluster primary: forks the workers, replaces any that crash, counts rate limits for all of
 * them, aggregates their metrics, and forwards SIGTERM/SIGINT so each drains before the primary exits.
 */
export function runPrimary(
  log: Logger,
  settings: PrimarySettings,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  new RateLimiterClusterMaster();
  serveClusterMetrics();

  let stopping = false;
  const restarts: number[] = [];
  const fork = () => cluster.fork();

  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.info('all workers stopped');
        exit(0);
      }
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      log.fatal({ restarts: restarts.length }, 'workers keep crashing; giving up');
      exit(1);
      return;
    }
    log.warn({ pid: worker.process.pid, code, signal }, 'worker died; starting a replacement');
    fork();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => {
      log.error('workers did not stop before the deadline; killing them');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      exit(1);
    }, settings.deadlineMs + 1_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  log.info({ workers: settings.workers }, 'starting workers');
  for (let i = 0; i < settings.workers; i++) fork();
}
