import type { MaintenanceSchedule, MaintenanceTask } from './maintenance-schedule.js';

export interface TaskResult {
  readonly task: MaintenanceTask;
  readonly status: 'success' | 'failed' | 'skipped' | 'warning';
  readonly duration_ms: number;
  readonly summary: string;
  readonly details?: unknown;
  readonly error?: string | undefined;
}

export interface MaintenanceReport {
  readonly report_type: 'maintenance';
  readonly schedule: MaintenanceSchedule;
  readonly started_at: string;
  readonly finished_at: string;
  readonly constitutional_hash: string;
  readonly namespace: string;
  readonly maintenance_mode: { readonly enabled_at: string | null; readonly disabled_at: string | null };
  readonly status: 'success' | 'partial' | 'failed';
  readonly tasks: readonly TaskResult[];
  readonly exit_code: number;
}

/**
 * Builds the maintenance report. Status: success when no task failed (warnings and skips allowed),
 * failed when every task that ran failed, partial otherwise. Exit codes 0, 1 (partial), 2 (failed).
 */
export function buildMaintenanceReport(input: {
  schedule: MaintenanceSchedule;
  startedAt: number;
  finishedAt: number;
  constitutionalHash: string;
  namespace: string;
  maintenanceModeOn: number | undefined;
  maintenanceModeOff: number | undefined;
  tasks: readonly TaskResult[];
}): MaintenanceReport {
  const ran = input.tasks.filter((t) => t.status !== 'skipped');
  const failed = ran.filter((t) => t.status === 'failed');
  const status = failed.length === 0 ? 'success' : failed.length === ran.length ? 'failed' : 'partial';
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    report_type: 'maintenance',
    schedule: input.schedule,
    started_at: new Date(input.startedAt).toISOString(),
    finished_at: new Date(input.finishedAt).toISOString(),
    constitutional_hash: input.constitutionalHash,
    namespace: input.namespace,
    maintenance_mode: {
      enabled_at: iso(input.maintenanceModeOn),
      disabled_at: iso(input.maintenanceModeOff),
    },
    status,
    tasks: input.tasks,
    exit_code: status === 'success' ? 0 : status === 'partial' ? 1 : 2,
  };
}
