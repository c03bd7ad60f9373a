import { describe, expect, it } from 'vitest';
import { equatorialJ2000ToTrueEclipticOfDate } from '../ephemeris/frames.js';
import { multiply } from '../ephemeris/matrix3.js';
import { FRAME_BIAS, icrfToTrueEclipticOfDate, tdbMinusTt } from './icrf-frame.js';

describe('FRAME_BIAS', () => {
  it('equals SOFA iauBp00 rb (t_sofa_c.c) to one unit in the last place', () => {
    // SOFA's printed digits, parsed (17-digit literals would trip no-loss-of-precision).
    const sofa = [
      '0.9999999999999942498', '-0.7078279744199196626e-7', '0.8056217146976134152e-7',
      '0.7078279477857337206e-7', '0.9999999999999969484', '0.3306041454222136517e-7',
      '-0.8056217380986972157e-7', '-0.3306040883980552500e-7', '0.9999999999999962084',
    ].map(Number);
    Array.from(FRAME_BIAS).forEach((value, i) => expect(Math.abs(value - sofa[i]!), `element ${i}`).toBeLessThan(2.3e-16));
  });
});

describe('icrfToTrueEclipticOfDate', () => {
  it('is the J2000-equator rotation of date after the bias', () => {
    const jd = 2460000.5;
    expect(Array.from(icrfToTrueEclipticOfDate(jd))).toEqual(Array.from(multiply(equatorialJ2000ToTrueEclipticOfDate(jd), FRAME_BIAS)));
  });
});

describe('tdbMinusTt', () => {
  it('peaks at 1.657 ms when the mean anomaly is 90°', () => {
    const jd = 2451545 + (90 - 357.53) / 0.98560028;
    expect(tdbMinusTt(jd)).toBeCloseTo(0.001657, 9);
  });

  it('vanishes when the mean anomaly is 0°', () => {
    expect(tdbMinusTt(2451545 - 357.53 / 0.98560028)).toBeCloseTo(0, 12);
  });
});
