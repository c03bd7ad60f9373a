import pg from 'pg';
import { PostgresChainStore } from './postgres-chain-store.js';
import { migrate } from './postgres-schema.js';
import { PostgresSpiceStore } from './postgres-spice-store.js';

/** Both stores on one PostgreSQL pool (the DATABASE_URL mode). */
export interface PostgresStores {
  chain: PostgresChainStore;
  descriptors: PostgresSpiceStore;
  pool: pg.Pool;
  /** Waits for queued appends and ends the pool. */
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, creates the schema if needed and returns the chain and descriptor stores.
 * @example const { chain, descriptors, close } = await openPostgresStores({ url: process.env.DATABASE_URL, nodeId: 'A' });
 */
export async function openPostgresStores(options: {
  url: string;
  nodeId: string;
  now?: () => number;
  poolSize?: number;
}): Promise<PostgresStores> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 5 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  await migrate(pool);
  const chain = new PostgresChainStore(pool, options.nodeId, options.now);
  const descriptors = new PostgresSpiceStore(pool, options.now);
  await chain.refresh();
  return {
    chain,
    descriptors,
    pool,
    async close() {
      await chain.close();
      await descriptors.close();
      await pool.end();
    },
  };
}
