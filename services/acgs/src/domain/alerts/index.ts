export * from './alert-policy.js';
export * from './auto-rollback.js';
