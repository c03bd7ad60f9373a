import { mkdir, open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { flockSync } from 'fs-ext';
import { AcgsError } from '../errors.js';

/** Options for {@link withFileLock}. */
export interface FileLockOptions {
  /** Give up waiting after this long (default 30 s: a holder only keeps the lock for one small file write). */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_POLL_MS = 20;

/**
 * Runs `fn` holding an exclusive flock(2) on the file at `path` (created if missing), then releases it.
 *
 * Why flock: the kernel drops it the moment its holder dies, SIGKILL included, so a crashed holder never
 * blocks anyone and the lock file left behind is harmless (no stale-lock detection, no pid-reuse races).
 * Each call opens its own file description, so two callers in one process exclude each other exactly as
 * two processes do. Only the non-blocking form is used, polled with a short jittered backoff: a blocking
 * flock would park a libuv thread-pool thread per waiter and could starve the holder's own file I/O.
 * The holder writes its pid into the file, only so a timeout can say who held the lock.
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a');
  try {
    await acquire(handle, path, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      await handle.truncate(0);
      await handle.write(`${process.pid}\n`);
      return await fn();
    } finally {
      flockSync(handle.fd, 'un');
    }
  } finally {
    await handle.close();
  }
}

async function acquire(handle: FileHandle, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 1;
  while (!tryLock(handle.fd)) {
    if (Date.now() >= deadline) {
      const holderPid = await lastHolder(path);
      const holder = holderPid === undefined ? '' : ` (last taken by pid ${holderPid})`;
      throw new AcgsError(
        'ACGS_STATE_LOCKED',
        `timed out after ${timeoutMs} ms waiting for the lock on ${path}${holder}`,
        {
          details: { path, timeout_ms: timeoutMs, holder_pid: holderPid ?? null },
        },
      );
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, MAX_POLL_MS);
  }
}

function tryLock(fd: number): boolean {
  try {
    flockSync(fd, 'exnb');
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return false;
    throw error;
  }
}

async function lastHolder(path: string): Promise<number | undefined> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}
