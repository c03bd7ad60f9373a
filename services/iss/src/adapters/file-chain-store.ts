import { mkdir, open as openFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IssError } from '../errors.js';
import { toLine } from '../domain/hash-chain.js';
import { HashColumn, MerkleTree, hashLeaf } from '../domain/merkle-tree.js';
import { createPulse, type ChainTip, type PulseRecord } from '../domain/pulse-record.js';
import type { ChainStore } from '../domain/storage-ports.js';
import { AuditLog } from './audit-log.js';
import { GroupCommit } from './group-commit.js';
import { parseStored } from './stored-line.js';
import { JsonlLog } from './jsonl-log.js';

/** Options for {@link FileChainStore.open}. */
export interface FileChainStoreOptions {
  /** STORAGE_PATH: holds glyph_chain.jsonl and forensic_audit.log. */
  dir: string;
  nodeId: string;
  /** Clock in Unix milliseconds (injected for tests). */
  now?: () => number;
  /** Most pulses written by one group commit. */
  maxBatch?: number;
}

/** Growable array of numbers (byte offsets), 8 bytes each. */
class NumberColumn {
  private data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i] as number;
  }
}

const ZERO_HASH = Buffer.alloc(32);

/**
 * The forensic chain in STORAGE_PATH/glyph_chain.jsonl, one canonical JSON pulse per line.
 *
 * Durability: appendPulse resolves only after write + fdatasync. Group commit: appends that arrive
 * while a write is in flight are batched into the next single write + fdatasync. Concurrency: each
 * batch is written under an flock after re-reading the tail, so any number of processes (workers,
 * replicas on a shared folder) extend one linear chain. On open a torn last line is cut off with a
 * forensic_audit.log entry; existing records are never discarded, so the chain never restarts from
 * genesis. Leaf hashes, record hashes and line offsets are kept in flat buffers (≈ 104 bytes per
 * pulse) for proofs and O(1) reads.
 */
export class FileChainStore implements ChainStore {
  private readonly tree = new MerkleTree();
  private readonly hashes = new HashColumn();
  private readonly offsets = new NumberColumn();
  private tip: ChainTip | null = null;
  private tipBroken = false;
  private readonly commits: GroupCommit<PulseRecord>;
  private closed = false;
  private log!: JsonlLog;
  /**
   * Set when forensic_audit.log has acknowledged more pulses than glyph_chain.jsonl holds (the file
   * was truncated, replaced or deleted outside the service). Appends are then refused: the chain
   * must never silently restart from genesis or from a shortened tail.
   */
  regression: { audited_size: number; chain_size: number } | null = null;

  private constructor(
    private readonly nodeId: string,
    private readonly now: () => number,
    private readonly maxBatch: number,
    readonly audit: AuditLog,
  ) {
    this.commits = new GroupCommit((count) => this.writeBatch(count), this.maxBatch);
  }

  /** Opens the chain in `dir`, creating it if needed, repairing a torn tail. */
  static async open(options: FileChainStoreOptions): Promise<FileChainStore> {
    await mkdir(options.dir, { recursive: true });
    const now = options.now ?? Date.now;
    const audit = await AuditLog.open(join(options.dir, 'forensic_audit.log'), now);
    const store = new FileChainStore(options.nodeId, now, options.maxBatch ?? 1000, audit);
    store.log = await JsonlLog.open(join(options.dir, 'glyph_chain.jsonl'), audit, (line, offset) => store.integrate(line, offset));
    const audited = await lastAuditedSize(audit.path);
    if (audited > store.tree.size) {
      store.regression = { audited_size: audited, chain_size: store.tree.size };
      await audit.append({ event: 'chain.regression_detected', ...store.regression }, { sync: true });
    }
    return store;
  }

  /** Path of glyph_chain.jsonl. */
  get path(): string {
    return this.log.path;
  }

  appendPulse(): Promise<PulseRecord> {
    if (this.closed) return Promise.reject(new IssError('ISS_STORE_CLOSED'));
    return this.commits.submit();
  }

  async size(): Promise<number> {
    await this.log.refresh();
    return this.tree.size;
  }

  async range(from: number, to: number): Promise<PulseRecord[]> {
    await this.log.refresh();
    const end = Math.min(to, this.tree.size);
    if (from >= end) return [];
    const startByte = this.offsets.get(from);
    const endByte = end < this.tree.size ? this.offsets.get(end) : this.log.knownSize;
    const text = (await this.log.readBytes(startByte, endByte)).toString('utf8');
    return text
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l, i) => parseStored<PulseRecord>(l, `glyph_chain.jsonl record ${from + i}`));
  }

  async history(limit: number): Promise<PulseRecord[]> {
    const n = await this.size();
    return this.range(Math.max(0, n - limit), n);
  }

  async findByHashPrefix(prefix: string): Promise<number | null> {
    await this.log.refresh();
    if (!/^[0-9a-f]{1,64}$/.test(prefix)) return null;
    const whole = Buffer.from(prefix.slice(0, prefix.length - (prefix.length % 2)), 'hex');
    const nibble = prefix.length % 2 === 1 ? parseInt(prefix.slice(-1), 16) : -1;
    for (let i = 0; i < this.hashes.length; i++) {
      const h = this.hashes.get(i);
      if (h.compare(whole, 0, whole.length, 0, whole.length) !== 0) continue;
      if (nibble >= 0 && ((h[whole.length] as number) >> 4) !== nibble) continue;
      return i;
    }
    return null;
  }

  async root(size?: number): Promise<string> {
    await this.log.refresh();
    return this.guard(() => this.tree.root(size ?? this.tree.size).toString('hex'));
  }

  async leafHash(index: number): Promise<string> {
    await this.log.refresh();
    return this.guard(() => this.tree.leafHash(index).toString('hex'));
  }

  async inclusionProof(index: number, size?: number): Promise<string[]> {
    await this.log.refresh();
    return this.guard(() => this.tree.inclusionProof(index, size ?? this.tree.size).map((h) => h.toString('hex')));
  }

  async consistencyProof(from: number, to?: number): Promise<string[]> {
    await this.log.refresh();
    return this.guard(() => this.tree.consistencyProof(from, to ?? this.tree.size).map((h) => h.toString('hex')));
  }

  lines(): AsyncIterable<string> {
    return this.log.lines();
  }

  /** Waits for queued appends, then closes files. */
  async close(): Promise<void> {
    this.closed = true;
    await this.commits.drained();
    await this.log.close();
    await this.audit.close();
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof RangeError) throw new IssError('ISS_OUT_OF_RANGE', err.message);
      throw err;
    }
  }

  /** Indexes one complete line (from disk or just written). */
  private integrate(line: string, offset: number): void {
    this.offsets.push(offset);
    this.tree.appendLeafHash(hashLeaf(Buffer.from(line, 'utf8')));
    let parsed: Partial<PulseRecord> | null = null;
    try {
      parsed = JSON.parse(line) as Partial<PulseRecord>;
    } catch {
      parsed = null;
    }
    const hash = typeof parsed?.hash === 'string' && /^[0-9a-f]{64}$/.test(parsed.hash) ? parsed.hash : null;
    this.hashes.push(hash ? Buffer.from(hash, 'hex') : ZERO_HASH);
    if (hash && typeof parsed?.seq === 'number') {
      this.tip = { seq: parsed.seq, hash };
      this.tipBroken = false;
    } else {
      this.tipBroken = true;
    }
  }

  private async writeBatch(n: number): Promise<PulseRecord[]> {
    const pulses = await this.log.withWriteLock(async () => {
      if (this.regression && this.tree.size < this.regression.audited_size) {
        throw new IssError(
          'ISS_CHAIN_BROKEN',
          `glyph_chain.jsonl holds ${this.tree.size} pulses but forensic_audit.log acknowledged ${this.regression.audited_size}; refusing to append`,
        );
      }
      if (this.tipBroken) {
        throw new IssError('ISS_CHAIN_BROKEN', 'the last record of glyph_chain.jsonl is unreadable; refusing to extend a forged chain');
      }
      const made: PulseRecord[] = [];
      let tip = this.tip;
      for (let i = 0; i < n; i++) {
        const pulse = createPulse(tip, this.nodeId, Math.trunc(this.now()));
        made.push(pulse);
        tip = pulse;
      }
      await this.log.appendLines(made.map(toLine));
      return made;
    });
    const first = pulses[0] as PulseRecord;
    const last = pulses[pulses.length - 1] as PulseRecord;
    await this.audit.append({
      event: 'pulse.append',
      node_id: this.nodeId,
      first_seq: first.seq,
      last_seq: last.seq,
      count: pulses.length,
      last_hash: last.hash,
    });
    return pulses;
  }
}

const AUDIT_TAIL = 256 * 1024; // bytes of forensic_audit.log scanned for the last pulse.append

/** Chain size implied by the last `pulse.append` entry near the end of the audit log (0 if none). */
async function lastAuditedSize(auditPath: string): Promise<number> {
  const handle = await openFile(auditPath, 'r');
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - AUDIT_TAIL);
    const buf = Buffer.alloc(size - start);
    await handle.read(buf, 0, buf.length, start);
    const lines = buf.toString('utf8').split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] as string;
      if (!line.includes('"pulse.append"')) continue;
      try {
        const entry = JSON.parse(line) as { last_seq?: unknown };
        if (typeof entry.last_seq === 'number') return entry.last_seq + 1;
      } catch {
        // A partial first line of the scanned window; keep looking.
      }
    }
    return 0;
  } finally {
    await handle.close();
  }
}
