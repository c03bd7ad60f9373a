import type pg from 'pg';
import { GENESIS_HASH, toLine } from '../domain/hash-chain.js';
import { createDescriptorRecord, descriptorId, type DescriptorRecord, type SpiceDescriptor } from '../domain/spice-descriptor.js';
import type { DescriptorStore, PutDescriptorResult } from '../domain/storage-ports.js';
import { IssError } from '../errors.js';
import { inTransaction } from './postgres-schema.js';

const PAGE = 5_000;

/**
 * SPICE descriptors in PostgreSQL: the hash-chained log (iss_descriptors, one sequence for the
 * cluster through the 'descriptors' head row) and its indexes (primary key on id, glyph and
 * a-priori ref tables), all written in one transaction with the audit entries.
 */
export class PostgresSpiceStore implements DescriptorStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number = Date.now,
  ) {}

  put(descriptor: SpiceDescriptor): Promise<PutDescriptorResult> {
    const id = descriptorId(descriptor);
    return inTransaction(this.pool, async (client) => {
      const head = await client.query<{ seq: string; hash: string }>(
        "SELECT seq, hash FROM iss_chain_head WHERE chain = 'descriptors' FOR UPDATE",
      );
      const row = head.rows[0];
      if (!row) throw new IssError('ISS_STORAGE', 'iss_chain_head has no descriptors row');
      const existing = await client.query<{ line: string }>('SELECT line FROM iss_descriptors WHERE descriptor_id = $1', [id]);
      if (existing.rows[0]) return { record: JSON.parse(existing.rows[0].line) as DescriptorRecord, created: false };
      const tip = Number(row.seq) >= 0 ? { seq: Number(row.seq), hash: row.hash } : null;
      const ts = new Date(this.now()).toISOString();
      const record = createDescriptorRecord(tip, descriptor, ts, GENESIS_HASH);
      await client.query('INSERT INTO iss_descriptors (seq, descriptor_id, hash, line) VALUES ($1, $2, $3, $4)', [
        record.seq,
        id,
        record.hash,
        toLine(record),
      ]);
      await client.query(
        'INSERT INTO iss_descriptor_glyphs (glyph, descriptor_id) SELECT DISTINCT g, $2 FROM unnest($1::text[]) AS g',
        [[descriptor.glyph_range_start, descriptor.glyph_range_end], id],
      );
      await client.query(
        'INSERT INTO iss_descriptor_apriori (ref, descriptor_id) SELECT DISTINCT r, $2 FROM unnest($1::text[]) AS r',
        [descriptor.apriori_refs, id],
      );
      await client.query("UPDATE iss_chain_head SET seq = $1, hash = $2 WHERE chain = 'descriptors'", [record.seq, record.hash]);
      const entry = { ts, event: 'spice.descriptor.created', descriptor_id: id, seq: record.seq, hash: record.hash };
      await client.query(
        "INSERT INTO iss_audit (log, entry) VALUES ('constitutional_binding', $1), ('forensic_audit', $2)",
        [JSON.stringify({ ...entry, article: 'VII', advisory_only: true }), JSON.stringify(entry)],
      );
      return { record, created: true };
    });
  }

  async get(id: string): Promise<DescriptorRecord | null> {
    const { rows } = await this.pool.query<{ line: string }>('SELECT line FROM iss_descriptors WHERE descriptor_id = $1', [id]);
    return rows[0] ? (JSON.parse(rows[0].line) as DescriptorRecord) : null;
  }

  async findByGlyph(glyph: string): Promise<DescriptorRecord[]> {
    const { rows } = await this.pool.query<{ line: string }>(
      `SELECT d.line FROM iss_descriptor_glyphs g JOIN iss_descriptors d USING (descriptor_id)
       WHERE g.glyph = $1 ORDER BY d.seq`,
      [glyph],
    );
    return rows.map((r) => JSON.parse(r.line) as DescriptorRecord);
  }

  async findByApriori(ref: string): Promise<DescriptorRecord[]> {
    const { rows } = await this.pool.query<{ line: string }>(
      `SELECT d.line FROM iss_descriptor_apriori a JOIN iss_descriptors d USING (descriptor_id)
       WHERE a.ref = $1 ORDER BY d.seq`,
      [ref],
    );
    return rows.map((r) => JSON.parse(r.line) as DescriptorRecord);
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM iss_descriptors');
    return Number(rows[0]?.n ?? 0);
  }

  async *records(): AsyncIterable<DescriptorRecord> {
    for await (const line of this.lines()) yield JSON.parse(line) as DescriptorRecord;
  }

  async *lines(): AsyncIterable<string> {
    let next = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ line: string }>(
        'SELECT line FROM iss_descriptors WHERE seq >= $1 ORDER BY seq LIMIT $2',
        [next, PAGE],
      );
      for (const r of rows) yield r.line;
      if (rows.length < PAGE) return;
      next += rows.length;
    }
  }

  /** The pool belongs to the caller. */
  async close(): Promise<void> {}
}
