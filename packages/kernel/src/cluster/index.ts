export { runPrimary, type PrimarySettings } from './primary.js';
export { workerCount } from './worker-count.js';
