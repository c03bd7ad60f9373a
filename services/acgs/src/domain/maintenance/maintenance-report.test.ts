import { describe, expect, it } from 'vitest';
import { buildMaintenanceReport } from './maintenance-report.js';

describe('buildMaintenanceReport', () => {
  const base = {
    schedule: 'weekly' as const,
    startedAt: 0,
    finishedAt: 1_000,
    constitutionalHash: 'cdd01ef066bc6cf2',
    namespace: 'acgs-system',
    maintenanceModeOn: 0,
    maintenanceModeOff: 1_000,
  };

  it('is partial (exit 1) when one task failed, and still records maintenance mode switched off', () => {
    const report = buildMaintenanceReport({
      ...base,
      tasks: [
        {
          task: 'database_optimization',
          status: 'failed',
          duration_ms: 5,
          summary: 'connection refused',
          error: 'ECONNREFUSED',
        },
        { task: 'backup', status: 'success', duration_ms: 5, summary: '1 created, 0 deleted' },
        { task: 'performance_analysis', status: 'skipped', duration_ms: 0, summary: 'disabled' },
      ],
    });
    expect([report.status, report.exit_code]).toEqual(['partial', 1]);
    expect(report.maintenance_mode).toEqual({
      enabled_at: '1970-01-01T00:00:00.000Z',
      disabled_at: '1970-01-01T00:00:01.000Z',
    });
  });

  it('is success (exit 0) with warnings and failed (exit 2) when everything that ran failed', () => {
    expect(
      buildMaintenanceReport({
        ...base,
        tasks: [{ task: 'certificate_check', status: 'warning', duration_ms: 1, summary: '1 expiring' }],
      }).exit_code,
    ).toBe(0);
    expect(
      buildMaintenanceReport({
        ...base,
        tasks: [{ task: 'backup', status: 'failed', duration_ms: 1, summary: 'x' }],
      }).status,
    ).toBe('failed');
  });
});
