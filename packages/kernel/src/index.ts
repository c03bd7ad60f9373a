/**
 * The service kernel: the production envelope every service in this repository stands on.
 * Start with `createService` (http/create-service.ts).
 */
export * from './config/index.js';
export * from './log/index.js';
export * from './errors/index.js';
export * from './health/index.js';
export * from './metrics/index.js';
export * from './docs/index.js';
export * from './security/index.js';
export * from './rate-limit/index.js';
export * from './cache/index.js';
export * from './lifecycle/index.js';
export * from './cluster/index.js';
export * from './redis/index.js';
export * from './http/index.js';
export { Type, type Static, type TSchema } from 'typebox';
