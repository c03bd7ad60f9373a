import { describe, expect, it } from 'vitest';
import { planLogRotation, planTempCleanup } from './file-retention.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);

describe('planLogRotation', () => {
  const files = [
    { path: 'logs/iss.log', mtimeMs: NOW - 1_000 },
    { path: 'logs/iss.log.1', mtimeMs: NOW - 2 * DAY },
    { path: 'logs/iss.log.2.gz', mtimeMs: NOW - 10 * DAY },
    { path: 'logs/iss.log.9.gz', mtimeMs: NOW - 31 * DAY },
  ];

  it('deletes logs past retention_days and compresses idle ones, never the active file', () => {
    expect(planLogRotation(files, NOW, 30, true)).toEqual([
      { path: 'logs/iss.log.1', action: 'compress', ageDays: 2 },
      { path: 'logs/iss.log.9.gz', action: 'delete', ageDays: 31 },
    ]);
  });

  it('only deletes when compression is off', () => {
    expect(planLogRotation(files, NOW, 30, false).map((a) => a.action)).toEqual(['delete']);
  });
});

describe('planTempCleanup', () => {
  it('deletes temp files older than retention_days, keeping the one exactly at the limit', () => {
    const files = [
      { path: 'tmp/a', mtimeMs: NOW - 30 * DAY },
      { path: 'tmp/b', mtimeMs: NOW - 30 * DAY - 1 },
    ];
    expect(planTempCleanup(files, NOW, 30).map((a) => a.path)).toEqual(['tmp/b']);
  });
});
