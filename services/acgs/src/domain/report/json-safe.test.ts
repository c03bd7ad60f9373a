import { describe, expect, it } from 'vitest';
import { AcgsError } from '../../errors.js';
import { serializeReport, toJsonSafe } from './json-safe.js';

describe('serializeReport', () => {
  it('writes valid JSON for values JSON.stringify chokes on', () => {
    const report: Record<string, unknown> = {
      error: new AcgsError('ACGS_PLAN_CYCLE', 'dependency cycle: a → a'),
      big: 10n,
      nan: NaN,
      inf: -Infinity,
      when: new Date(0),
      fn: () => 1,
      missing: undefined,
      map: new Map([[1, 'one']]),
      set: new Set(['x']),
      list: [undefined, 1],
    };
    report['self'] = report;
    expect(() => JSON.stringify(report)).toThrow();
    expect(JSON.parse(serializeReport(report))).toEqual({
      error: { name: 'AcgsError', message: 'dependency cycle: a → a', code: 'ACGS_PLAN_CYCLE' },
      big: '10',
      nan: null,
      inf: null,
      when: '1970-01-01T00:00:00.000Z',
      map: { '1': 'one' },
      set: ['x'],
      list: [null, 1],
      self: '[Circular]',
    });
  });

  it('keeps shared (non-circular) references', () => {
    const shared = { a: 1 };
    expect(toJsonSafe({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });
});
