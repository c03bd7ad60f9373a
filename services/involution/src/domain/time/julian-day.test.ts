import { describe, expect, it } from 'vitest';
import { InvolutionError } from '../../errors.js';
import { calendarDate, julianDay } from './julian-day.js';

describe('julianDay', () => {
  it('reproduces the J2000.0 epoch', () => {
    expect(julianDay({ year: 2000, month: 1, day: 1, hour: 12 })).toBe(2451545);
  });

  it('reproduces Meeus example 7.a and 7.b (Sputnik launch, 333 Jan 27 12h Julian)', () => {
    expect(julianDay({ year: 1957, month: 10, day: 4, hour: 19, minute: 26, second: 24 })).toBeCloseTo(2436116.31, 8);
    expect(julianDay({ year: 333, month: 1, day: 27, hour: 12 })).toBe(1842713);
  });

  it('switches from the Julian to the Gregorian calendar at the 1582 reform', () => {
    expect(julianDay({ year: 1582, month: 10, day: 4 })).toBe(2299159.5);
    expect(julianDay({ year: 1582, month: 10, day: 15 })).toBe(2299160.5);
  });

  it('accepts years <= 0 in astronomical numbering (Meeus table 7.a)', () => {
    expect(julianDay({ year: 0, month: 1, day: 1 })).toBe(1721057.5);
    expect(julianDay({ year: -1000, month: 7, day: 12, hour: 12 })).toBe(1356001);
    expect(julianDay({ year: -4712, month: 1, day: 1, hour: 12 })).toBe(0);
    expect(julianDay({ year: -13200, month: 8, day: 15 }, 'julian')).toBe(-3100015.5);
  });

  it('honours an explicit calendar', () => {
    expect(julianDay({ year: 2000, month: 1, day: 1, hour: 12 }, 'julian')).toBe(2451558);
    expect(julianDay({ year: 1000, month: 1, day: 1 }, 'gregorian')).toBe(2086302.5);
  });

  it('rejects dates the calendar does not have, naming the field', () => {
    expect(() => julianDay({ year: 1582, month: 10, day: 10 })).toThrow(InvolutionError);
    expect(() => julianDay({ year: 1900, month: 2, day: 29 })).toThrow(/day/);
    expect(() => julianDay({ year: 1900, month: 2, day: 29 }, 'julian')).not.toThrow();
    try {
      julianDay({ year: 2001, month: 13, day: 1 });
    } catch (error) {
      expect((error as InvolutionError).field).toBe('month');
      expect((error as InvolutionError).code).toBe('INVOLUTION_DATE_INVALID');
    }
  });
});

describe('calendarDate', () => {
  it('inverts julianDay across calendars and eras', () => {
    expect(calendarDate(2451545)).toEqual({ year: 2000, month: 1, day: 1, hour: 12, minute: 0, second: 0 });
    expect(calendarDate(2299159.5)).toEqual({ year: 1582, month: 10, day: 4, hour: 0, minute: 0, second: 0 });
    expect(calendarDate(0)).toEqual({ year: -4712, month: 1, day: 1, hour: 12, minute: 0, second: 0 });
    expect(calendarDate(-3100015.5)).toEqual({ year: -13200, month: 8, day: 15, hour: 0, minute: 0, second: 0 });
    expect(calendarDate(2436116.31)).toEqual({ year: 1957, month: 10, day: 4, hour: 19, minute: 26, second: 24 });
  });
});
