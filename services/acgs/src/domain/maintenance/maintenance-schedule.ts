/** The guide's nine maintenance tasks (the original ran four of them). */
export type MaintenanceTask =
  | 'log_rotation'
  | 'temp_cleanup'
  | 'health_check'
  | 'database_optimization'
  | 'backup'
  | 'performance_analysis'
  | 'security_audit'
  | 'certificate_check'
  | 'dependency_audit';

export type MaintenanceSchedule = 'daily' | 'weekly' | 'monthly';

/**
 * What each schedule runs, in order, straight from the guide's "Maintenance Operations":
 * daily — log rotation and cleanup, temporary file cleanup, basic health checks;
 * weekly — database optimization, backup (creation and retention), performance analysis;
 * monthly — security updates (audit), certificate renewal (expiry check), dependency updates (audit).
 */
export const SCHEDULE_TASKS: Readonly<Record<MaintenanceSchedule, readonly MaintenanceTask[]>> = {
  daily: ['log_rotation', 'temp_cleanup', 'health_check'],
  weekly: ['database_optimization', 'backup', 'performance_analysis'],
  monthly: ['security_audit', 'certificate_check', 'dependency_audit'],
};

/** Which config switch turns a task off (tasks without one always run). */
export interface TaskSwitches {
  readonly log_management: { readonly enabled: boolean };
  readonly database_maintenance: { readonly enabled: boolean };
  readonly backup: { readonly enabled: boolean };
  readonly certificates: { readonly enabled: boolean };
  readonly security_audit: { readonly enabled: boolean };
}

export interface PlannedTask {
  readonly task: MaintenanceTask;
  /** False when the config disables it; it is still listed in the report as skipped. */
  readonly enabled: boolean;
}

/** The tasks of a schedule with their enabled state from maintenance-config. */
export function planMaintenance(schedule: MaintenanceSchedule, config: TaskSwitches): PlannedTask[] {
  const enabled: Record<MaintenanceTask, boolean> = {
    log_rotation: config.log_management.enabled,
    temp_cleanup: config.log_management.enabled,
    health_check: true,
    database_optimization: config.database_maintenance.enabled,
    backup: config.backup.enabled,
    performance_analysis: true,
    security_audit: config.security_audit.enabled,
    certificate_check: config.certificates.enabled,
    dependency_audit: config.security_audit.enabled,
  };
  return SCHEDULE_TASKS[schedule].map((task) => ({ task, enabled: enabled[task] }));
}

/** When the maintenance window closes: tasks not started by then are skipped (epoch ms). */
export function windowDeadline(startedAt: number, windowHours: number): number {
  return startedAt + windowHours * 3_600_000;
}
