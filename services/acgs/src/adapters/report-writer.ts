import { join, resolve } from 'node:path';
import { serializeReport } from '../domain/report/index.js';
import { writeFileAtomic } from './atomic-file.js';

/**
 * Writes a report as JSON (never throws on odd values: serializeReport converts them) to
 * `<directory>/<kind>-<timestamp>.json` and returns the path.
 */
export async function writeReport(
  directory: string,
  kind: string,
  at: number,
  report: unknown,
): Promise<string> {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const path = resolve(join(directory, `${kind}-${stamp}.json`));
  await writeFileAtomic(path, serializeReport(report));
  return path;
}
