/**
 * POST /v1/time/resolve through the time service: tzdb history, LMT modes, DST gaps and folds.
 * Expected instants are the named charts' and tzdb's own transitions (America/New_York 2021).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeService } from '../../src/apps/time-app.js';

type Time = Awaited<ReturnType<typeof timeService.build>>;
let service: Time;
beforeAll(async () => {
  service = await timeService.build({ env: { LOG_LEVEL: 'silent', RATE_LIMIT_REQUESTS: '100000' } });
});
afterAll(async () => {
  await service.close();
});

interface Resolved {
  utc: string;
  zone: string;
  offset: string;
  method: string;
  status: string;
  abbreviation: string;
  is_dst: boolean;
  choices: { label: string; utc: string; offset: string }[];
  warnings: string[];
  tzdb_version: string;
  code?: string;
  details?: { field?: string } | { field: string }[];
}

async function resolve(payload: object): Promise<{ status: number; body: Resolved }> {
  const response = await service.app.inject({ method: 'POST', url: '/v1/time/resolve', payload });
  return { status: response.statusCode, body: response.json() };
}

describe('POST /v1/time/resolve', () => {
  it('resolves Fort Knox 1962-07-02 23:33 local to 1962-07-03T04:33:00Z', async () => {
    const { status, body } = await resolve({ local_time: '1962-07-02T23:33:00', latitude: 37.89, longitude: -85.96 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ utc: '1962-07-03T04:33:00.000Z', offset: '-05:00', status: 'unique', method: 'tzdb' });
    expect(body.tzdb_version).toMatch(/^\d{4}[a-z]$/);
  });

  it('uses the birth longitude LMT by default and the zone LMT with lmt_mode=tzdb (Einstein, Ulm 1879)', async () => {
    const place = { local_time: '1879-03-14T11:30:00', latitude: 48.4, longitude: 9 + 59 / 60 };
    const longitude = await resolve(place);
    expect(longitude.body).toMatchObject({ utc: '1879-03-14T10:50:04.000Z', method: 'lmt-longitude', offset: '+00:39:56', abbreviation: 'LMT' });
    // tzdb: Europe/Berlin LMT is +0:53:28 (Berlin's mean time).
    const tzdb = await resolve({ ...place, lmt_mode: 'tzdb' });
    expect(tzdb.body).toMatchObject({ utc: '1879-03-14T10:36:32.000Z', method: 'lmt-tzdb', offset: '+00:53:28', zone: 'Europe/Berlin' });
  });

  it('returns both readings of a skipped time with a warning (New York, 2021-03-14 02:30)', async () => {
    const place = { local_time: '2021-03-14T02:30:00', latitude: 40.7128, longitude: -74.006 };
    const before = await resolve(place);
    expect(before.body).toMatchObject({ status: 'nonexistent', utc: '2021-03-14T07:30:00.000Z', zone: 'America/New_York' });
    expect(before.body.choices.map((c) => [c.label, c.utc])).toEqual([
      ['before', '2021-03-14T07:30:00.000Z'],
      ['after', '2021-03-14T06:30:00.000Z'],
    ]);
    expect(before.body.warnings.some((w) => w.includes('does not exist'))).toBe(true);
    const after = await resolve({ ...place, gap: 'after' });
    expect(after.body.utc).toBe('2021-03-14T06:30:00.000Z');
  });

  it('returns both readings of a repeated time (New York, 2021-11-07 01:30)', async () => {
    const place = { local_time: '2021-11-07T01:30:00', latitude: 40.7128, longitude: -74.006 };
    const earlier = await resolve(place);
    expect(earlier.body).toMatchObject({ status: 'ambiguous', utc: '2021-11-07T05:30:00.000Z', offset: '-04:00' });
    expect(earlier.body.choices.map((c) => c.offset)).toEqual(['-04:00', '-05:00']);
    const later = await resolve({ ...place, fold: 'later' });
    expect(later.body).toMatchObject({ utc: '2021-11-07T06:30:00.000Z', offset: '-05:00' });
  });

  it('takes an explicit IANA zone over the coordinates', async () => {
    const { body } = await resolve({ local_time: '2024-01-15T12:00:00', latitude: 40.7128, longitude: -74.006, zone: 'Europe/London' });
    expect(body).toMatchObject({ utc: '2024-01-15T12:00:00.000Z', zone: 'Europe/London' });
  });

  it('refuses bad input naming the field', async () => {
    const zoned = await resolve({ local_time: '1962-07-02T23:33:00-05:00', latitude: 37.89, longitude: -85.96 });
    expect(zoned.status).toBe(422);
    expect(zoned.body.details).toMatchObject({ field: 'local_time' });
    const latitude = await resolve({ local_time: '1962-07-02T23:33:00', latitude: 91, longitude: -85.96 });
    expect(latitude.status).toBe(422);
    expect(latitude.body.details).toEqual([{ field: 'body/latitude', message: 'must be <= 90' }]);
    const zone = await resolve({ local_time: '1962-07-02T23:33:00', latitude: 37.89, longitude: -85.96, zone: 'Mars/Olympus_Mons' });
    expect(zone.body).toMatchObject({ code: 'INVOLUTION_UNKNOWN_TIMEZONE', details: { field: 'zone' } });
    const day = await resolve({ local_time: '2023-02-29T12:00:00', latitude: 37.89, longitude: -85.96 });
    expect(day.body).toMatchObject({ code: 'INVOLUTION_DATE_INVALID', details: { field: 'local_time.day' } });
  });

  it('reports the tzdb version in /health', async () => {
    const health = (await service.app.inject('/health')).json<{ checks: Record<string, { status: string; tzdb_version?: string }> }>();
    expect(Object.keys(health.checks).sort()).toEqual(['security', 'system', 'time_resolver']);
    expect(health.checks['time_resolver']).toMatchObject({ status: 'ok' });
    expect(health.checks['time_resolver']!.tzdb_version).toMatch(/^\d{4}[a-z]$/);
  });
});
