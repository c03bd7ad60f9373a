import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { waitFor } from '@svc/kernel/testing';
import { FIXTURE, HASH } from './test-context.js';

/** A fixture service started directly (no driver), for monitor tests. */
export interface FixtureProcess {
  readonly port: number;
  stop(): Promise<void>;
}

export async function startFixture(port: number, env: Record<string, string> = {}): Promise<FixtureProcess> {
  const child: ChildProcess = spawn(process.execPath, [FIXTURE], {
    env: { PATH: process.env['PATH'], PORT: String(port), CONSTITUTIONAL_HASH: HASH, ...env },
    stdio: 'ignore',
  });
  await waitFor(
    `fixture on ${port}`,
    async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).ok,
    15_000,
  );
  return {
    port,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Sends `count` GET /work requests, `concurrency` at a time. */
export async function sendTraffic(port: number, count: number, concurrency = 10): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const response = await fetch(`http://127.0.0.1:${port}/work`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
