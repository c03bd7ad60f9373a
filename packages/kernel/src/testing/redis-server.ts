import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { waitFor } from './wait-for.js';

export interface TestRedis {
  /** redis://127.0.0.1:PORT (or REDIS_URL when that is set). */
  readonly url: string;
  /** Stops the server this helper started; a shared REDIS_URL server is flushed of nothing and left running. */
  stop(): Promise<void>;
}

/**
 * Starts a real `redis-server` on a free loopback port with persistence off, or uses `REDIS_URL`
 * when it is set (CI machines that already run one). Call `stop()` in `afterAll`.
 *
 * @example
 * const redis = await startRedis();
 * afterAll(() => redis.stop());
 */
export async function startRedis(): Promise<TestRedis> {
  const shared = process.env['REDIS_URL'];
  if (shared) return { url: shared, stop: async () => {} };

  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', () => undefined);
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(`redis-server on port ${port}`, async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // refused connections are expected until the server is up
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
