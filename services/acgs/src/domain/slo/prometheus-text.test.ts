import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './prometheus-text.js';

describe('parsePrometheusText', () => {
  it('reads names, unescaped labels, special values and ignores timestamps', () => {
    expect(
      parsePrometheusText('# c\nup 1\nx{a="q\\"u\\\\o\\nte",b="2"} +Inf 1700000000000\ny NaN\n'),
    ).toEqual([
      { name: 'up', labels: {}, value: 1 },
      { name: 'x', labels: { a: 'q"u\\o\nte', b: '2' }, value: Infinity },
      { name: 'y', labels: {}, value: NaN },
    ]);
  });

  it('refuses a line with a bad value', () => {
    expect(() => parsePrometheusText('up one')).toThrow(/line 1: bad value "one"/);
  });
});
