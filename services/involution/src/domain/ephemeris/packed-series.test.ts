import { describe, expect, it } from 'vitest';
import { packSeries, unpackSeries } from './packed-series.js';
import { seriesTermsModule } from '../../../tools/series-terms-module.js';
import { readFileSync } from 'node:fs';

describe('packSeries / unpackSeries', () => {
  it('round-trips every double bit for bit, keeping empty powers and padding short terms with 0', () => {
    const terms = [
      [[[0.1 + 0.2, -Math.PI, 1e-300]], []],
      [[[Number.MIN_VALUE, 5e-324, -0]], [[6283.0758499914, 1.2, 3]]],
    ];
    const unpacked = unpackSeries(packSeries(terms, 3), 3);
    expect(unpacked).toEqual(terms);
    expect(Object.is(unpacked[1]![0]![0]![2], -0)).toBe(true);
    expect(unpackSeries(packSeries([[[[1, 2]]]], 4), 4)).toEqual([[[[1, 2, 0, 0]]]]);
  });

  it('refuses a text that does not hold the shape it announces', () => {
    const packed = packSeries([[[[1, 2, 3]]]], 3);
    expect(() => unpackSeries(packed, 4)).toThrow(/truncated/);
    expect(() => unpackSeries(packed, 2)).toThrow(/trailing/);
    expect(() => packSeries([[[[1, 2, 3, 4]]]], 3)).toThrow(/width/);
  });
});

describe('series-terms.data.ts', () => {
  it('is what the generator writes from astronomia with the current truncation budgets', () => {
    const committed = readFileSync(new URL('./series-terms.data.ts', import.meta.url), 'utf8');
    expect(committed === seriesTermsModule()).toBe(true);
  });
});
