import { IssError } from '../errors.js';

/**
 * Parses a stored JSONL line. A line that no longer parses was altered on disk: that is a broken
 * chain (409 ISS_CHAIN_BROKEN, which /audit/verify/integrity then explains), not a server bug.
 */
export function parseStored<T>(line: string, where: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new IssError('ISS_CHAIN_BROKEN', `${where} is not valid JSON: the file was altered`);
  }
}
