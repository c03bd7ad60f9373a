export * from './acgs-config.js';
export * from './config-schema.js';
export * from './constitutional-validation.js';
export * from './default-suite.js';
export * from './health-monitor-config.js';
export * from './maintenance-config.js';
export * from './production-config.js';
export * from './rollback-config.js';
