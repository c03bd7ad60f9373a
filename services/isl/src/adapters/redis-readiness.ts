/** Waiting for the kernel's fail-fast Redis client at start, so the first request finds it connected. */
import type { Redis } from 'ioredis';

/** Resolves true once `redis` is ready, or false after `timeoutMs` (it keeps reconnecting in the background). */
export function waitForRedis(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => finish(true);
    const timer = setTimeout(() => finish(false), timeoutMs);
    redis.on('ready', onReady);
  });
}

/** Round-trip time of a PING in milliseconds; throws when Redis does not answer. */
export async function pingRedis(redis: Redis): Promise<number> {
  if (redis.status !== 'ready') throw new Error(`redis connection is ${redis.status}`);
  const started = performance.now();
  await redis.ping();
  return Math.round((performance.now() - started) * 100) / 100;
}
