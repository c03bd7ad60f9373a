/**
 * The last N request durations, for the `performance` health check (p50/p95/p99 without a histogram
 * scrape). Fixed memory: a ring buffer.
 */
export class LatencyWindow {
  private readonly samples: Float64Array;
  private count = 0;
  private next = 0;

  constructor(readonly capacity = 1000) {
    this.samples = new Float64Array(capacity);
  }

  /** Records one duration in milliseconds. */
  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Percentiles (nearest rank) over the window, milliseconds; undefined before the first sample. */
  percentiles(): { p50: number; p95: number; p99: number; samples: number } | undefined {
    if (this.count === 0) return undefined;
    const sorted = Array.from(this.samples.subarray(0, this.count)).sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
    const round = (x: number): number => Math.round(x * 1000) / 1000;
    return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), samples: this.count };
  }
}
