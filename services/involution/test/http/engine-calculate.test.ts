/**
 * POST /calculate end to end through the kernel envelope (inject). Expected positions come from a
 * fresh swetest run (generator named in each assertion message) or from JPL Horizons.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracyBound } from '../../src/domain/ephemeris/analytic-accuracy.js';
import type { Body } from '../../src/domain/ephemeris/bodies.js';
import { arcsecDifference, command, parseRows, runSwetest } from '../oracle/swetest-oracle.js';
import { buildEngine } from './engine-app.js';

type Engine = Awaited<ReturnType<typeof buildEngine>>;
interface Position { longitude: number; latitude: number; distance: number; speed: number; retrograde: boolean; sign: string }
interface Answer { data: Record<string, Position>; meta: Record<string, unknown> & { jd_ut: number }; houses?: { cusps: number[] } }
interface ErrorAnswer { statusCode: number; code: string; message: string; details: Record<string, unknown> & { field?: string; valid?: string[] } }

let engine: Engine;
beforeAll(async () => {
  engine = await buildEngine();
});

const guideBody = { birth_time: '2016-03-20T04:30:00Z', latitude: 37.7749, longitude: -122.4194, elevation: 25, zodiac: 'tropical', ayanamsa: 'lahiri' };

async function calculate(payload: object): Promise<{ status: number; body: Answer & ErrorAnswer; headers: Record<string, unknown> }> {
  const response = await engine.app.inject({ method: 'POST', url: '/calculate', payload });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

describe('POST /calculate', () => {
  it('puts the 2016 March equinox Sun within 1″ of JPL Horizons (λ 359.9998585° at 04:30 UT)', async () => {
    const { status, body } = await calculate(guideBody);
    expect(status).toBe(200);
    expect(Math.abs(arcsecDifference(body.data['Sun']!.longitude, 359.9998585))).toBeLessThan(1);
    expect(body.data['Sun']).toMatchObject({ sign: 'Pisces', retrograde: false });
    expect(body.meta).toMatchObject({ jd_ut: 2457467.6875, zodiac: 'tropical', frame: 'geocentric', calendar: 'gregorian' });
  });

  it('answers the ten chart bodies keyed by name, each within its documented accuracy of swetest', async () => {
    const { body } = await calculate(guideBody);
    const args = ['-b20.3.2016', '-ut4:30', '-p0123456789', '-fPlbRs', '-head'];
    const rows = parseRows(runSwetest(args));
    expect(Object.keys(body.data)).toEqual(['Sun', 'Moon', 'Mercury', 'Venus', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune', 'Pluto']);
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      const ours = body.data[row.body]!;
      const bound = accuracyBound(row.body as Body, 2016.2)!;
      expect(Math.abs(arcsecDifference(ours.longitude, row.longitude)), `${row.body}: ${command(args)}`).toBeLessThanOrEqual(bound);
      expect(Math.abs(ours.latitude - row.latitude) * 3600, row.body).toBeLessThan(2);
      expect(Math.abs(ours.distance - row.distance) / row.distance, row.body).toBeLessThan(1e-5);
      expect(ours.speed).toBeCloseTo(row.speed, 4);
      expect(ours.retrograde).toBe(row.speed < 0);
    }
  });

  it('subtracts the Lahiri ayanamsa in the sidereal zodiac (swetest -sid1)', async () => {
    const { body } = await calculate({ ...guideBody, zodiac: 'sidereal', bodies: ['Sun'] });
    const args = ['-b20.3.2016', '-ut4:30', '-p0', '-fPlbRs', '-sid1', '-head'];
    const [row] = parseRows(runSwetest(args));
    expect(Math.abs(arcsecDifference(body.data['Sun']!.longitude, row!.longitude)), command(args)).toBeLessThan(1);
    expect(body.data['Sun']!.sign).toBe('Pisces');
    expect(body.meta['ayanamsa']).toMatchObject({ name: 'lahiri', kind: 'mean' });
  });

  it('gives the topocentric Moon within 2″ of swetest -topo', async () => {
    const { body } = await calculate({ ...guideBody, topocentric: true, bodies: ['Moon'] });
    const args = ['-b20.3.2016', '-ut4:30', '-p1', '-fPlbRs', '-topo-122.4194,37.7749,25', '-head'];
    const [row] = parseRows(runSwetest(args));
    expect(Math.abs(arcsecDifference(body.data['Moon']!.longitude, row!.longitude)), command(args)).toBeLessThan(2);
    expect(body.meta).toMatchObject({ frame: 'topocentric', observer: { latitude: 37.7749, longitude: -122.4194, elevation: 25 } });
  });

  it('accepts body aliases and the lunar points', async () => {
    const { status, body } = await calculate({ ...guideBody, bodies: ['sun', 'mean_node', 'TrueNode', 'lilith'] });
    expect(status).toBe(200);
    expect(Object.keys(body.data)).toEqual(['Sun', 'MeanNode', 'TrueNode', 'MeanApogee']);
  });

  it('adds house cusps when houses names a system', async () => {
    const { body } = await calculate({ ...guideBody, houses: 'W' });
    expect(body.houses?.cusps).toHaveLength(12);
    expect(body.houses!.cusps.every((c) => c % 30 === 0)).toBe(true);
  });

  it('reads dates before 1582-10-15 in the Julian calendar and the reform days in the Gregorian one', async () => {
    const julian = await calculate({ ...guideBody, birth_time: '1582-10-04T12:00:00Z' });
    const gregorian = await calculate({ ...guideBody, birth_time: '1582-10-15T12:00:00Z' });
    expect(julian.body.meta).toMatchObject({ jd_ut: 2299160, calendar: 'julian' });
    expect(gregorian.body.meta).toMatchObject({ jd_ut: 2299161, calendar: 'gregorian' });
    const forced = await calculate({ ...guideBody, birth_time: '1582-10-04T12:00:00Z', calendar: 'gregorian' });
    expect(forced.body.meta['jd_ut']).toBe(2299150);
  });

  it('applies the zone offset of birth_time', async () => {
    const { body } = await calculate({ ...guideBody, birth_time: '2016-03-20T06:30:00+02:00' });
    expect(body.meta['jd_ut']).toBe(2457467.6875);
  });
});

describe('POST /calculate refusals (422 naming the field)', () => {
  it('refuses a time without a zone', async () => {
    const { status, body } = await calculate({ ...guideBody, birth_time: '2016-03-20T04:30:00' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_INVALID_INPUT', details: { field: 'birth_time' } });
    expect(body.message).toContain('no zone');
  });

  it('refuses latitude 91 and longitude 181', async () => {
    const { status, body } = await calculate({ ...guideBody, latitude: 91, longitude: 181 });
    expect(status).toBe(422);
    expect(body.code).toBe('KERNEL_VALIDATION_FAILED');
    expect((body.details as unknown as { field: string }[]).map((d) => d.field).sort()).toEqual(['body/latitude', 'body/longitude']);
  });

  it('refuses an unknown body, listing the valid ones', async () => {
    const { status, body } = await calculate({ ...guideBody, bodies: ['Sun', 'Vulcan'] });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_UNKNOWN_BODY', details: { field: 'bodies', unknown: ['Vulcan'] } });
    expect(body.details.valid).toEqual(['Sun', 'Moon', 'Mercury', 'Venus', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune', 'Pluto', 'MeanNode', 'TrueNode', 'MeanApogee']);
  });

  it('refuses Chiron, which needs a kernel', async () => {
    const { status, body } = await calculate({ ...guideBody, bodies: ['Chiron'] });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_BODY_UNSUPPORTED', details: { field: 'bodies' } });
  });

  it('refuses an unknown ayanamsa, listing the valid ones', async () => {
    const { status, body } = await calculate({ ...guideBody, ayanamsa: 'galactic' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_UNKNOWN_AYANAMSA', details: { field: 'ayanamsa' } });
    expect(body.details.valid).toEqual(['lahiri', 'fagan_bradley', 'krishnamurti', 'raman', 'yukteshwar', 'true_chitra']);
  });

  it('refuses an unknown zodiac and house system', async () => {
    const zodiac = await calculate({ ...guideBody, zodiac: 'draconic' });
    expect(zodiac.status).toBe(422);
    expect((zodiac.body.details as unknown as { field: string }[])[0]!.field).toBe('body/zodiac');
    const houses = await calculate({ ...guideBody, houses: 'topocentric-x' });
    expect(houses.body).toMatchObject({ code: 'INVOLUTION_UNKNOWN_HOUSE_SYSTEM', details: { field: 'houses' } });
  });

  it('refuses a date outside the provider coverage with the coverage', async () => {
    const { status, body } = await calculate({ ...guideBody, birth_time: '1066-10-14T12:00:00Z' });
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'INVOLUTION_OUT_OF_RANGE',
      details: { field: 'birth_time', requested_year: 1066, coverage: { provider: 'analytic-vsop87b-elpmpp02', start_year: 1400, end_year: 2600 } },
    });
  });

  it('parses extended and negative years before refusing them for coverage', async () => {
    const { status, body } = await calculate({ ...guideBody, birth_time: '-0043-03-15T12:00:00+00:00' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_OUT_OF_RANGE', details: { requested_year: -43 } });
  });

  it('refuses Pluto asked for outside its table (1800–2400)', async () => {
    const { status, body } = await calculate({ ...guideBody, birth_time: '1779-03-14T10:50:04Z', bodies: ['Pluto'] });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'INVOLUTION_OUT_OF_RANGE', details: { field: 'bodies' } });
  });

  it('leaves Pluto out of a default chart before 1800 and says so', async () => {
    const { status, body } = await calculate({ ...guideBody, birth_time: '1779-03-14T10:50:04Z' });
    expect(status).toBe(200);
    expect(Object.keys(body.data)).not.toContain('Pluto');
    expect(body.meta['omitted_bodies']).toEqual(['Pluto']);
  });
});
