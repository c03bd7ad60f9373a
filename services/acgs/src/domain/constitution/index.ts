export * from './health-hash-policy.js';
export * from './manifest-labels.js';
