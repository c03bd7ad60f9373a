import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../adapters/atomic-file.js';
import { writeReport } from '../adapters/report-writer.js';
import { buildMaintenanceReport, planMaintenance, windowDeadline } from '../domain/maintenance/index.js';
import type {
  MaintenanceReport,
  MaintenanceSchedule,
  MaintenanceTask,
  TaskResult,
} from '../domain/maintenance/index.js';
import type { CommandContext } from './command-context.js';
import { MAINTENANCE_TASKS } from './maintenance-tasks.js';
import type { TaskRunner } from './maintenance-tasks.js';

/** The maintenance-mode flag: present while a maintenance window is open (services and monitors may read it). */
export function maintenanceFlagPath(stateDir: string): string {
  return join(stateDir, 'maintenance-mode.json');
}

/**
 * `acgs maintenance daily|weekly|monthly`: switches maintenance mode on, runs the schedule's tasks in order
 * (a task disabled by config is reported as skipped, one not started before the window closes too), and
 * ALWAYS switches maintenance mode off at the end, even when a task throws. Every task's result is in the
 * report; exit 0 success, 1 partial, 2 failed. `overrides` replaces task implementations (tests).
 */
export async function runMaintenance(
  ctx: CommandContext,
  schedule: MaintenanceSchedule,
  overrides: Partial<Record<MaintenanceTask, TaskRunner>> = {},
): Promise<MaintenanceReport> {
  const settings = ctx.config.maintenance;
  const startedAt = ctx.now();
  const deadline = windowDeadline(startedAt, settings.maintenance_window_hours);
  const flag = maintenanceFlagPath(ctx.stateDir);
  const results: TaskResult[] = [];
  let modeOn: number | undefined;
  let modeOff: number | undefined;
  try {
    if (settings.enable_maintenance_mode) {
      await writeFileAtomic(
        flag,
        JSON.stringify({ schedule, enabled_at: new Date(startedAt).toISOString() }),
      );
      modeOn = ctx.now();
      ctx.out(`maintenance mode ON (${schedule})\n`);
    }
    for (const planned of planMaintenance(schedule, settings)) {
      const started = ctx.now();
      let outcome: Omit<TaskResult, 'task' | 'duration_ms'>;
      if (!planned.enabled) outcome = { status: 'skipped', summary: 'disabled in maintenance-config' };
      else if (started > deadline)
        outcome = { status: 'skipped', summary: 'maintenance window closed before this task started' };
      else {
        try {
          outcome = await (overrides[planned.task] ?? MAINTENANCE_TASKS[planned.task])(ctx);
        } catch (error) {
          outcome = {
            status: 'failed',
            summary: 'task failed',
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }
      const result: TaskResult = { task: planned.task, duration_ms: ctx.now() - started, ...outcome };
      results.push(result);
      ctx.out(
        `  ${result.status.padEnd(8)} ${planned.task}: ${result.summary}${result.error === undefined ? '' : ` — ${result.error}`}\n`,
      );
    }
  } finally {
    if (modeOn !== undefined) {
      await rm(flag, { force: true });
      modeOff = ctx.now();
      ctx.out('maintenance mode OFF\n');
    }
  }
  const report = buildMaintenanceReport({
    schedule,
    startedAt,
    finishedAt: ctx.now(),
    constitutionalHash: settings.constitutional_validation.hash,
    namespace: settings.namespace,
    maintenanceModeOn: modeOn,
    maintenanceModeOff: modeOff,
    tasks: results,
  });
  const path = await writeReport(
    resolve(ctx.cwd, ctx.config.production.deployment.report_directory),
    `maintenance-${schedule}`,
    startedAt,
    report,
  );
  ctx.out(`maintenance ${schedule}: ${report.status.toUpperCase()}\nreport: ${path}\n`);
  return report;
}
