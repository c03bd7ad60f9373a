import { describe, expect, it } from 'vitest';
import { bucketize, histogramDelta, histogramQuantile, sampleQuantile } from './latency-quantile.js';

/** prom-client's default histogram buckets, in seconds. */
const PROM_CLIENT_DEFAULT = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const traffic = (fast: number, slow: number, fastS = 0.001, slowS = 0.02) => [
  ...Array<number>(fast).fill(fastS),
  ...Array<number>(slow).fill(slowS),
];

describe('sampleQuantile', () => {
  it('gives the 990th of 1000 samples as P99 (nearest rank)', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(sampleQuantile(samples, 0.99)).toBe(990);
    expect(sampleQuantile(samples, 0.5)).toBe(500);
    expect(sampleQuantile(samples, 1)).toBe(1000);
    expect(sampleQuantile(samples, 0)).toBe(1);
  });

  it('puts P99 at 20 ms when 2% of requests take 20 ms, and at 1 ms when 0.5% do', () => {
    expect(sampleQuantile(traffic(980, 20, 1, 20), 0.99)).toBe(20);
    expect(sampleQuantile(traffic(995, 5, 1, 20), 0.99)).toBe(1);
  });

  it('answers undefined for no samples and refuses q outside [0, 1]', () => {
    expect(sampleQuantile([], 0.99)).toBeUndefined();
    expect(() => sampleQuantile([1], 1.5)).toThrow(/quantile must be in \[0, 1\]/);
  });
});

describe('histogramQuantile', () => {
  it('interpolates inside the bucket holding rank q·total, like Prometheus', () => {
    // 2% at 20 ms: rank 990 falls in (0.01, 0.025] holding ranks 981..1000 → 0.01 + 0.015 · 10/20.
    expect(histogramQuantile(bucketize(traffic(980, 20), PROM_CLIENT_DEFAULT), 0.99)).toBeCloseTo(0.0175, 12);
    // 0.5% at 20 ms: rank 990 falls in [0, 0.005] holding 995 → 0.005 · 990/995.
    expect(histogramQuantile(bucketize(traffic(995, 5), PROM_CLIENT_DEFAULT), 0.99)).toBeCloseTo(
      0.004974874371859297,
      15,
    );
    // With a 1 ms bucket the same traffic is placed at 0.001 · 990/995.
    expect(histogramQuantile(bucketize(traffic(995, 5), [0.001, ...PROM_CLIENT_DEFAULT]), 0.99)).toBeCloseTo(
      0.000994974874371859,
      15,
    );
  });

  it('gives 17.5 ms and 0.995 ms with the kernel histogram buckets', () => {
    const kernel = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    expect(histogramQuantile(bucketize(traffic(980, 20), kernel), 0.99)).toBeCloseTo(0.0175, 12);
    expect(histogramQuantile(bucketize(traffic(995, 5), kernel), 0.99)).toBeCloseTo(0.000994974874371859, 15);
  });

  it('answers the highest finite bound when the rank lands in +Inf', () => {
    expect(
      histogramQuantile(
        [
          { le: 0.1, count: 0 },
          { le: Infinity, count: 10 },
        ],
        0.99,
      ),
    ).toBe(0.1);
  });

  it('answers undefined for an empty histogram', () => {
    expect(histogramQuantile(bucketize([], PROM_CLIENT_DEFAULT), 0.99)).toBeUndefined();
  });

  it('refuses unsorted, non-cumulative or +Inf-less buckets', () => {
    expect(() =>
      histogramQuantile(
        [
          { le: 1, count: 5 },
          { le: 0.5, count: 6 },
          { le: Infinity, count: 6 },
        ],
        0.5,
      ),
    ).toThrow(/sorted/);
    expect(() =>
      histogramQuantile(
        [
          { le: 1, count: 5 },
          { le: 2, count: 4 },
          { le: Infinity, count: 6 },
        ],
        0.5,
      ),
    ).toThrow(/cumulative/);
    expect(() =>
      histogramQuantile(
        [
          { le: 1, count: 5 },
          { le: 2, count: 6 },
        ],
        0.5,
      ),
    ).toThrow(/\+Inf/);
  });
});

describe('histogramDelta', () => {
  it('subtracts an earlier scrape bucket by bucket', () => {
    const earlier = [
      { le: 0.005, count: 10 },
      { le: Infinity, count: 12 },
    ];
    const later = [
      { le: 0.005, count: 990 },
      { le: Infinity, count: 1012 },
    ];
    expect(histogramDelta(earlier, later)).toEqual([
      { le: 0.005, count: 980 },
      { le: Infinity, count: 1000 },
    ]);
  });

  it('keeps the later scrape alone after a counter reset', () => {
    const later = [
      { le: 0.005, count: 3 },
      { le: Infinity, count: 4 },
    ];
    expect(
      histogramDelta(
        [
          { le: 0.005, count: 10 },
          { le: Infinity, count: 12 },
        ],
        later,
      ),
    ).toEqual(later);
  });
});
