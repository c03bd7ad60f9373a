import { describe, expect, it } from 'vitest';
import { backupName, planBackupRetention } from './backup-retention.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);

describe('planBackupRetention', () => {
  it('deletes backups older than retention but keeps the newest min_backups_kept', () => {
    const backups = [1, 2, 5, 8, 9, 20].map((age) => ({ name: `b${age}`, createdAt: NOW - age * DAY }));
    expect(planBackupRetention(backups, NOW, 7, 3)).toEqual({
      keep: ['b1', 'b2', 'b5'],
      delete: ['b8', 'b9', 'b20'],
    });
    const stale = [10, 20, 30, 40].map((age) => ({ name: `s${age}`, createdAt: NOW - age * DAY }));
    expect(planBackupRetention(stale, NOW, 7, 3)).toEqual({ keep: ['s10', 's20', 's30'], delete: ['s40'] });
  });

  it('names backups sortably by time', () => {
    expect(backupName(NOW)).toBe('acgs-backup-20261123T040000Z.sql.gz');
  });
});
