/**
 * One contract for both user-state stores: the embedded memory store and Redis (a real redis-server).
 * TTLs are checked exactly: with a fake clock for memory, with TTL/PTTL for Redis.
 */
import { hashIdentifier } from '@svc/kernel';
import { startRedis } from '@svc/kernel/testing';
import type { TestRedis } from '@svc/kernel/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryUserDataStore } from '../src/adapters/memory-user-data-store.js';
import { createRedisUserDataStore } from '../src/adapters/redis-user-data-store.js';
import type { UserDataStore } from '../src/adapters/user-data-store.js';
import { userKeys } from '../src/adapters/user-data-store.js';
import { BELIEFS_TTL_SECONDS, QUERIES_TTL_SECONDS } from '../src/routes/preferences/user-state-store.js';

const SECRET = 'contract-test-secret-0123456789';

interface Harness {
  store: UserDataStore;
  /** Milliseconds this entry has left, read from the backend itself (PTTL for Redis). */
  remainingMs(userId: string, key: string): Promise<number | undefined>;
  /** Every storage key the backend holds. */
  allKeys(): Promise<string[]>;
}

function contract(name: string, harness: () => Harness) {
  describe(`${name} user-state store`, () => {
    it('returns what was stored, per user, and undefined for what was not', async () => {
      const { store } = harness();
      await store.set('alice', 'preferences:beliefs', { weights: [0.25, 0.75], label: 'é' }, BELIEFS_TTL_SECONDS);
      await store.set('bob', 'preferences:beliefs', { weights: [1] }, BELIEFS_TTL_SECONDS);
      expect(await store.get('alice', 'preferences:beliefs')).toEqual({ weights: [0.25, 0.75], label: 'é' });
      expect(await store.get('bob', 'preferences:beliefs')).toEqual({ weights: [1] });
      expect(await store.get('alice', 'teaching:beliefs')).toBeUndefined();
      expect(await store.get('carol', 'preferences:beliefs')).toBeUndefined();
    });

    it('keeps beliefs 24 h and queries 7 days', async () => {
      const h = harness();
      await h.store.set('ttl-user', 'preferences:beliefs', { b: 1 }, BELIEFS_TTL_SECONDS);
      await h.store.set('ttl-user', 'preferences:query:q1', { q: 1 }, QUERIES_TTL_SECONDS);
      const beliefs = await h.remainingMs('ttl-user', 'preferences:beliefs');
      const query = await h.remainingMs('ttl-user', 'preferences:query:q1');
      expect(beliefs).toBeGreaterThan(86_400_000 - 1_000);
      expect(beliefs).toBeLessThanOrEqual(86_400_000);
      expect(query).toBeGreaterThan(604_800_000 - 1_000);
      expect(query).toBeLessThanOrEqual(604_800_000);
    });

    it('never puts the raw user id in a key', async () => {
      const h = harness();
      await h.store.set('user-with-a-recognisable-id', 'teaching:beliefs', { x: [1, 2] }, BELIEFS_TTL_SECONDS);
      const keys = await h.allKeys();
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.some((key) => key.includes('user-with-a-recognisable-id'))).toBe(false);
    });

    it("erases every entry of one user and nobody else's", async () => {
      const h = harness();
      await h.store.set('erase-me', 'preferences:beliefs', { b: 1 }, BELIEFS_TTL_SECONDS);
      await h.store.set('erase-me', 'preferences:query:a', { q: 1 }, QUERIES_TTL_SECONDS);
      await h.store.set('erase-me', 'preferences:query:b', { q: 2 }, QUERIES_TTL_SECONDS);
      await h.store.set('erase-me', 'teaching:beliefs', { t: [1] }, BELIEFS_TTL_SECONDS);
      await h.store.set('keep-me', 'preferences:beliefs', { b: 2 }, BELIEFS_TTL_SECONDS);
      expect(await h.store.deleteUser('erase-me')).toBe(4);
      for (const key of ['preferences:beliefs', 'preferences:query:a', 'preferences:query:b', 'teaching:beliefs']) {
        expect(await h.store.get('erase-me', key)).toBeUndefined();
      }
      expect(await h.store.get('keep-me', 'preferences:beliefs')).toEqual({ b: 2 });
      expect(await h.store.deleteUser('erase-me')).toBe(0);
      const pseudonym = hashIdentifier('erase-me', SECRET);
      expect((await h.allKeys()).filter((key) => key.includes(pseudonym))).toEqual([]);
    });

    it('overwrites a value and restarts its TTL', async () => {
      const h = harness();
      await h.store.set('over', 'preferences:query:q', { v: 1 }, BELIEFS_TTL_SECONDS);
      await h.store.set('over', 'preferences:query:q', { v: 2 }, QUERIES_TTL_SECONDS);
      expect(await h.store.get('over', 'preferences:query:q')).toEqual({ v: 2 });
      expect(await h.remainingMs('over', 'preferences:query:q')).toBeGreaterThan(BELIEFS_TTL_SECONDS * 1000);
    });
  });
}

let clock = 1_700_000_000_000;
const memory = createMemoryUserDataStore({ secretKey: SECRET, now: () => clock });
contract('memory', () => ({
  store: memory,
  remainingMs: (userId, key) => Promise.resolve(memory.remainingTtlMs(userId, key)),
  allKeys: () => Promise.resolve(memory.storageKeys()),
}));

describe('memory user-state store expiry', () => {
  it('serves an entry until the last millisecond of its TTL and not after', async () => {
    const store = createMemoryUserDataStore({ secretKey: SECRET, now: () => clock });
    await store.set('u', 'preferences:beliefs', { b: 1 }, BELIEFS_TTL_SECONDS);
    await store.set('u', 'preferences:query:q', { q: 1 }, QUERIES_TTL_SECONDS);
    expect(store.remainingTtlMs('u', 'preferences:beliefs')).toBe(86_400_000);
    clock += 86_400_000 - 1;
    expect(await store.get('u', 'preferences:beliefs')).toEqual({ b: 1 });
    clock += 1;
    expect(await store.get('u', 'preferences:beliefs')).toBeUndefined();
    expect(store.remainingTtlMs('u', 'preferences:query:q')).toBe(604_800_000 - 86_400_000);
    clock += 604_800_000 - 86_400_000;
    expect(await store.get('u', 'preferences:query:q')).toBeUndefined();
    expect(store.userCount()).toBe(0);
  });
});

describe('memory user-state store bound', () => {
  it('drops the user written least recently once maxUsers is exceeded', async () => {
    const store = createMemoryUserDataStore({ secretKey: SECRET, maxUsers: 2 });
    await store.set('first', 'preferences:beliefs', { n: 1 }, BELIEFS_TTL_SECONDS);
    await store.set('second', 'preferences:beliefs', { n: 2 }, BELIEFS_TTL_SECONDS);
    await store.set('first', 'teaching:beliefs', { n: 3 }, BELIEFS_TTL_SECONDS);
    await store.set('third', 'preferences:beliefs', { n: 4 }, BELIEFS_TTL_SECONDS);
    expect(await store.get('second', 'preferences:beliefs')).toBeUndefined();
    expect(await store.get('first', 'preferences:beliefs')).toEqual({ n: 1 });
    expect(await store.get('third', 'preferences:beliefs')).toEqual({ n: 4 });
    expect(store.userCount()).toBe(2);
  });
});

let redisServer: TestRedis;
let client: Redis;
let redisStore: UserDataStore;
beforeAll(async () => {
  redisServer = await startRedis();
  client = new Redis(redisServer.url);
  redisStore = createRedisUserDataStore({ redis: client, secretKey: SECRET });
});
afterAll(async () => {
  await client?.quit();
  await redisServer?.stop();
});

contract('redis', () => ({
  store: redisStore,
  remainingMs: async (userId, key) => {
    const ms = await client.pttl(userKeys.entry(hashIdentifier(userId, SECRET), key));
    return ms < 0 ? undefined : ms;
  },
  allKeys: () => client.keys('*'),
}));

describe('redis user-state store', () => {
  it('sets TTL to exactly 86400 s for beliefs and 604800 s for queries, and keeps the key index alive as long', async () => {
    await redisStore.set('exact', 'preferences:beliefs', { b: 1 }, BELIEFS_TTL_SECONDS);
    await redisStore.set('exact', 'preferences:query:q', { q: 1 }, QUERIES_TTL_SECONDS);
    const pseudonym = hashIdentifier('exact', SECRET);
    expect(await client.ttl(userKeys.entry(pseudonym, 'preferences:beliefs'))).toBe(86_400);
    expect(await client.ttl(userKeys.entry(pseudonym, 'preferences:query:q'))).toBe(604_800);
    expect(await client.ttl(userKeys.index(pseudonym))).toBe(604_800);
    expect((await client.smembers(userKeys.index(pseudonym))).sort()).toEqual([
      userKeys.entry(pseudonym, 'preferences:beliefs'),
      userKeys.entry(pseudonym, 'preferences:query:q'),
    ]);
  });

  it('erases keys under the user prefix that the index does not list', async () => {
    const pseudonym = hashIdentifier('stray', SECRET);
    await client.set(`${userKeys.prefix(pseudonym)}legacy`, 'x');
    await redisStore.set('stray', 'preferences:beliefs', { b: 1 }, BELIEFS_TTL_SECONDS);
    expect(await redisStore.deleteUser('stray')).toBe(2);
    expect(await client.keys(`${userKeys.prefix(pseudonym)}*`)).toEqual([]);
  });

  it('answers ISL_STORAGE_UNAVAILABLE (503) when Redis is unreachable', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on('error', () => undefined);
    const store = createRedisUserDataStore({ redis: dead, secretKey: SECRET });
    await expect(store.get('u', 'preferences:beliefs')).rejects.toMatchObject({ code: 'ISL_STORAGE_UNAVAILABLE', statusCode: 503 });
    dead.disconnect();
  });
});
