import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { IssError } from '../errors.js';
import { AsyncMutex } from './async-mutex.js';
import type { AuditLog } from './audit-log.js';
import { FileLock } from './file-lock.js';

/** Called for every complete line, in file order, with the byte offset where it starts. */
export type LineSink = (line: string, offset: number, byteLength: number) => void;

const NEWLINE = 0x0a;
const CHUNK = 1 << 20; // 1 MiB read chunks while catching up
const MAX_EVIDENCE = 4096; // bytes of a cut-off torn line kept in the audit entry

/**
 * An append-only JSON-lines file shared by any number of processes.
 *
 * Writers take an flock on `<file>.lock`, re-read whatever other processes appended since (the
 * tail can have moved), append, fdatasync, and only then release; so the file stays one linear
 * sequence. A line without its newline at the end of the file, seen while holding the lock, can
 * only be a writer that died mid-write: it is cut off, and the cut bytes go to the audit log
 * first. Readers without the lock integrate complete lines only.
 */
export class JsonlLog {
  private size = 0;
  private readonly mutex = new AsyncMutex();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly lock: FileLock,
    private readonly audit: AuditLog,
    private readonly sink: LineSink,
  ) {}

  /**
   * Opens (creating) the file, repairs a torn tail under the lock, and feeds every line to `sink`
   * from byte `startAt` on (a caller that restored its state from a derived index up to that
   * offset skips re-reading it).
   */
  static async open(path: string, audit: AuditLog, sink: LineSink, startAt = 0): Promise<JsonlLog> {
    const handle = await open(path, 'a+');
    const log = new JsonlLog(path, handle, new FileLock(`${path}.lock`), audit, sink);
    log.size = startAt;
    await log.mutex.run(() => log.lock.with(() => log.catchUp(true)));
    return log;
  }

  /** Bytes of complete lines integrated so far. */
  get knownSize(): number {
    return this.size;
  }

  /** Integrates lines other processes appended since the last look (no lock taken). */
  refresh(): Promise<void> {
    return this.mutex.run(() => this.catchUp(false));
  }

  /**
   * Runs `fn` holding both the in-process mutex and the inter-process lock, after catching up with
   * every line already on disk. Use {@link appendLines} inside it.
   */
  withWriteLock<T>(fn: () => Promise<T>): Promise<T> {
    return this.mutex.run(() =>
      this.lock.with(async () => {
        await this.catchUp(true);
        return fn();
      }),
    );
  }

  /** Appends lines durably (write + fdatasync). Call only inside {@link withWriteLock}. */
  async appendLines(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const buffers = lines.map((l) => Buffer.from(`${l}\n`, 'utf8'));
    const data = Buffer.concat(buffers);
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
    await this.handle.datasync();
    let offset = this.size;
    lines.forEach((line, i) => {
      const len = (buffers[i] as Buffer).length - 1;
      this.sink(line, offset, len);
      offset += len + 1;
    });
    this.size = offset;
  }

  /** Reads bytes [start, end). */
  async readBytes(start: number, end: number): Promise<Buffer> {
    const buf = Buffer.alloc(end - start);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await this.handle.read(buf, got, buf.length - got, start + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  }

  /** Streams every line currently in the file (for verification and export). */
  async *lines(): AsyncIterable<string> {
    const end = this.size;
    if (end === 0) return;
    const rl = createInterface({ input: createReadStream(this.path, { start: 0, end: end - 1 }), crlfDelay: Infinity });
    for await (const line of rl) yield line;
  }

  /** Closes the file and the lock. */
  async close(): Promise<void> {
    await this.mutex.run(async () => {
      await this.handle.close();
      this.lock.close();
    });
  }

  private async catchUp(repair: boolean): Promise<void> {
    const { size: fileSize } = await this.handle.stat();
    if (fileSize < this.size) {
      await this.audit.append(
        { event: 'log.shrunk', file: this.path, known_size: this.size, file_size: fileSize },
        { sync: true },
      );
      throw new IssError('ISS_CHAIN_BROKEN', `${this.path} shrank from ${this.size} to ${fileSize} bytes: truncated outside the service`);
    }
    let pos = this.size;
    let carry: Buffer = Buffer.alloc(0);
    let carryStart = pos;
    while (pos < fileSize) {
      const chunk = await this.readBytes(pos, Math.min(fileSize, pos + CHUNK));
      if (chunk.length === 0) break;
      pos += chunk.length;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let lineStart = 0;
      for (let nl = data.indexOf(NEWLINE); nl !== -1; nl = data.indexOf(NEWLINE, lineStart)) {
        this.sink(data.toString('utf8', lineStart, nl), carryStart + lineStart, nl - lineStart);
        lineStart = nl + 1;
      }
      carryStart += lineStart;
      carry = data.subarray(lineStart);
      this.size = carryStart;
    }
    if (carry.length > 0 && repair) await this.cutTornTail(carryStart, carry, fileSize);
  }

  private async cutTornTail(offset: number, torn: Buffer, fileSize: number): Promise<void> {
    await this.audit.append(
      {
        event: 'log.torn_tail_repaired',
        file: this.path,
        offset,
        bytes_removed: fileSize - offset,
        removed_base64: torn.subarray(0, MAX_EVIDENCE).toString('base64'),
        reason: 'last line had no newline: a writer died mid-write; the line was never acknowledged',
      },
      { sync: true },
    );
    await this.handle.truncate(offset);
    await this.handle.sync();
  }
}
