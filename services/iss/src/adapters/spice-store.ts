import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
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
  // Compact in-memory index: id → row; per row offset, length and seq in one Float64Array; glyph and
  // a-priori ref → row(s), a bare number for the common single hit. At 1M descriptors this is a few
  // hundred bytes per descriptor less than maps of small arrays of id strings.
  private readonly ids = new Map<string, number>();
  private readonly rowIds: string[] = [];
  private readonly rows = new RowColumns();
  private readonly glyphs = new Map<string, Rows>();
  private readonly apriori = new Map<string, Rows>();
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
      if (existing !== undefined) return { record: await this.readRecord(existing), created: false };
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
    const row = this.ids.get(id);
    return row === undefined ? null : this.readRecord(row);
  }

  async findByGlyph(glyph: string): Promise<DescriptorRecord[]> {
    await this.log.refresh();
    return this.readMany(this.glyphs.get(glyph));
  }

  async findByApriori(ref: string): Promise<DescriptorRecord[]> {
    await this.log.refresh();
    return this.readMany(this.apriori.get(ref));
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

  /**
   * Writes spice_index.json now (atomically: temp file + rename). The JSON is written in chunks
   * rather than built as one string: at 1M descriptors it is a few hundred MB.
   */
  async saveIndex(): Promise<void> {
    const logSize = this.log.knownSize;
    const tmp = `${this.indexPath}.${process.pid}.tmp`;
    const out = new ChunkedWriter(await open(tmp, 'w'));
    try {
      const head = {
        version: INDEX_VERSION,
        log_size: logSize,
        last_hash: this.tip?.hash ?? GENESIS_HASH,
        last_seq: this.tip?.seq ?? -1,
        last_line: this.lastLine,
      };
      // One member per line (still one JSON document), so loading can stream it: see readIndex.
      await out.write(`${JSON.stringify(head).slice(0, -1)},"ids":{\n`);
      for (let row = 0; row < this.rowIds.length; row++) {
        const [offset, len, seq] = this.rows.get(row);
        await out.write(`${row === 0 ? '' : ',\n'}${JSON.stringify(this.rowIds[row])}:[${offset},${len},${seq}]`);
      }
      for (const [name, map] of [['glyphs', this.glyphs], ['apriori', this.apriori]] as const) {
        await out.write(`\n},${JSON.stringify(name)}:{\n`);
        let first = true;
        for (const [key, rows] of map) {
          const ids = rowList(rows).map((row) => this.rowIds[row]);
          await out.write(`${first ? '' : ',\n'}${JSON.stringify(key)}:${JSON.stringify(ids)}`);
          first = false;
        }
      }
      await out.write('\n}}\n');
      await out.close();
    } catch (err) {
      await out.close().catch(() => undefined);
      throw err;
    }
    await rename(tmp, this.indexPath);
    this.savedSize = logSize;
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
    const items = readIndex(this.indexPath)[Symbol.asyncIterator]();
    let index: PersistedIndex;
    try {
      const first = await items.next();
      const head = first.done === true ? undefined : first.value[0];
      if (head === undefined || !('head' in head)) throw new Error('index has no head');
      index = head.head;
    } catch (err) {
      this.indexState = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'rebuilt: index missing' : 'rebuilt: index unreadable';
      return 0;
    }
    const stale = await this.staleReason(logPath, index);
    if (stale) {
      await items.return?.(undefined);
      this.indexState = `rebuilt: ${stale}`;
      await this.audit.append({ event: 'spice.index.rebuilt', reason: stale });
      return 0;
    }
    try {
      for (let batch = await items.next(); batch.done !== true; batch = await items.next()) {
        for (const item of batch.value) this.loadMember(item);
      }
    } catch {
      // A half-read index is useless: start over from the log.
      this.ids.clear();
      this.rowIds.length = 0;
      this.rows.clear();
      this.glyphs.clear();
      this.apriori.clear();
      this.indexState = 'rebuilt: index unreadable';
      return 0;
    }
    this.lastLine = index.last_line;
    this.tip = index.last_line ? { seq: index.last_seq, hash: index.last_hash } : null;
    this.savedSize = index.log_size;
    this.indexState = 'loaded';
    return index.log_size;
  }

  /** Adds one member of a loaded index; throws on a malformed one. */
  private loadMember(item: IndexItem): void {
    if ('head' in item) throw new Error('second index head');
    const { section, key, value } = item;
    if (section === 'ids') {
      if (!isTriple(value)) throw new Error(`bad index entry for ${key}`);
      this.addRow(key, value[0], value[1], value[2]);
      return;
    }
    if (!Array.isArray(value)) throw new Error(`bad index entry for ${key}`);
    const map = section === 'glyphs' ? this.glyphs : this.apriori;
    for (const id of value) {
      const row = typeof id === 'string' ? this.ids.get(id) : undefined;
      if (row !== undefined) addRowTo(map, key, row);
    }
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
    const row = this.addRow(rec.descriptor_id, offset, len, rec.seq);
    const d = rec.descriptor;
    for (const g of new Set([d.glyph_range_start, d.glyph_range_end])) addRowTo(this.glyphs, g, row);
    for (const r of new Set(Array.isArray(d.apriori_refs) ? d.apriori_refs : [])) addRowTo(this.apriori, r, row);
  }

  private addRow(id: string, offset: number, len: number, seq: number): number {
    const row = this.rowIds.length;
    this.rowIds.push(id);
    this.rows.push(offset, len, seq);
    this.ids.set(id, row);
    return row;
  }

  private async readRecord(row: number): Promise<DescriptorRecord> {
    const [offset, len] = this.rows.get(row);
    const line = (await this.log.readBytes(offset, offset + len)).toString('utf8');
    return parseStored<DescriptorRecord>(line, `spice_descriptors.jsonl at byte ${offset}`);
  }

  private async readMany(rows: Rows | undefined): Promise<DescriptorRecord[]> {
    const out: DescriptorRecord[] = [];
    for (const row of rows === undefined ? [] : rowList(rows)) out.push(await this.readRecord(row));
    return out;
  }
}

type IndexSection = 'ids' | 'glyphs' | 'apriori';
type IndexItem = { head: PersistedIndex } | { section: IndexSection; key: string; value: unknown };

const SECTION_LINES: Readonly<Record<string, IndexSection>> = { '},"glyphs":{': 'glyphs', '},"apriori":{': 'apriori' };

/**
 * Reads spice_index.json in batches: first its head alone (everything but the three maps), then the
 * members of `ids`, `glyphs` and `apriori` in that order. The one-member-per-line layout saveIndex
 * writes is streamed in 1 MiB chunks, so loading 1M descriptors never holds the whole file or its
 * parsed tree; any other layout (an index written on one line) is parsed whole. Throws when the
 * file is incomplete.
 */
async function* readIndex(path: string): AsyncGenerator<IndexItem[]> {
  const handle = await open(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.alloc(1 << 20);
    let rest = '';
    let section: IndexSection | null = null;
    let ended = false;
    for (let eof = false; !eof; ) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      eof = bytesRead === 0;
      const lines = (rest + (eof ? decoder.end() : decoder.write(chunk.subarray(0, bytesRead)))).split('\n');
      rest = eof ? '' : (lines.pop() ?? '');
      const batch: IndexItem[] = [];
      for (const line of lines) {
        if (section === null) {
          if (!line.endsWith(',"ids":{')) {
            yield* wholeIndex(JSON.parse(await readFile(path, 'utf8')) as PersistedIndex);
            return;
          }
          yield [{ head: JSON.parse(`${line}}}`) as PersistedIndex }];
          section = 'ids';
          continue;
        }
        if (line === '') continue;
        if (ended) throw new Error('data after the end of the index');
        if (line === '}}') {
          ended = true;
          continue;
        }
        const next = SECTION_LINES[line];
        if (next !== undefined) {
          section = next;
          continue;
        }
        const [key, value] = parseMember(line.endsWith(',') ? line.slice(0, -1) : line);
        batch.push({ section, key, value });
      }
      if (batch.length > 0) yield batch;
    }
    if (section === null) throw new Error('index is empty');
    if (!ended) throw new Error('index is incomplete');
  } finally {
    await handle.close();
  }
}

/**
 * Splits one `"key":value` member line. Key and value are parsed as JSON values rather than the
 * line as an object: JSON.parse internalizes object keys, which for a million ids costs more
 * than the rest of the load.
 */
function parseMember(line: string): [string, unknown] {
  let end = 1;
  for (;;) {
    end = line.indexOf('"', end);
    if (end < 0) throw new Error('index member has no key');
    let slashes = 0;
    while (line.charCodeAt(end - 1 - slashes) === 0x5c) slashes += 1;
    if (slashes % 2 === 0) break;
    end += 1;
  }
  if (line.charCodeAt(0) !== 0x22 || line.charCodeAt(end + 1) !== 0x3a) throw new Error('malformed index member');
  const key: unknown = JSON.parse(line.slice(0, end + 1));
  if (typeof key !== 'string') throw new Error('malformed index member');
  return [key, JSON.parse(line.slice(end + 2)) as unknown];
}

/** An index parsed whole (the layout of older versions), in readIndex's batches. */
function* wholeIndex(index: PersistedIndex): Generator<IndexItem[]> {
  yield [{ head: index }];
  for (const section of ['ids', 'glyphs', 'apriori'] as const) {
    yield Object.entries(index[section] as Record<string, unknown>).map(([key, value]) => ({ section, key, value }));
  }
}

function isTriple(value: unknown): value is [number, number, number] {
  return Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'number');
}

/** Rows of one glyph or a-priori ref, in log order: a bare number for the usual single hit. */
type Rows = number | number[];

function rowList(rows: Rows): readonly number[] {
  return typeof rows === 'number' ? [rows] : rows;
}

function addRowTo(map: Map<string, Rows>, key: string, row: number): void {
  const rows = map.get(key);
  if (rows === undefined) map.set(key, row);
  else if (typeof rows === 'number') map.set(key, [rows, row]);
  else rows.push(row);
}

/** Growable [offset, length, seq] triples in one Float64Array: 24 bytes per descriptor. */
class RowColumns {
  private data = new Float64Array(3 * 1024);
  private length = 0;

  push(offset: number, len: number, seq: number): void {
    if (this.length + 3 > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = offset;
    this.data[this.length++] = len;
    this.data[this.length++] = seq;
  }

  clear(): void {
    this.length = 0;
  }

  get(row: number): [number, number, number] {
    const i = row * 3;
    return [this.data[i] as number, this.data[i + 1] as number, this.data[i + 2] as number];
  }
}

/** Buffers small string writes into ~1 MiB file writes. */
class ChunkedWriter {
  private parts: string[] = [];
  private pending = 0;

  constructor(private readonly handle: FileHandle) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= 1 << 20) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }

  private async flush(): Promise<void> {
    if (this.pending === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    await this.handle.writeFile(chunk);
  }
}
