import { openSync, closeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { flockSync } from 'fs-ext';

/**
 * Inter-process exclusive lock on a lock file, via flock(2) from the native `fs-ext` addon.
 *
 * Why flock rather than an O_EXCL lock file or proper-lockfile (mkdir + mtime): the kernel drops a
 * flock the moment its holder dies, kill -9 included, so there is no stale-lock detection, no pid
 * reuse race and no waiting out a staleness timeout. It also works between processes on different
 * machines sharing an NFSv4 mount (Linux maps flock to NFS byte-range locks). We only ever try the
 * non-blocking form and poll with a short backoff, so a waiting process never parks a libuv
 * thread-pool thread (blocking flock would, and enough waiters could starve the holder's own I/O).
 *
 * A lock object holds one open file description; two instances in one process exclude each other
 * just as two processes do.
 */
export class FileLock {
  private fd: number | null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  /** Waits until the exclusive lock is held. */
  async acquire(): Promise<void> {
    let delay = 1;
    for (;;) {
      if (this.tryAcquire()) return;
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 20);
    }
  }

  /** Takes the lock if it is free right now. */
  tryAcquire(): boolean {
    try {
      flockSync(this.requireFd(), 'exnb');
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return false;
      throw err;
    }
  }

  /** Releases the lock. */
  release(): void {
    flockSync(this.requireFd(), 'un');
  }

  /** Runs `fn` while holding the lock. */
  async with<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  /** Closes the descriptor (which also drops the lock). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private requireFd(): number {
    if (this.fd === null) throw new Error(`lock ${this.path} is closed`);
    return this.fd;
  }
}
