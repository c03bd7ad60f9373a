import { setTimeout as sleep } from 'node:timers/promises';
import type { ProbeResult } from './service-probe.js';

/** The outcome of waiting for a service to become healthy. */
export interface GateResult {
  readonly healthy: boolean;
  readonly attempts: number;
  readonly last: ProbeResult | undefined;
}

/**
 * Polls `probe` every `intervalMs` until it answers healthy or `timeoutMs` passes. A process that is known
 * dead (`alive()` false) ends the wait early: no point waiting out the timeout for a crashed service.
 */
export async function waitUntilHealthy(
  probe: () => Promise<ProbeResult>,
  options: {
    timeoutMs: number;
    intervalMs: number;
    alive?: () => boolean | Promise<boolean>;
    /**
     * A definitive answer that will not improve by waiting (e.g. the new process itself reports a wrong
     * constitutional hash); three in a row end the wait early.
     */
    definitiveFailure?: (result: ProbeResult) => boolean;
  },
): Promise<GateResult> {
  const deadline = Date.now() + options.timeoutMs;
  let attempts = 0;
  let definitive = 0;
  let last: ProbeResult | undefined;
  for (;;) {
    attempts += 1;
    last = await probe();
    if (last.healthy) return { healthy: true, attempts, last };
    definitive = options.definitiveFailure?.(last) === true ? definitive + 1 : 0;
    if (definitive >= 3) return { healthy: false, attempts, last };
    if (Date.now() + options.intervalMs > deadline) return { healthy: false, attempts, last };
    if (options.alive !== undefined && !(await options.alive())) return { healthy: false, attempts, last };
    await sleep(options.intervalMs);
  }
}
