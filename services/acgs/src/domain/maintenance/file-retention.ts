/** A file found in a log or temp directory. */
export interface FileEntry {
  readonly path: string;
  /** Last modification, epoch ms. */
  readonly mtimeMs: number;
}

export type FileAction = {
  readonly path: string;
  readonly action: 'delete' | 'compress';
  readonly ageDays: number;
};

const DAY_MS = 86_400_000;

/**
 * Log rotation by `retention_days`: logs older than the retention are deleted; with `compression`, logs
 * not written for a day (no longer the active file) and not yet gzipped are compressed. Files are judged
 * by age only — a fresh `*.log` is the one a service is writing and is never touched.
 */
export function planLogRotation(
  files: readonly FileEntry[],
  now: number,
  retentionDays: number,
  compression: boolean,
): FileAction[] {
  const actions: FileAction[] = [];
  for (const file of files) {
    const ageDays = (now - file.mtimeMs) / DAY_MS;
    if (ageDays > retentionDays) actions.push({ path: file.path, action: 'delete', ageDays });
    else if (compression && ageDays >= 1 && !file.path.endsWith('.gz'))
      actions.push({ path: file.path, action: 'compress', ageDays });
  }
  return actions.sort((a, b) => a.path.localeCompare(b.path));
}

/** Temp cleanup by `retention_days`: every temp file older than the retention is deleted. */
export function planTempCleanup(
  files: readonly FileEntry[],
  now: number,
  retentionDays: number,
): FileAction[] {
  return files
    .map((file) => ({ path: file.path, action: 'delete' as const, ageDays: (now - file.mtimeMs) / DAY_MS }))
    .filter((entry) => entry.ageDays > retentionDays)
    .sort((a, b) => a.path.localeCompare(b.path));
}
