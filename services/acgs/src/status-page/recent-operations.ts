import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecentOperation } from './status-html.js';

/** The newest deploy and rollback reports in a report directory (missing directory: none). */
export async function readRecentOperations(directory: string, limit = 20): Promise<RecentOperation[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return [];
  }
  const files = names
    .filter((n) => /^(deployment|rollback)-.*\.json$/.test(n))
    .sort()
    .reverse()
    .slice(0, limit);
  const operations: RecentOperation[] = [];
  for (const file of files) {
    try {
      const report = JSON.parse(await readFile(join(directory, file), 'utf8')) as Record<string, unknown>;
      if (report['report_type'] === 'deployment') {
        operations.push({
          kind: 'deployment',
          id: String(report['deployment_id']),
          timestamp: String(report['timestamp']),
          status: String(report['deployment_status']),
          services: ((report['services'] as { name: string; status: string }[] | undefined) ?? [])
            .map((s) => `${s.name}:${s.status}`)
            .join(', '),
        });
      } else if (report['report_type'] === 'rollback') {
        operations.push({
          kind: 'rollback',
          id: String(report['rollback_id']),
          timestamp: String(report['timestamp']),
          status: `${String(report['mode'])} ${String(report['status'])}`,
          services: ((report['services'] as { name: string; action: string }[] | undefined) ?? [])
            .map((s) => `${s.name}:${s.action}`)
            .join(', '),
        });
      }
    } catch {
      // A report being written right now, or not ours: skip it.
    }
  }
  return operations;
}
