export * from './backup-retention.js';
export * from './certificate-expiry.js';
export * from './file-retention.js';
export * from './maintenance-report.js';
export * from './maintenance-schedule.js';
export * from './table-maintenance.js';
