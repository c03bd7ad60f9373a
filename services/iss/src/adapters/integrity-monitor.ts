import type { StorageReport } from './storage-verifier.js';

/**
 * Caches the last full verification and re-runs it only when the storage fingerprint changes (any
 * append or edit changes a file's size or mtime), so /health can report the truth without
 * re-reading a million records per probe. A probe never waits more than `waitMs` for a run in
 * progress; it then gets the previous report marked stale.
 */
export class IntegrityMonitor {
  private last: { fingerprint: string; report: StorageReport; at: number } | null = null;
  private running: Promise<StorageReport> | null = null;

  constructor(
    private readonly fingerprint: () => Promise<string>,
    private readonly verify: () => Promise<StorageReport>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Latest report (re-verified if storage changed), `stale` when a newer run is still going. */
  async current(waitMs = Infinity): Promise<{ report: StorageReport | null; stale: boolean; verified_at: string | null }> {
    const fp = await this.fingerprint();
    if (this.last && this.last.fingerprint === fp) return this.view(false);
    const run = this.running ?? this.start(fp);
    if (waitMs === Infinity) {
      await run;
      return this.view(false);
    }
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      run.then(() => true),
      new Promise<boolean>((r) => {
        timer = setTimeout(() => r(false), waitMs);
      }),
    ]);
    clearTimeout(timer);
    return this.view(!done);
  }

  private start(fp: string): Promise<StorageReport> {
    const run = this.verify().then(
      (report) => {
        this.last = { fingerprint: fp, report, at: this.now() };
        this.running = null;
        return report;
      },
      (err: unknown) => {
        this.running = null;
        throw err;
      },
    );
    run.catch(() => undefined);
    this.running = run;
    return run;
  }

  private view(stale: boolean): { report: StorageReport | null; stale: boolean; verified_at: string | null } {
    return {
      report: this.last?.report ?? null,
      stale,
      verified_at: this.last ? new Date(this.last.at).toISOString() : null,
    };
  }
}
