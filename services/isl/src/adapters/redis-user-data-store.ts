/**
 * User state in Redis: one key per entry with its TTL (beliefs 24 h, queries 7 days, set by the
 * routes), plus a per-user set listing the entries so that erasing a user is complete and cheap.
 * Both are written by one Lua script, so an entry never exists without being listed.
 */
import type { Redis } from 'ioredis';
import { IslError } from '../errors.js';
import type { UserDataStore } from './user-data-store.js';
import { userKeys, userPseudonym } from './user-data-store.js';

/** Past this many listed entries, a write also drops listed entries that have expired. */
const INDEX_PRUNE_THRESHOLD = 64;

// KEYS: entry, index. ARGV: json, ttl ms, prune threshold.
// The index lives at least as long as its longest-lived entry (PTTL is -1 for a fresh set).
const SET_SCRIPT = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], KEYS[1])
if redis.call('SCARD', KEYS[2]) > tonumber(ARGV[3]) then
  for _, member in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    if redis.call('EXISTS', member) == 0 then redis.call('SREM', KEYS[2], member) end
  end
end
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1
`;

// KEYS: index. Deletes every listed entry and the index; returns how many entries existed.
const DELETE_SCRIPT = `
local removed = 0
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  removed = removed + redis.call('DEL', member)
end
redis.call('DEL', KEYS[1])
return removed
`;

export interface RedisUserDataStoreOptions {
  readonly redis: Redis;
  /** Salt of the user pseudonyms (SECRET_KEY). */
  readonly secretKey: string;
}

function unavailable(error: unknown): IslError {
  const reason = error instanceof Error ? error.message : String(error);
  return new IslError('ISL_STORAGE_UNAVAILABLE', `user-state storage is unavailable: ${reason}`);
}

async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw unavailable(error);
  }
}

/** Creates the Redis store on a (fail-fast) client; the caller owns and closes the client. */
export function createRedisUserDataStore(options: RedisUserDataStoreOptions): UserDataStore {
  const { redis } = options;
  const pseudonymOf = (userId: string) => userPseudonym(userId, options.secretKey);

  return {
    backend: 'redis',
    async get(userId, key) {
      const text = await guarded(() => redis.get(userKeys.entry(pseudonymOf(userId), key)));
      return text === null ? undefined : (JSON.parse(text) as unknown);
    },
    async set(userId, key, value, ttlSeconds) {
      const pseudonym = pseudonymOf(userId);
      await guarded(() =>
        redis.eval(
          SET_SCRIPT,
          2,
          userKeys.entry(pseudonym, key),
          userKeys.index(pseudonym),
          JSON.stringify(value),
          String(ttlSeconds * 1000),
          String(INDEX_PRUNE_THRESHOLD),
        ),
      );
    },
    async deleteUser(userId) {
      const pseudonym = pseudonymOf(userId);
      return guarded(async () => {
        const listed = Number(await redis.eval(DELETE_SCRIPT, 1, userKeys.index(pseudonym)));
        // Belt and braces: anything under the user's prefix that the index missed (written by an
        // older layout, or a future key type) goes too. Erasure is rare, so a SCAN is affordable.
        let stray = 0;
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${userKeys.prefix(pseudonym)}*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) stray += await redis.del(...keys);
        } while (cursor !== '0');
        return listed + stray;
      });
    },
  };
}
