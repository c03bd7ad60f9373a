import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyHistory } from '../domain/revisions/index.js';
import type { RevisionHistory } from '../domain/revisions/index.js';
import { writeFileAtomic } from './atomic-file.js';
import { withFileLock } from './file-lock.js';

interface StoredHistories {
  readonly version: 1;
  readonly histories: Record<string, RevisionHistory<unknown>>;
}

/**
 * Revision histories persisted in the state directory (`<stateDir>/<driver>-revisions.json`), one file per
 * driver. Every update re-reads the file and writes it atomically (readers never see half a file, so they
 * take no lock). Updates are serialised twice: an in-process queue, so parallel applies of one wave wait
 * cheaply, and inside it an flock on `<driver>-revisions.lock`, so two `acgs` processes on one state
 * directory (a deploy and an emergency rollback, two CI jobs) cannot lose each other's revisions.
 */
export class RevisionStore {
  private queue: Promise<unknown> = Promise.resolve();
  readonly path: string;
  /** Sidecar lock file held for each read-modify-write; left behind on purpose (an unheld flock is nothing). */
  readonly lockPath: string;

  constructor(stateDir: string, driver: string) {
    this.path = join(stateDir, `${driver}-revisions.json`);
    this.lockPath = join(stateDir, `${driver}-revisions.lock`);
  }

  /** Every stored history, keyed by service name. */
  async readAll(): Promise<Record<string, RevisionHistory<unknown>>> {
    try {
      const parsed = JSON.parse(await readFile(this.path, 'utf8')) as StoredHistories;
      return parsed.histories;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  /** One service's history (empty when never deployed). */
  async get(service: string): Promise<RevisionHistory<unknown>> {
    return (await this.readAll())[service] ?? emptyHistory(service);
  }

  /** Applies `change` to one history and persists the result; returns what `change` returned. */
  update<R>(
    service: string,
    change: (history: RevisionHistory<unknown>) => { history: RevisionHistory<unknown>; result: R },
  ): Promise<R> {
    const run = (): Promise<R> =>
      withFileLock(this.lockPath, async () => {
        const all = await this.readAll();
        const { history, result } = change(all[service] ?? emptyHistory(service));
        all[service] = history;
        await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, histories: all }, null, 2)}\n`);
        return result;
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
