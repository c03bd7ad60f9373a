import type pg from 'pg';
import { GENESIS_HASH } from '../domain/hash-chain.js';

/** Advisory lock key that serializes schema creation between replicas starting together. */
const MIGRATION_LOCK = 0x155_0002;

/**
 * Tables for the PostgreSQL mode. Each chain has one row in iss_chain_head; appends lock that row
 * (SELECT … FOR UPDATE), so every replica in the cluster extends the same sequence. Records are
 * kept as their exact JSONL line, so an export is byte-identical to the file mode.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS iss_chain_head (
  chain text PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);
CREATE TABLE IF NOT EXISTS iss_pulses (
  seq bigint PRIMARY KEY,
  hash text NOT NULL,
  line text NOT NULL
);
CREATE INDEX IF NOT EXISTS iss_pulses_hash_prefix ON iss_pulses (hash text_pattern_ops);
CREATE TABLE IF NOT EXISTS iss_descriptors (
  seq bigint PRIMARY KEY,
  descriptor_id text NOT NULL UNIQUE,
  hash text NOT NULL,
  line text NOT NULL
);
CREATE TABLE IF NOT EXISTS iss_descriptor_glyphs (
  glyph text NOT NULL,
  descriptor_id text NOT NULL,
  PRIMARY KEY (glyph, descriptor_id)
);
CREATE TABLE IF NOT EXISTS iss_descriptor_apriori (
  ref text NOT NULL,
  descriptor_id text NOT NULL,
  PRIMARY KEY (ref, descriptor_id)
);
CREATE TABLE IF NOT EXISTS iss_audit (
  id bigserial PRIMARY KEY,
  log text NOT NULL,
  entry jsonb NOT NULL
);
INSERT INTO iss_chain_head (chain, seq, hash) VALUES
  ('pulses', -1, '${GENESIS_HASH}'),
  ('descriptors', -1, '${GENESIS_HASH}')
ON CONFLICT (chain) DO NOTHING;
`;

/** Creates the tables if needed (idempotent, safe when several replicas start at once). */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(SCHEMA_SQL);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

/** Runs `fn` in a transaction on one pooled client. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
