import pg from 'pg';
import type { TableStats } from '../domain/maintenance/index.js';

/** A short-lived PostgreSQL connection for maintenance. */
export async function connectPostgres(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
}

/** Live and dead tuple counts of every user table (`pg_stat_user_tables`). */
export async function readTableStats(client: pg.Client): Promise<TableStats[]> {
  const result = await client.query<{
    schemaname: string;
    relname: string;
    n_live_tup: string;
    n_dead_tup: string;
  }>(
    'SELECT schemaname, relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables ORDER BY schemaname, relname',
  );
  return result.rows.map((row) => ({
    schema: row.schemaname,
    table: row.relname,
    liveTuples: Number(row.n_live_tup),
    deadTuples: Number(row.n_dead_tup),
  }));
}

/** Runs statements one at a time (VACUUM refuses to run inside a transaction block). */
export async function runStatements(client: pg.Client, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await client.query(statement);
}
