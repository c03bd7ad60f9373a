/**
 * Request bodies of the engine, after the deployment guide's `/calculate` body:
 * `{birth_time, latitude, longitude, elevation, zodiac, ayanamsa}` plus `bodies`, `topocentric`, `houses`.
 * Ranges are checked here (422 naming the field); names (bodies, ayanamsas, house systems) are checked
 * by the domain so the answer can list the valid ones.
 */
import { Type, type Static } from '@svc/kernel';

const latitude = Type.Number({ minimum: -90, maximum: 90, description: 'geodetic latitude, degrees north' });
const longitude = Type.Number({ minimum: -180, maximum: 180, description: 'longitude, degrees east' });
const elevation = Type.Number({ minimum: -500, maximum: 20000, default: 0, description: 'metres above the WGS84 ellipsoid' });
const zodiac = Type.Enum(['tropical', 'sidereal'], { default: 'tropical' });
const ayanamsa = Type.String({ default: 'lahiri', description: 'lahiri, fagan_bradley, krishnamurti, raman, yukteshwar, true_chitra' });
const calendar = Type.Enum(['auto', 'gregorian', 'julian'], {
  default: 'auto',
  description: 'auto: Julian calendar before 1582-10-15, Gregorian after',
});
const bodies = Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 20, description: 'default: Sun … Pluto' });
const houseSystem = Type.String({ description: 'placidus, koch, porphyry, regiomontanus, campanus, equal, whole_sign (or P K O R C E W)' });

/** Fields shared by every chart request except the time. */
const placeAndZodiac = {
  latitude,
  longitude,
  elevation: Type.Optional(elevation),
  zodiac: Type.Optional(zodiac),
  ayanamsa: Type.Optional(ayanamsa),
};

const chartOptions = {
  bodies: Type.Optional(bodies),
  topocentric: Type.Optional(Type.Boolean({ default: false })),
  houses: Type.Optional(houseSystem),
};

const birthTime = Type.String({
  minLength: 1,
  description: 'ISO 8601 with a zone: 2024-06-21T18:00:00Z, 1879-03-14T10:50:04+00:00, -0044-03-15T12:00:00Z',
});

/** POST /calculate. */
export const calculateBody = Type.Object({ birth_time: birthTime, calendar: Type.Optional(calendar), ...placeAndZodiac, ...chartOptions });
export type CalculateBody = Static<typeof calculateBody>;

/** POST /houses. */
export const housesBody = Type.Object({
  birth_time: birthTime,
  calendar: Type.Optional(calendar),
  latitude,
  longitude,
  system: Type.Optional(houseSystem),
  zodiac: Type.Optional(zodiac),
  ayanamsa: Type.Optional(ayanamsa),
});
export type HousesBody = Static<typeof housesBody>;

/** Aspect options of POST /v1/chart. */
const aspectOptions = Type.Object({
  include: Type.Optional(Type.Array(Type.String(), { description: 'default: conjunction, opposition, trine, square, sextile' })),
  orbs: Type.Optional(Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 15 }), { description: 'degrees per aspect' })),
});

/** POST /v1/chart. */
export const chartBody = Type.Object({
  birth_time: birthTime,
  calendar: Type.Optional(calendar),
  ...placeAndZodiac,
  ...chartOptions,
  aspects: Type.Optional(aspectOptions),
});
export type ChartBody = Static<typeof chartBody>;

/** Local-time fields resolved through tzdb (shared with the time service). */
export const localTimeFields = {
  local_time: Type.String({ minLength: 1, description: 'wall-clock reading without a zone: 1962-07-02T23:33:00' }),
  zone: Type.Optional(Type.String({ description: 'IANA zone; default: found from the coordinates' })),
  lmt_mode: Type.Optional(Type.Enum(['longitude', 'tzdb'], { default: 'longitude' })),
  fold: Type.Optional(Type.Enum(['earlier', 'later'], { default: 'earlier' })),
  gap: Type.Optional(Type.Enum(['before', 'after'], { default: 'before' })),
};

/** POST /calculate-with-time-resolution. */
export const calculateLocalBody = Type.Object({ ...localTimeFields, ...placeAndZodiac, ...chartOptions });
export type CalculateLocalBody = Static<typeof calculateLocalBody>;
