import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENESIS_HASH, toLine } from '../domain/hash-chain.js';
import { createDescriptorRecord, descriptorId, type DescriptorRecord, type SpiceDescriptor } from '../domain/spice-descriptor.js';
import type { DescriptorStore, PutDescriptorResult } from '../domain/storage-ports.js';
import { AuditLog } from './audit-log.js';
import { JsonlLog } from './jsonl-log.js';
import { parseStored } from './stored-line.js';

/** Options for {@link FileSpiceStore.open}. */
export interface FileSpiceStoreOptions {
  /** SPICE_STORAGE_PATH: spice_descriptors.jsonl, spice_index.json, constitutional_binding.jsonl. */
  dir: string;
  /** STORAGE_PATH: where forensic_audit.log lives. */
  forensicDir: string;
  now?: () => number;
  /** Persist spice_index.json this long after the last write (ms). */
  indexSaveDelayMs?: number;
}

/** The persisted, derived index. `log_size` + `last_line` tie it to one state of the log. */
interface PersistedIndex {
  version: 1;
  log_size: number;
  last_hash: string;
  last_seq: number;
  /** [offset, length] of the last indexed line, to check the log still has it. */
  last_line: [number, number] | null;
  /** id → [offset, length, seq] */
  ids: Record<string, [number, number, number]>;
  glyphs: Record<string, string[]>;
  apriori: Record<string, string[]>;
}

const INDEX_VERSION = 1;

/**
 * SPICE descriptors in files: spice_descriptors.jsonl is the hash-chained source of truth;
 * spice_index.json is derived (id → line offset, glyph → ids, a-priori ref → ids). The index is
 * trusted only if the line it says was last still sits at the same offset with the same hash;
 * otherwise (missing, corrupt, or the log was rewritten) it is rebuilt by streaming the log. A
 * stale-but-valid index (other processes appended since) is caught up from where it stops. Every
 * lookup first catches up with appends from other processes, so replicas never lose index updates.
 * Writes follow the same flock discipline as the pulse chain.
 */
export class FileSpiceStore implements DescriptorStore {
  private readonly ids = new Map<string, [number, number, number]>();
  private readonly glyphs = new Map<string, string[]>();
  private readonly apriori = new Map<string, string[]>();
  private tip: { seq: number; hash: string } | null = null;
  private lastLine: [number, number] | null = null;
  private log!: JsonlLog;
  private saveTimer: NodeJS.Timeout | null = null;
  private savedSize = -1;
  /** How the index was obtained at open: 'loaded', 'caught_up', 'rebuilt: <reason>'. */
  indexState = '';

  private constructor(
    private readonly dir: string,
    private readonly now: () => number,
    private readonly binding: AuditLog,
    private readonly audit: AuditLog,
    private readonly saveDelayMs: number,
  ) {}

  static async open(options: FileSpiceStoreOptions): Promise<FileSpiceStore> {
    await mkdir(options.dir, { recursive: true });
    await mkdir(options.forensicDir, { recursive: true });
    const now = options.now ?? Date.now;
    const store = new FileSpiceStore(
      options.dir,
      now,
      await AuditLog.open(join(options.dir, 'constitutional_binding.jsonl'), now),
      await AuditLog.open(join(options.forensicDir, 'forensic_audit.log'), now),
      options.indexSaveDelayMs ?? 1000,
    );
    const logPath = join(options.dir, 'spice_descriptors.jsonl');
    const startAt = await store.loadIndex(logPath);
    store.log = await JsonlLog.open(logPath, store.audit, (line, offset, len) => store.integrate(line, offset, len), startAt);
    if (store.log.knownSize !== store.savedSize) {
      if (startAt > 0) store.indexState = 'caught_up';
      await store.saveIndex();
    }
    return store;
  }

  /** Path of spice_index.json. */
  get indexPath(): string {
    return join(this.dir, 'spice_index.json');
  }

  async put(descriptor: SpiceDescriptor): Promise<PutDescriptorResult> {
    const id = descriptorId(descriptor);
    const result = await this.log.withWriteLock(async () => {
      const existing = this.ids.get(id);
      if (existing) return { record: await this.readRecord(existing), created: false };
      const record = createDescriptorRecord(this.tip, descriptor, new Date(this.now()).toISOString(), GENESIS_HASH);
      await this.log.appendLines([toLine(record)]);
      return { record, created: true };
    });
    if (result.created) {
      const { record } = result;
      const entry = { descriptor_id: record.descriptor_id, seq: record.seq, hash: record.hash };
      await this.binding.append({ event: 'spice.descriptor.created', article: 'VII', ...entry, advisory_only: true });
      await this.audit.append({ event: 'spice.descriptor.created', ...entry });
      this.scheduleSave();
    }
    return result;
  }

  async get(id: string): Promise<DescriptorRecord | null> {
    await this.log.refresh();
    const at = this.ids.get(id);
    return at ? this.readRecord(at) : null;
  }

  async findByGlyph(glyph: string): Promise<DescriptorRecord[]> {
    await this.log.refresh();
    return this.readMany(this.glyphs.get(glyph) ?? []);
  }

  async findByApriori(ref: string): Promise<DescriptorRecord[]> {
    await this.log.refresh();
    return this.readMany(this.apriori.get(ref) ?? []);
  }

  async count(): Promise<number> {
    await this.log.refresh();
    return this.ids.size;
  }

  async *records(): AsyncIterable<DescriptorRecord> {
    for await (const line of this.log.lines()) yield JSON.parse(line) as DescriptorRecord;
  }

  lines(): AsyncIterable<string> {
    return this.log.lines();
  }

  /** Writes spice_index.json now (atomically: temp file + rename). */
  async saveIndex(): Promise<void> {
    const index: PersistedIndex = {
      version: INDEX_VERSION,
      log_size: this.log.knownSize,
      last_hash: this.tip?.hash ?? GENESIS_HASH,
      last_seq: this.tip?.seq ?? -1,
      last_line: this.lastLine,
      ids: Object.fromEntries(this.ids),
      glyphs: Object.fromEntries(this.glyphs),
      apriori: Object.fromEntries(this.apriori),
    };
    const tmp = `${this.indexPath}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(index));
    await rename(tmp, this.indexPath);
    this.savedSize = index.log_size;
  }

  async close(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.log.knownSize !== this.savedSize) await this.saveIndex();
    await this.log.close();
    await this.binding.close();
    await this.audit.close();
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveIndex().catch(() => {
        // The index is derived data: a failed save only means the next open catches up or rebuilds.
      });
    }, this.saveDelayMs);
    this.saveTimer.unref();
  }

  /** Loads spice_index.json if it still describes a prefix of the log; returns where to resume. */
  private async loadIndex(logPath: string): Promise<number> {
    let index: PersistedIndex;
    try {
      index = JSON.parse(await readFile(this.indexPath, 'utf8')) as PersistedIndex;
    } catch (err) {
      this.indexState = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'rebuilt: index missing' : 'rebuilt: index unreadable';
      return 0;
    }
    const stale = await this.staleReason(logPath, index);
    if (stale) {
      this.indexState = `rebuilt: ${stale}`;
      await this.audit.append({ event: 'spice.index.rebuilt', reason: stale });
      return 0;
    }
    for (const [id, at] of Object.entries(index.ids)) this.ids.set(id, at);
    for (const [g, list] of Object.entries(index.glyphs)) this.glyphs.set(g, list);
    for (const [r, list] of Object.entries(index.apriori)) this.apriori.set(r, list);
    this.lastLine = index.last_line;
    this.tip = index.last_line ? { seq: index.last_seq, hash: index.last_hash } : null;
    this.savedSize = index.log_size;
    this.indexState = 'loaded';
    return index.log_size;
  }

  private async staleReason(logPath: string, index: PersistedIndex): Promise<string | null> {
    if (index.version !== INDEX_VERSION || typeof index.log_size !== 'number' || typeof index.last_seq !== 'number') {
      return 'unknown index version';
    }
    let handle;
    try {
      handle = await open(logPath, 'r');
    } catch {
      return index.log_size === 0 ? null : 'log missing';
    }
    try {
      const { size } = await handle.stat();
      if (size < index.log_size) return `log is ${size} bytes, index covers ${index.log_size}`;
      if (!index.last_line) return index.log_size === 0 ? null : 'index has no last line';
      const [offset, len] = index.last_line;
      if (offset + len + 1 !== index.log_size) return 'index last line does not end at its log size';
      const buf = Buffer.alloc(len + 1);
      await handle.read(buf, 0, len + 1, offset);
      if (buf[len] !== 0x0a) return 'log changed under the index';
      const rec = JSON.parse(buf.toString('utf8', 0, len)) as Partial<DescriptorRecord>;
      if (rec.hash !== index.last_hash) return 'last hash differs: log was rewritten';
      return null;
    } catch {
      return 'log changed under the index';
    } finally {
      await handle.close();
    }
  }

  private integrate(line: string, offset: number, len: number): void {
    let rec: DescriptorRecord;
    try {
      rec = JSON.parse(line) as DescriptorRecord;
    } catch {
      return; // A forged line stays out of the index; the verifier reports it.
    }
    if (typeof rec.descriptor_id !== 'string' || typeof rec.descriptor !== 'object' || rec.descriptor === null) return;
    this.lastLine = [offset, len];
    this.tip = { seq: rec.seq, hash: rec.hash };
    if (this.ids.has(rec.descriptor_id)) return;
    this.ids.set(rec.descriptor_id, [offset, len, rec.seq]);
    const d = rec.descriptor;
    for (const g of new Set([d.glyph_range_start, d.glyph_range_end])) push(this.glyphs, g, rec.descriptor_id);
    for (const r of new Set(Array.isArray(d.apriori_refs) ? d.apriori_refs : [])) push(this.apriori, r, rec.descriptor_id);
  }

  private async readRecord([offset, len]: [number, number, number]): Promise<DescriptorRecord> {
    const line = (await this.log.readBytes(offset, offset + len)).toString('utf8');
    return parseStored<DescriptorRecord>(line, `spice_descriptors.jsonl at byte ${offset}`);
  }

  private async readMany(ids: readonly string[]): Promise<DescriptorRecord[]> {
    const out: DescriptorRecord[] = [];
    for (const id of ids) {
      const at = this.ids.get(id);
      if (at) out.push(await this.readRecord(at));
    }
    return out;
  }
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
