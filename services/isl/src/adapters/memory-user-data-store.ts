/**
 * The embedded user-state store: process memory with the same TTLs as Redis, used when no Redis is
 * configured. State is lost on restart, not shared between WORKERS processes, and bounded in users.
 */
import type { UserDataStore } from './user-data-store.js';
import { userPseudonym } from './user-data-store.js';

interface Entry {
  readonly json: string;
  readonly expiresAt: number;
}

export interface MemoryUserDataStoreOptions {
  /** Salt of the user pseudonyms (SECRET_KEY). */
  readonly secretKey: string;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  readonly now?: () => number;
  /** Users kept at most; past it the user written least recently is dropped (default 100 000). */
  readonly maxUsers?: number;
}

/** Bounds memory against floods of made-up user ids; Redis is the store for real volumes. */
const DEFAULT_MAX_USERS = 100_000;

/** How often (ms) a write also sweeps every user's expired entries, so idle users do not pile up. */
const SWEEP_INTERVAL_MS = 60_000;

export interface MemoryUserDataStore extends UserDataStore {
  /** Milliseconds until this entry expires, or undefined when absent (what PTTL is for Redis). */
  remainingTtlMs(userId: string, key: string): number | undefined;
  /** Users with at least one live entry. */
  userCount(): number;
  /** What the store is keyed by (`<pseudonym>/<key>` per live entry), for audits and tests. */
  storageKeys(): string[];
}

/** Creates the in-memory store. Values are kept as JSON so callers never share mutable objects. */
export function createMemoryUserDataStore(options: MemoryUserDataStoreOptions): MemoryUserDataStore {
  const now = options.now ?? Date.now;
  const maxUsers = options.maxUsers ?? DEFAULT_MAX_USERS;
  const users = new Map<string, Map<string, Entry>>();
  let lastSweep = now();

  const live = (pseudonym: string): Map<string, Entry> | undefined => {
    const entries = users.get(pseudonym);
    if (!entries) return undefined;
    const t = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= t) entries.delete(key);
    if (entries.size === 0) {
      users.delete(pseudonym);
      return undefined;
    }
    return entries;
  };
  const sweep = () => {
    const t = now();
    if (t - lastSweep < SWEEP_INTERVAL_MS) return;
    lastSweep = t;
    for (const pseudonym of [...users.keys()]) live(pseudonym);
  };
  const pseudonymOf = (userId: string) => userPseudonym(userId, options.secretKey);

  return {
    backend: 'memory',
    get(userId, key) {
      const entry = live(pseudonymOf(userId))?.get(key);
      return Promise.resolve(entry === undefined ? undefined : (JSON.parse(entry.json) as unknown));
    },
    set(userId, key, value, ttlSeconds) {
      sweep();
      const pseudonym = pseudonymOf(userId);
      const entries = live(pseudonym) ?? new Map<string, Entry>();
      entries.set(key, { json: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
      // Re-inserting keeps the Map in write order, so the first key is the least recently written user.
      users.delete(pseudonym);
      users.set(pseudonym, entries);
      if (users.size > maxUsers) users.delete(users.keys().next().value!);
      return Promise.resolve();
    },
    deleteUser(userId) {
      const pseudonym = pseudonymOf(userId);
      const count = live(pseudonym)?.size ?? 0;
      users.delete(pseudonym);
      return Promise.resolve(count);
    },
    remainingTtlMs(userId, key) {
      const entry = live(pseudonymOf(userId))?.get(key);
      return entry === undefined ? undefined : entry.expiresAt - now();
    },
    userCount() {
      for (const pseudonym of [...users.keys()]) live(pseudonym);
      return users.size;
    },
    storageKeys() {
      return [...users.keys()].flatMap((pseudonym) => [...(live(pseudonym)?.keys() ?? [])].map((key) => `${pseudonym}/${key}`));
    },
  };
}
