/**
 * The whole SPK path end to end without network: a kernel fitted to the analytic theories (written with
 * the project's SPK writer, read back by the SPK reader) must make SpkEphemerisProvider reproduce
 * AnalyticEphemerisProvider's apparent places — chaining (399 → 3 → 0, 301 → 3), light time, deflection,
 * aberration, frame bias, precession, nutation and the speeds. Debian's python3-jplephem, reading the
 * same file, gives the same raw states.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalyticEphemerisProvider } from '../../src/domain/ephemeris/analytic-provider.js';
import { CHART_BODIES, type Body } from '../../src/domain/ephemeris/bodies.js';
import type { EphemerisProvider, Observer } from '../../src/domain/ephemeris/provider.js';
import { memoryByteSource } from '../../src/domain/spk/byte-source.js';
import { NAIF, SpkKernel } from '../../src/domain/spk/spk-kernel.js';
import { writeSpk } from '../../src/domain/spk/spk-writer.js';
import { CompositeEphemerisProvider } from '../../src/domain/spk-provider/composite-provider.js';
import { SpkEphemerisProvider } from '../../src/domain/spk-provider/spk-provider.js';
import { seededRandom } from '../houses/swetest-oracle.js';
import { analyticSegments, WINTER_2000 } from './analytic-kernel.js';

const segments = analyticSegments(WINTER_2000);
const bytes = writeSpk('ANALYTIC CLOSED-LOOP TEST KERNEL', segments);
const kernel = new SpkKernel();
kernel.load('analytic.bsp', memoryByteSource(bytes));
const spk = new SpkEphemerisProvider(kernel, { id: 'jpl-test' });
const analytic = new AnalyticEphemerisProvider();

const random = seededRandom(20000101);
/** Random instants inside the kernel (2000-01-02 .. 2000-03-05 TDB). */
const INSTANTS = Array.from({ length: 12 }, () => spk.coverage.start + random() * (spk.coverage.end - spk.coverage.start));
const PARIS: Observer = { latitude: 48.85, longitude: 2.35, elevation: 35 };

function arcsec(a: number, b: number): number {
  return Math.abs(((a - b + 540) % 360) - 180) * 3600;
}

describe('SpkEphemerisProvider on a kernel fitted to the analytic theories', () => {
  it('covers the kernel less a day for light time at the start', () => {
    expect(spk.coverage.start).toBe(2451545.5);
    expect(spk.coverage.end).toBeCloseTo(2451608.5 - 0.001, 9);
    expect(spk.id).toBe('jpl-test');
  });

  for (const body of CHART_BODIES) {
    it(`reproduces the analytic apparent place of ${body} to 0.005″, geocentric and topocentric`, () => {
      for (const jd of INSTANTS) {
        for (const observer of [undefined, PARIS]) {
          const options = observer ? { observer } : {};
          const p = spk.position(body, jd, options);
          const q = analytic.position(body, jd, options);
          const where = `${body} at JD ${jd}${observer ? ' from Paris' : ''}`;
          expect(arcsec(p.longitude, q.longitude), where).toBeLessThan(0.005);
          expect(Math.abs(p.latitude - q.latitude) * 3600, where).toBeLessThan(0.005);
          expect(Math.abs(p.distance - q.distance) / q.distance, where).toBeLessThan(1e-7);
          // The analytic Moon's velocity comes from a coarser series (4e-6 relative); the kernel's from its positions.
          expect(Math.abs(p.speed - q.speed), where).toBeLessThan(1e-4);
          expect(Math.abs(p.latitudeSpeed - q.latitudeSpeed), where).toBeLessThan(1e-4);
          expect(Math.abs(p.distanceSpeed - q.distanceSpeed), where).toBeLessThan(1e-6);
          expect(p.retrograde).toBe(q.retrograde);
          expect(p.sign.name).toBe(q.sign.name);
          expect(p.body).toBe(body);
        }
      }
    });
  }

  it('does not give the lunar points, which are not bodies of a kernel', () => {
    expect(spk.supports('MeanNode', INSTANTS[0]!)).toBe(false);
    expect(spk.hasBody('MeanApogee')).toBe(false);
    expect(() => spk.position('TrueNode', INSTANTS[0]!)).toThrow(expect.objectContaining({ code: 'INVOLUTION_BODY_UNSUPPORTED', field: 'bodies' }));
  });

  it('refuses instants outside the kernel with their coverage', () => {
    expect(spk.supports('Sun', 2451545.4)).toBe(false);
    let error: unknown;
    try {
      spk.position('Sun', 2451620);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'INVOLUTION_OUT_OF_RANGE', field: 'birth_time', details: { coverage: { start_jd_tt: 2451545.5, end_jd_tt: spk.coverage.end } } });
  });

  it('refuses an observer outside the Earth', () => {
    expect(() => spk.position('Moon', INSTANTS[0]!, { observer: { ...PARIS, latitude: 91 } })).toThrow(expect.objectContaining({ code: 'INVOLUTION_INVALID_INPUT', field: 'latitude' }));
  });
});

describe('SpkEphemerisProvider with Chiron and chains through the Sun', () => {
  // "Chiron" here is Saturn's analytic orbit, stored relative to the Sun (2002060 → 10 → 0), as Horizons
  // writes small bodies: it must land exactly where Saturn's barycenter segment puts Saturn.
  const saturn = segments.find((s) => s.target === NAIF.SATURN_BARYCENTER)!;
  const withChiron = new SpkKernel();
  withChiron.load('analytic.bsp', memoryByteSource(bytes));
  withChiron.load('chiron.bsp', memoryByteSource(writeSpk('CHIRON', [{ ...saturn, target: NAIF.CHIRON, center: NAIF.SUN, name: 'CHIRON' }])));
  const provider = new SpkEphemerisProvider(withChiron, { id: 'jpl-test' });

  it('finds Chiron under its NAIF id and answers like the same orbit elsewhere', () => {
    expect(spk.chironTarget).toBeUndefined();
    expect(provider.chironTarget).toBe(2002060);
    const jd = INSTANTS[3]!;
    const chiron = provider.positionOf('Chiron', jd);
    const same = provider.position('Saturn', jd);
    expect(chiron.body).toBe('Chiron');
    expect(chiron.longitude).toBeCloseTo(same.longitude, 10);
    expect(chiron.latitude).toBeCloseTo(same.latitude, 10);
    expect(chiron.speed).toBeCloseTo(same.speed, 10);
  });
});

describe('CompositeEphemerisProvider (kernel first, analytic for the rest)', () => {
  const partial = new SpkKernel();
  partial.load('partial.bsp', memoryByteSource(writeSpk('PARTIAL', segments.filter((s) => s.target !== NAIF.PLUTO_BARYCENTER))));
  const composite = new CompositeEphemerisProvider(new SpkEphemerisProvider(partial, { id: 'jpl-partial' }), analytic);
  const jd = INSTANTS[5]!;

  it('answers kernel bodies from the kernel and the lunar points and missing bodies analytically', () => {
    const answeredBy = (body: Body): string | undefined => composite.providerFor(body, jd)?.id;
    expect(answeredBy('Moon')).toBe('jpl-partial');
    expect(answeredBy('Neptune')).toBe('jpl-partial');
    expect(answeredBy('Pluto')).toBe('analytic-vsop87b-elpmpp02');
    expect(answeredBy('MeanNode')).toBe('analytic-vsop87b-elpmpp02');
    expect(composite.position('MeanApogee', jd)).toEqual(analytic.position('MeanApogee', jd));
    expect(composite.position('TrueNode', jd)).toEqual(analytic.position('TrueNode', jd));
    expect(composite.position('Pluto', jd)).toEqual(analytic.position('Pluto', jd));
    expect(composite.id).toBe('jpl-partial');
    expect(composite.coverage).toEqual({ start: 2451545.5, end: 2451608.5 - 0.001 });
  });

  it("throws the kernel's out-of-range error for a planet outside the kernel", () => {
    expect(composite.supports('Mars', 2451700)).toBe(true); // the analytic fallback covers it
    expect(composite.providerFor('Mars', 2451700)?.id).toBe('analytic-vsop87b-elpmpp02');
    const nothing: EphemerisProvider = { id: 'none', coverage: analytic.coverage, supports: () => false, position: (body, at) => analytic.position(body, at) };
    const strict = new CompositeEphemerisProvider(new SpkEphemerisProvider(partial), nothing);
    expect(() => strict.position('Mars', 2451700)).toThrow(expect.objectContaining({ code: 'INVOLUTION_OUT_OF_RANGE', field: 'birth_time' }));
    expect(() => strict.position('MeanNode', 2451700)).not.toThrow(); // the fallback's own answer (or error) for what the kernel never has
  });
});

describe('the fitted kernel read by python3-jplephem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'involution-closed-loop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same barycentric Earth and geocentric Moon as our reader, to a tenth of a millimetre (rounding of 1.5e8 km)', () => {
    const path = join(dir, 'analytic.bsp');
    writeFileSync(path, bytes);
    const et = (INSTANTS[7]! - 2451545) * 86400;
    const script = [
      'import json, sys',
      'from jplephem.spk import SPK',
      'k = SPK.open(sys.argv[1]); et = float(sys.argv[2])',
      'def s(c, t):',
      '    p, v = k[c, t].compute_and_differentiate(2451545.0, et / 86400.0)',
      '    return [list(map(float, p)), list(map(float, v / 86400.0))]',
      'print(json.dumps({"emb": s(0, 3), "earth": s(3, 399), "moon": s(3, 301)}))',
    ].join('\n');
    const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path, String(et)], { encoding: 'utf8' })) as Record<'emb' | 'earth' | 'moon', [number[], number[]]>;
    const earth = kernel.barycentricState(NAIF.EARTH, et);
    const moon = kernel.relativeState(NAIF.MOON, NAIF.EARTH, et);
    for (let i = 0; i < 3; i += 1) {
      expect(Math.abs(earth.position[i]! - (out.emb[0][i]! + out.earth[0][i]!))).toBeLessThan(1e-7);
      expect(Math.abs(earth.velocity[i]! - (out.emb[1][i]! + out.earth[1][i]!))).toBeLessThan(1e-12);
      expect(Math.abs(moon.position[i]! - (out.moon[0][i]! - out.earth[0][i]!))).toBeLessThan(1e-7);
      expect(Math.abs(moon.velocity[i]! - (out.moon[1][i]! - out.earth[1][i]!))).toBeLessThan(1e-12);
    }
    // And the Earth is ~1 AU from the Sun (which this kernel keeps at the barycenter).
    expect(Math.hypot(...earth.position) / 149597870.7).toBeGreaterThan(0.983);
    expect(Math.hypot(...earth.position) / 149597870.7).toBeLessThan(0.993);
  });
});
