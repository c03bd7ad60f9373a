import type pg from 'pg';
import { IssError } from '../errors.js';
import { toLine } from '../domain/hash-chain.js';
import { MerkleTree, hashLeaf } from '../domain/merkle-tree.js';
import { createPulse, type PulseRecord } from '../domain/pulse-record.js';
import type { ChainStore } from '../domain/storage-ports.js';
import { AsyncMutex } from './async-mutex.js';
import { GroupCommit } from './group-commit.js';
import { inTransaction } from './postgres-schema.js';

const PAGE = 10_000;

/**
 * The pulse chain in PostgreSQL, shared by every replica of the cluster. A batch of queued appends
 * (group commit) is one transaction that locks the chain's head row, so seq numbers form one
 * sequence across machines; the commit is the durability point. Each replica keeps the Merkle
 * tree in memory, catching up by seq from the table before answering.
 */
export class PostgresChainStore implements ChainStore {
  private readonly tree = new MerkleTree();
  private readonly mutex = new AsyncMutex();
  private readonly commits: GroupCommit<PulseRecord>;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly nodeId: string,
    private readonly now: () => number = Date.now,
    private readonly maxBatch = 1000,
  ) {
    this.commits = new GroupCommit((count) => this.writeBatch(count), this.maxBatch);
  }

  appendPulse(): Promise<PulseRecord> {
    if (this.closed) return Promise.reject(new IssError('ISS_STORE_CLOSED'));
    return this.commits.submit();
  }

  async size(): Promise<number> {
    await this.refresh();
    return this.tree.size;
  }

  async range(from: number, to: number): Promise<PulseRecord[]> {
    const { rows } = await this.pool.query<{ line: string }>(
      'SELECT line FROM iss_pulses WHERE seq >= $1 AND seq < $2 ORDER BY seq',
      [from, to],
    );
    return rows.map((r) => JSON.parse(r.line) as PulseRecord);
  }

  async history(limit: number): Promise<PulseRecord[]> {
    const n = await this.size();
    return this.range(Math.max(0, n - limit), n);
  }

  async findByHashPrefix(prefix: string): Promise<number | null> {
    if (!/^[0-9a-f]{1,64}$/.test(prefix)) return null;
    const { rows } = await this.pool.query<{ seq: string }>(
      "SELECT seq FROM iss_pulses WHERE hash LIKE $1 || '%' ORDER BY seq LIMIT 1",
      [prefix],
    );
    return rows[0] ? Number(rows[0].seq) : null;
  }

  async root(size?: number): Promise<string> {
    await this.refresh();
    return this.guard(() => this.tree.root(size ?? this.tree.size).toString('hex'));
  }

  async leafHash(index: number): Promise<string> {
    await this.refresh();
    return this.guard(() => this.tree.leafHash(index).toString('hex'));
  }

  async inclusionProof(index: number, size?: number): Promise<string[]> {
    await this.refresh();
    return this.guard(() => this.tree.inclusionProof(index, size ?? this.tree.size).map((h) => h.toString('hex')));
  }

  async consistencyProof(from: number, to?: number): Promise<string[]> {
    await this.refresh();
    return this.guard(() => this.tree.consistencyProof(from, to ?? this.tree.size).map((h) => h.toString('hex')));
  }

  /** Pages through the table by seq: constant memory for any chain length. */
  async *lines(): AsyncIterable<string> {
    let next = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ line: string }>(
        'SELECT line FROM iss_pulses WHERE seq >= $1 ORDER BY seq LIMIT $2',
        [next, PAGE],
      );
      for (const r of rows) yield r.line;
      if (rows.length < PAGE) return;
      next += rows.length;
    }
  }

  /** Waits for queued appends. The pool belongs to the caller. */
  async close(): Promise<void> {
    this.closed = true;
    await this.commits.drained();
  }

  /** Integrates rows other replicas committed since the last look. */
  refresh(): Promise<void> {
    return this.mutex.run(async () => {
      for (;;) {
        const { rows } = await this.pool.query<{ line: string }>(
          'SELECT line FROM iss_pulses WHERE seq >= $1 ORDER BY seq LIMIT $2',
          [this.tree.size, PAGE],
        );
        for (const r of rows) this.tree.appendLeafHash(hashLeaf(Buffer.from(r.line, 'utf8')));
        if (rows.length < PAGE) return;
      }
    });
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof RangeError) throw new IssError('ISS_OUT_OF_RANGE', err.message);
      throw err;
    }
  }

  private writeBatch(n: number): Promise<PulseRecord[]> {
    return inTransaction(this.pool, async (client) => {
      const head = await client.query<{ seq: string; hash: string }>(
        "SELECT seq, hash FROM iss_chain_head WHERE chain = 'pulses' FOR UPDATE",
      );
      const row = head.rows[0];
      if (!row) throw new IssError('ISS_STORAGE', 'iss_chain_head has no pulses row');
      let tip = Number(row.seq) >= 0 ? { seq: Number(row.seq), hash: row.hash } : null;
      const pulses: PulseRecord[] = [];
      for (let i = 0; i < n; i++) {
        const p = createPulse(tip, this.nodeId, Math.trunc(this.now()));
        pulses.push(p);
        tip = p;
      }
      await client.query(
        'INSERT INTO iss_pulses (seq, hash, line) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])',
        [pulses.map((p) => p.seq), pulses.map((p) => p.hash), pulses.map(toLine)],
      );
      const last = pulses[pulses.length - 1] as PulseRecord;
      await client.query("UPDATE iss_chain_head SET seq = $1, hash = $2 WHERE chain = 'pulses'", [last.seq, last.hash]);
      await client.query("INSERT INTO iss_audit (log, entry) VALUES ('forensic_audit', $1)", [
        JSON.stringify({
          ts: new Date(this.now()).toISOString(),
          event: 'pulse.append',
          node_id: this.nodeId,
          first_seq: (pulses[0] as PulseRecord).seq,
          last_seq: last.seq,
          count: pulses.length,
          last_hash: last.hash,
        }),
      ]);
      return pulses;
    });
  }
}
