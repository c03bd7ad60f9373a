export * from './deploy-report.js';
export * from './json-safe.js';
export * from './monitor-report.js';
export * from './report-summary.js';
