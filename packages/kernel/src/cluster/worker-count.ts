import { availableParallelism } from 'node:os';

/** WORKERS=N, or `auto` for one worker per available core. */
export function workerCount(setting: string): number {
  return setting === 'auto' ? availableParallelism() : Math.max(1, Number.parseInt(setting, 10) || 1);
}
