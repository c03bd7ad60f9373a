import { AcgsError } from '../../errors.js';

function checkCounts(total: number, failed: number): void {
  if (!Number.isFinite(total) || total < 0 || !Number.isFinite(failed) || failed < 0 || failed > total) {
    throw new AcgsError(
      'ACGS_SLO_INPUT_INVALID',
      `invalid request counts: total ${total}, failed ${failed}`,
      { field: 'total' },
    );
  }
}

/**
 * Requests per second over a known window from two readings of a request counter. A counter that went
 * down was reset (process restart): the later reading alone is what happened in the window.
 *
 * @example requestRate(1000, 7000, 60) // 100
 */
export function requestRate(countAtStart: number, countAtEnd: number, windowSeconds: number): number {
  if (!(windowSeconds > 0)) {
    throw new AcgsError('ACGS_SLO_INPUT_INVALID', `window must be > 0 seconds, got ${windowSeconds}`, {
      field: 'windowSeconds',
    });
  }
  const delta = countAtEnd >= countAtStart ? countAtEnd - countAtStart : countAtEnd;
  return delta / windowSeconds;
}

/**
 * Availability in percent: successful requests / all requests · 100 (undefined with no requests).
 * Computed as (ok · 100) / total so that 999 of 1000 is exactly the double 99.9.
 */
export function availabilityPercent(total: number, failed: number): number | undefined {
  checkCounts(total, failed);
  if (total === 0) return undefined;
  return ((total - failed) * 100) / total;
}

/** Error rate in percent: failed requests / all requests · 100 (undefined with no requests). */
export function errorRatePercent(total: number, failed: number): number | undefined {
  checkCounts(total, failed);
  if (total === 0) return undefined;
  return (failed * 100) / total;
}
