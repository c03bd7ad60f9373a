import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, isoFromEpochSeconds, parseLocalDateTime, wallClockSeconds } from './local-date-time.js';

describe('daysFromCivil', () => {
  it('counts 0 for 1970-01-01, 10957 for 2000-01-01 and −719528 for 0000-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 1, 1)).toBe(10957);
    expect(daysFromCivil(0, 1, 1)).toBe(-719528);
  });

  it('round-trips through civilFromDays across leap and century years', () => {
    for (const [y, m, d] of [[1600, 2, 29], [1900, 2, 28], [1900, 3, 1], [-44, 3, 15], [2400, 12, 31]] as const) {
      expect(civilFromDays(daysFromCivil(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
  });
});

describe('isoFromEpochSeconds', () => {
  it('formats wall-clock seconds as ISO text, with an expanded year outside 0–9999', () => {
    expect(isoFromEpochSeconds(wallClockSeconds({ year: 1879, month: 3, day: 14, hour: 10, minute: 50, second: 4 }))).toBe('1879-03-14T10:50:04.000Z');
    expect(isoFromEpochSeconds(daysFromCivil(-500, 1, 1) * 86400)).toBe('-000500-01-01T00:00:00.000Z');
  });
});

describe('parseLocalDateTime', () => {
  it('reads 1962-07-02T23:33 and 1879-03-14 11:30:15.5', () => {
    expect(parseLocalDateTime('1962-07-02T23:33')).toEqual({ year: 1962, month: 7, day: 2, hour: 23, minute: 33, second: 0 });
    expect(parseLocalDateTime('1879-03-14 11:30:15.5')).toEqual({ year: 1879, month: 3, day: 14, hour: 11, minute: 30, second: 15.5 });
  });

  it('refuses a zone designator and an impossible date, naming the field', () => {
    expect(() => parseLocalDateTime('1962-07-02T23:33:00Z', 'birth_time')).toThrow(expect.objectContaining({ code: 'INVOLUTION_INVALID_INPUT', field: 'birth_time' }));
    expect(() => parseLocalDateTime('1900-02-29T12:00')).toThrow(expect.objectContaining({ code: 'INVOLUTION_DATE_INVALID', field: 'local_time.day' }));
  });
});
