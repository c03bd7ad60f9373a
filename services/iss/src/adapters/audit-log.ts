import { open, type FileHandle } from 'node:fs/promises';

/** One entry of an append-only JSON-lines log (forensic_audit.log, constitutional_binding.jsonl). */
export type AuditEntry = { event: string } & Record<string, unknown>;

/**
 * Append-only JSON-lines log. Each entry is one write(2) on an O_APPEND descriptor, so lines from
 * several processes never interleave within a line. `sync: true` fsyncs before resolving, for
 * entries that are evidence (a repaired tail) rather than bookkeeping.
 */
export class AuditLog {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly now: () => number,
  ) {}

  /** Opens (creating) the log at `path`. */
  static async open(path: string, now: () => number = Date.now): Promise<AuditLog> {
    return new AuditLog(path, await open(path, 'a'), now);
  }

  /** Appends one entry stamped with `ts` (ISO UTC). */
  async append(entry: AuditEntry, opts: { sync?: boolean } = {}): Promise<void> {
    const line = `${JSON.stringify({ ts: new Date(this.now()).toISOString(), ...entry })}\n`;
    await this.handle.write(line);
    if (opts.sync) await this.handle.sync();
  }

  /** Closes the descriptor. */
  async close(): Promise<void> {
    await this.handle.close();
  }
}
