import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AcgsError } from '../errors.js';
import { withFileLock } from './file-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'acgs-file-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withFileLock', () => {
  it('lets one holder at a time in, even between callers of one process', async () => {
    const path = join(dir, 'order.lock');
    const events: string[] = [];
    let releaseFirst!: () => void;
    const first = withFileLock(path, async () => {
      events.push('first in');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      events.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = withFileLock(path, () => {
      events.push('second in');
      return Promise.resolve();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual(['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
  });

  it('times out naming the lock file and the pid that took it', async () => {
    const path = join(dir, 'nested', 'held.lock');
    let release!: () => void;
    const holder = withFileLock(path, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(path, 'utf8')).toBe(`${process.pid}\n`);
    const waiter = withFileLock(path, () => Promise.resolve('never'), { timeoutMs: 150 });
    await expect(waiter).rejects.toBeInstanceOf(AcgsError);
    await expect(waiter).rejects.toMatchObject({
      code: 'ACGS_STATE_LOCKED',
      statusCode: 409,
      details: { path, timeout_ms: 150, holder_pid: process.pid },
      message: `timed out after 150 ms waiting for the lock on ${path} (last taken by pid ${process.pid})`,
    });
    release();
    await holder;
  });

  it('releases the lock when the holder throws', async () => {
    const path = join(dir, 'throws.lock');
    await expect(withFileLock(path, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withFileLock(path, () => Promise.resolve(7), { timeoutMs: 50 })).resolves.toBe(7);
  });
});
