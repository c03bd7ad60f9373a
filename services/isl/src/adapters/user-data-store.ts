/**
 * Where per-user state (preference posteriors, elicitation queries, teaching beliefs) lives, and how
 * its keys are laid out. Keys carry a salted pseudonym of the user id (hashIdentifier with SECRET_KEY),
 * never the id itself.
 */
import { hashIdentifier } from '@svc/kernel';
import type { UserStateStore } from '../routes/preferences/user-state-store.js';

/** A user-state store that can also erase everything it holds about one user. */
export interface UserDataStore extends UserStateStore {
  readonly backend: 'redis' | 'memory';
  /** Erases every entry stored for this user; resolves to how many entries existed. */
  deleteUser(userId: string): Promise<number>;
}

/** The user id as it appears in storage keys and logs. */
export function userPseudonym(userId: string, secretKey: string): string {
  return hashIdentifier(userId, secretKey);
}

/**
 * Redis keys of one user: `isl:user:{pseudonym}:state:<key>` for entries and `isl:user:{pseudonym}:keys`
 * for the set listing them. The braces are a Redis Cluster hash tag: one user's keys share a slot, so
 * the scripts that touch several of them stay valid on a cluster.
 */
export const userKeys = {
  prefix: (pseudonym: string) => `isl:user:{${pseudonym}}:`,
  entry: (pseudonym: string, key: string) => `isl:user:{${pseudonym}}:state:${key}`,
  index: (pseudonym: string) => `isl:user:{${pseudonym}}:keys`,
} as const;
