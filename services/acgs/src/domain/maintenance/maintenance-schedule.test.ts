import { describe, expect, it } from 'vitest';
import { defaultAcgsConfig } from '../config/index.js';
import { SCHEDULE_TASKS, planMaintenance, windowDeadline } from './maintenance-schedule.js';

describe('planMaintenance', () => {
  it('covers all nine guide tasks across the three schedules', () => {
    const all = [...SCHEDULE_TASKS.daily, ...SCHEDULE_TASKS.weekly, ...SCHEDULE_TASKS.monthly];
    expect(new Set(all).size).toBe(9);
  });

  it('lists the daily tasks enabled by default', () => {
    expect(planMaintenance('daily', defaultAcgsConfig().maintenance)).toEqual([
      { task: 'log_rotation', enabled: true },
      { task: 'temp_cleanup', enabled: true },
      { task: 'health_check', enabled: true },
    ]);
  });

  it('marks tasks disabled by their config switch', () => {
    const config = {
      ...defaultAcgsConfig().maintenance,
      database_maintenance: { enabled: false },
      backup: { enabled: false },
    };
    expect(planMaintenance('weekly', config)).toEqual([
      { task: 'database_optimization', enabled: false },
      { task: 'backup', enabled: false },
      { task: 'performance_analysis', enabled: true },
    ]);
  });

  it('closes the window after maintenance_window_hours', () => {
    expect(windowDeadline(1_000, 2)).toBe(7_201_000);
  });
});
