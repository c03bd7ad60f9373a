/** A backup found in the backup directory. */
export interface BackupEntry {
  readonly name: string;
  readonly createdAt: number;
}

/**
 * Backup retention: delete backups older than `retention_days`, but always keep the newest
 * `min_backups_kept` however old they are (a system that stopped backing up must not lose its last ones).
 */
export function planBackupRetention(
  backups: readonly BackupEntry[],
  now: number,
  retentionDays: number,
  minKept: number,
): { keep: string[]; delete: string[] } {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name));
  const keep: string[] = [];
  const remove: string[] = [];
  newestFirst.forEach((backup, index) => {
    const expired = now - backup.createdAt > retentionDays * 86_400_000;
    (index < minKept || !expired ? keep : remove).push(backup.name);
  });
  return { keep, delete: remove };
}

/** A sortable, filesystem-safe backup name for a moment: `acgs-backup-20261123T040000Z.sql.gz`. */
export function backupName(at: number, extension = 'sql.gz'): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `acgs-backup-${stamp}.${extension}`;
}
