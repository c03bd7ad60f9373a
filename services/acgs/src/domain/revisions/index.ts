export * from './emergency-rollback.js';
export * from './revision-history.js';
export * from './run-rollback.js';
export * from './template-key.js';
