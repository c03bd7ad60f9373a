import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from './index.js';

describe('startRedis', () => {
  let redis: TestRedis | undefined;
  afterAll(async () => redis?.stop());

  it('starts a real redis-server that answers commands', async () => {
    redis = await startRedis();
    const client = new Redis(redis.url);
    await client.set('kernel:testing', 'ok');
    expect(await client.get('kernel:testing')).toBe('ok');
    client.disconnect();
  });
});

describe('startPostgres', () => {
  let db: TestPostgres | undefined;
  afterAll(async () => db?.stop());

  it('starts a real PostgreSQL that runs SQL', async () => {
    db = await startPostgres();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const result = await client.query<{ sum: number }>('SELECT 20 + 22 AS sum');
    expect(result.rows[0]?.sum).toBe(42);
    await client.end();
  });
});
