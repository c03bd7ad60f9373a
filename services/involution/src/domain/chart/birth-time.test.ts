import { describe, expect, it } from 'vitest';
import type { InvolutionError } from '../../errors.js';
import { parseBirthTime, yearOf } from './birth-time.js';

function failure(text: string): InvolutionError {
  try {
    parseBirthTime(text);
  } catch (error) {
    return error as InvolutionError;
  }
  throw new Error(`${text} was accepted`);
}

describe('parseBirthTime', () => {
  it('gives J2000.0 for 2000-01-01T12:00Z however the zone is written', () => {
    expect(parseBirthTime('2000-01-01T12:00:00Z').jdUt).toBe(2451545);
    expect(parseBirthTime('2000-01-01T13:30:00+01:30').jdUt).toBe(2451545);
    expect(parseBirthTime('2000-01-01T07:00-0500').jdUt).toBe(2451545);
    expect(parseBirthTime('+002000-01-01T12:00Z').jdUt).toBe(2451545);
  });

  it('reads negative years in astronomical numbering and the Julian calendar (Ides of March, 44 BC = JD 1705426)', () => {
    expect(parseBirthTime('-0043-03-15T12:00:00+00:00')).toMatchObject({ year: -43, calendar: 'julian', jdUt: 1705426 });
    expect(parseBirthTime('-4712-01-01T12:00:00Z').jdUt).toBe(0);
  });

  it('switches calendars at the Gregorian reform unless told otherwise', () => {
    expect(parseBirthTime('1582-10-04T00:00:00Z').jdUt).toBe(2299159.5);
    expect(parseBirthTime('1582-10-15T00:00:00Z').jdUt).toBe(2299160.5);
    expect(parseBirthTime('1582-10-04T00:00:00Z', 'gregorian').jdUt).toBe(2299149.5);
    expect(failure('1582-10-10T00:00:00Z')).toMatchObject({ code: 'INVOLUTION_DATE_INVALID', field: 'birth_time' });
  });

  it('refuses a time without a zone, a malformed text and impossible dates, naming birth_time', () => {
    expect(failure('2016-03-20T04:30:00')).toMatchObject({ code: 'INVOLUTION_INVALID_INPUT', field: 'birth_time' });
    expect(failure('2016-03-20')).toMatchObject({ code: 'INVOLUTION_INVALID_INPUT', field: 'birth_time' });
    expect(failure('2016-03-20T24:30:00Z')).toMatchObject({ code: 'INVOLUTION_INVALID_INPUT', field: 'birth_time' });
    expect(failure('2016-03-20T04:30:00+19:00')).toMatchObject({ code: 'INVOLUTION_INVALID_INPUT', field: 'birth_time' });
    expect(failure('2023-02-29T04:30:00Z')).toMatchObject({ code: 'INVOLUTION_DATE_INVALID', field: 'birth_time' });
  });
});

describe('yearOf', () => {
  it('reads the written year, signed or not', () => {
    expect(yearOf('1066-10-14T12:00:00Z')).toBe(1066);
    expect(yearOf('-0500-01-01T00:00Z')).toBe(-500);
    expect(yearOf('soon')).toBeUndefined();
  });
});
