import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

export interface Drainable {
  readonly beginDrain: () => void;
  readonly close: () => Promise<void>;
}

export interface ShutdownSettings {
  /** Time /ready answers 503 before the listener closes (ms). */
  readonly drainDelayMs: number;
  /** After this long the process exits whatever is still running (ms). */
  readonly deadlineMs: number;
}

/**
 * On SIGTERM or SIGINT: flip readiness to 503, wait for load balancers to notice, stop accepting,
 * close idle keep-alive sockets, let in-flight requests finish, run close hooks, exit 0. If that takes
 * longer than the deadline, exit 1 anyway. A second signal does not restart the sequence.
 */
export function exitOnSignals(
  service: Drainable,
  log: Logger,
  settings: ShutdownSettings,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining');
    service.beginDrain();
    setTimeout(() => {
      log.error(
        { deadlineMs: settings.deadlineMs },
        'shutdown deadline passed; exiting with requests still open',
      );
      exit(1);
    }, settings.deadlineMs).unref();
    sleep(settings.drainDelayMs)
      .then(() => service.close())
      .then(
        () => {
          log.info('shutdown complete');
          exit(0);
        },
        (error: unknown) => {
          log.error({ err: error }, 'error while shutting down');
          exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
