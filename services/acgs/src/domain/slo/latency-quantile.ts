import { AcgsError } from '../../errors.js';

/** One cumulative histogram bucket: `count` observations were ≤ `le` (use Infinity for `+Inf`). */
export interface HistogramBucket {
  readonly le: number;
  readonly count: number;
}

function invalid(message: string, details?: Record<string, unknown>): AcgsError {
  return new AcgsError('ACGS_SLO_INPUT_INVALID', message, {
    field: 'buckets',
    ...(details === undefined ? {} : { details }),
  });
}

/**
 * The exact q-quantile of raw samples by the nearest-rank method: the smallest sample such that at least
 * q·n samples are ≤ it. For P99 of 1000 samples that is the 990th smallest. Undefined for no samples.
 *
 * @example sampleQuantile([...Array(980).fill(1), ...Array(20).fill(20)], 0.99) // 20
 */
export function sampleQuantile(samples: readonly number[], q: number): number | undefined {
  if (!(q >= 0 && q <= 1))
    throw new AcgsError('ACGS_SLO_INPUT_INVALID', `quantile must be in [0, 1], got ${q}`, { field: 'q' });
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  // The epsilon absorbs binary error in q·n (0.99 · 1000 must be rank 990, not 991).
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[rank - 1];
}

/**
 * The q-quantile of a cumulative histogram, computed as Prometheus' `histogram_quantile` does: find the
 * first bucket whose cumulative count reaches rank = q·total, then interpolate linearly inside it (the
 * lowest bucket starts at 0). A rank landing in the `+Inf` bucket answers the highest finite bound.
 * Undefined when the histogram holds no observations.
 *
 * Buckets must be sorted by `le`, cumulative (non-decreasing counts) and end with `le: Infinity`.
 */
export function histogramQuantile(buckets: readonly HistogramBucket[], q: number): number | undefined {
  if (!(q >= 0 && q <= 1))
    throw new AcgsError('ACGS_SLO_INPUT_INVALID', `quantile must be in [0, 1], got ${q}`, { field: 'q' });
  if (buckets.length < 2) throw invalid('a histogram needs at least two buckets (one finite and +Inf)');
  for (let i = 0; i < buckets.length; i += 1) {
    const bucket = buckets[i] as HistogramBucket;
    if (!(bucket.count >= 0) || Number.isNaN(bucket.le))
      throw invalid(`bucket ${i} has an invalid bound or count`, { index: i });
    const prior = buckets[i - 1];
    if (prior !== undefined && (bucket.le <= prior.le || bucket.count < prior.count)) {
      throw invalid(`buckets must be sorted by le and cumulative (bucket ${i})`, { index: i });
    }
  }
  const last = buckets[buckets.length - 1] as HistogramBucket;
  if (last.le !== Infinity) throw invalid('the last bucket must be le="+Inf"');
  const total = last.count;
  if (total === 0) return undefined;

  const rank = q * total;
  const index = buckets.findIndex((bucket) => bucket.count >= rank);
  const bucket = buckets[index] as HistogramBucket;
  if (index === buckets.length - 1) return (buckets[buckets.length - 2] as HistogramBucket).le;
  if (index === 0 && bucket.le <= 0) return bucket.le;
  const lower = index === 0 ? 0 : (buckets[index - 1] as HistogramBucket).le;
  const below = index === 0 ? 0 : (buckets[index - 1] as HistogramBucket).count;
  const inBucket = bucket.count - below;
  return lower + (bucket.le - lower) * ((rank - below) / inBucket);
}

/**
 * Builds cumulative buckets from raw samples for the given upper bounds (an `+Inf` bucket is added) —
 * what a prom-client histogram with these buckets would expose after observing the samples.
 */
export function bucketize(samples: readonly number[], bounds: readonly number[]): HistogramBucket[] {
  const les = [...bounds.filter((b) => b !== Infinity)].sort((a, b) => a - b);
  return [...les, Infinity].map((le) => ({ le, count: samples.filter((s) => s <= le).length }));
}

/**
 * The histogram of observations made between two scrapes (later − earlier, bucket by bucket). When the
 * later total is lower the process restarted (a counter reset), and the later histogram alone is the window.
 */
export function histogramDelta(
  earlier: readonly HistogramBucket[],
  later: readonly HistogramBucket[],
): HistogramBucket[] {
  const laterTotal = later[later.length - 1]?.count ?? 0;
  const earlierTotal = earlier[earlier.length - 1]?.count ?? 0;
  if (laterTotal < earlierTotal) return later.map((b) => ({ ...b }));
  const before = new Map(earlier.map((b) => [b.le, b.count]));
  return later.map((b) => ({ le: b.le, count: Math.max(0, b.count - (before.get(b.le) ?? 0)) }));
}
