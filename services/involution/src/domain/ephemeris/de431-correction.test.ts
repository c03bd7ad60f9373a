import { describe, expect, it } from 'vitest';
import { ARCSEC } from './angles.js';
import { de431Correction, de431CorrectionSpan } from './de431-correction.js';
import { DE431_CORRECTIONS } from './de431-corrections.data.js';
import { VSOP87_TO_EQUATORIAL_J2000 } from './frames.js';
import { apply } from './matrix3.js';
import type { VsopBody } from './planetary-theory.js';
import { PLUTO_COVERAGE, plutoHeliocentric, plutoHeliocentricState } from './pluto-theory.js';

const START = 2378496.5; // 1800-01-01 TT
const END = 2597641.5; // 2400-01-01 TT
const CORRECTED: VsopBody[] = ['Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune'];

describe('DE431 corrections of VSOP87B', () => {
  it('cover Mars to Neptune over 1800–2400 TT and nothing else', () => {
    expect(Object.keys(DE431_CORRECTIONS)).toEqual(CORRECTED);
    for (const body of CORRECTED) expect(de431CorrectionSpan(body)).toEqual({ start: START, end: END });
    expect(de431CorrectionSpan('Earth')).toBeUndefined();
  });

  it('evaluate the first coefficient of each component at the first segment start (x = −1)', () => {
    const mars = DE431_CORRECTIONS.Mars!;
    const [l, b, r] = mars.coefficients[0]!.split(',')
      .map(Number)
      .reduce<number[][]>((parts, value, i) => {
        (parts[Math.floor(i / (mars.degree + 1))] ??= []).push(value);
        return parts;
      }, []);
    const alternating = (c: number[]): number =>
      c.reduce((sum, value, k) => sum + (k % 2 === 0 ? value : -value), 0);
    const correction = de431Correction('Mars', START);
    expect(correction[0]).toBeCloseTo(alternating(l!) * mars.units[0]!, 20);
    expect(correction[1]).toBeCloseTo(alternating(b!) * mars.units[1]!, 20);
    expect(correction[2]).toBeCloseTo(alternating(r!) * mars.units[2]!, 20);
  });

  it('reach arcseconds in the 2300s, where VSOP87 has drifted most, and are zero outside 1800–2400 or for Mercury', () => {
    const largest = (body: VsopBody): number => {
      let worst = 0;
      for (let jd = 2561117.5; jd < END; jd += 50)
        worst = Math.max(worst, Math.abs(de431Correction(body, jd)[0]!));
      return worst / ARCSEC;
    };
    expect(largest('Neptune')).toBeGreaterThan(5);
    expect(largest('Uranus')).toBeGreaterThan(4);
    expect(largest('Mars')).toBeGreaterThan(1);
    expect([...de431Correction('Neptune', START - 1)]).toEqual([0, 0, 0]);
    expect([...de431Correction('Neptune', END + 1)]).toEqual([0, 0, 0]);
    expect([...de431Correction('Mercury', 2451545)]).toEqual([0, 0, 0]);
  });

  it('join their segments within 0.006″ and 1e-6 AU (each segment is fitted on its own)', () => {
    for (const body of CORRECTED) {
      const table = DE431_CORRECTIONS[body]!;
      const segmentDays = (END - START) / table.segments;
      let angle = 0;
      let distance = 0;
      for (let k = 1; k < table.segments; k += 1) {
        const boundary = START + k * segmentDays;
        const before = [...de431Correction(body, boundary - 1e-7)];
        const after = de431Correction(body, boundary);
        angle = Math.max(angle, Math.abs(before[0]! - after[0]!), Math.abs(before[1]! - after[1]!));
        distance = Math.max(distance, Math.abs(before[2]! - after[2]!));
      }
      expect(angle / ARCSEC, body).toBeLessThan(0.006);
      expect(distance, body).toBeLessThan(1e-6);
    }
  });
});

describe('tabulated Pluto', () => {
  it('covers 1800–2400 TT and refuses instants outside', () => {
    expect(PLUTO_COVERAGE).toEqual({ start: START, end: END });
    expect(() => plutoHeliocentric(START - 0.01)).toThrow(RangeError);
    expect(() => plutoHeliocentricState(END + 0.01)).toThrow(RangeError);
  });

  it('gives DE431’s Pluto at J2000 within 0.05″ (the fit’s documented error)', () => {
    // swetest -edir/usr/share/libswe/ephe -bj2451545 -p9 -hel -true -j2000 -fJx -ep -head (AU, J2000 equator)
    const swetest = [-9.87535223731795853, -27.97887042717368544, -5.75368875666881774];
    const ours = apply(VSOP87_TO_EQUATORIAL_J2000, plutoHeliocentric(2451545));
    const offset = Math.hypot(ours[0] - swetest[0]!, ours[1] - swetest[1]!, ours[2] - swetest[2]!);
    expect(offset / 30.5 / ARCSEC).toBeLessThan(0.05);
  });

  it('gives a velocity equal to the central difference of its positions', () => {
    const { velocity } = plutoHeliocentricState(2460000.3);
    const before = plutoHeliocentric(2460000.3 - 0.5);
    const after = plutoHeliocentric(2460000.3 + 0.5);
    for (let i = 0; i < 3; i += 1) expect(velocity[i]).toBeCloseTo(after[i]! - before[i]!, 9);
  });
});
