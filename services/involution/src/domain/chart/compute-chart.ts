/**
 * A chart from a validated request: apparent positions (tropical or sidereal), house cusps with the
 * angles, and aspects. Pure: the provider is passed in; the HTTP routes and the CLI both call this.
 */
import { InvolutionError } from '../../errors.js';
import { ayanamsaAtTt, type AyanamsaValue } from '../ayanamsa/ayanamsa.js';
import type { AyanamsaName } from '../ayanamsa/ayanamsa-catalog.js';
import type { EphemerisProvider, Observer } from '../ephemeris/provider.js';
import { zodiacSign } from '../ephemeris/zodiac-sign.js';
import { housesAtUt } from '../houses/houses-at-time.js';
import type { HouseSystem } from '../houses/house-system.js';
import { calendarDate } from '../time/julian-day.js';
import { ttFromUt } from '../time/delta-t.js';
import { findAspects, type Aspect, type AspectName, type AspectPoint } from './aspects.js';
import type { ChartBody, ChartEphemeris } from './chart-ephemeris.js';

/** Tropical (from the true equinox of date) or sidereal (minus an ayanamsa). */
export type Zodiac = 'tropical' | 'sidereal';

/** What every chart computation needs. */
export interface ChartInput {
  jdUt: number;
  latitude: number;
  longitude: number;
  /** Metres above the ellipsoid. */
  elevation: number;
  zodiac: Zodiac;
  ayanamsa: AyanamsaName;
  topocentric: boolean;
}

/** One body as `/calculate` answers it. */
export interface PositionAnswer {
  longitude: number;
  latitude: number;
  distance: number;
  speed: number;
  retrograde: boolean;
  sign: string;
  degree_in_sign: number;
}

/** House cusps and angles as the API answers them. */
export interface HousesAnswer {
  system: HouseSystem;
  cusps: number[];
  angles: { ascendant: number; mc: number; armc: number; vertex: number; east_point: number };
}

/** Positions keyed by body name, and the quantities used. */
export interface PositionsResult {
  positions: Partial<Record<ChartBody, PositionAnswer>>;
  jdTt: number;
  deltaT: number;
  /** The ayanamsa applied (sidereal zodiac only), with its daily rate. */
  ayanamsa: (AyanamsaValue & { speed: number }) | undefined;
}

const norm = (x: number): number => ((x % 360) + 360) % 360;

function yearOfJd(jd: number): number {
  return calendarDate(jd).year;
}

/**
 * Refuses an instant outside the provider's coverage with the coverage in the details.
 * @throws InvolutionError INVOLUTION_OUT_OF_RANGE naming `field`.
 */
export function assertCovered(provider: EphemerisProvider, jdTt: number, field = 'birth_time'): void {
  const { start, end } = provider.coverage;
  if (jdTt >= start && jdTt <= end) return;
  const startDate = calendarDate(start);
  const endDate = calendarDate(end);
  throw new InvolutionError(
    'INVOLUTION_OUT_OF_RANGE',
    `The ${provider.id} ephemeris covers ${startDate.year}-${String(startDate.month).padStart(2, '0')}-${String(startDate.day).padStart(2, '0')} to ${endDate.year}-${String(endDate.month).padStart(2, '0')}-${String(endDate.day).padStart(2, '0')} (TT); the requested instant is in ${yearOfJd(jdTt)}`,
    {
      field,
      details: {
        requested_year: yearOfJd(jdTt),
        requested_jd_tt: jdTt,
        coverage: { provider: provider.id, start_jd_tt: start, end_jd_tt: end, start_year: startDate.year, end_year: endDate.year },
      },
    },
  );
}

function ayanamsaWithRate(name: AyanamsaName, jdTt: number): AyanamsaValue & { speed: number } {
  const value = ayanamsaAtTt(name, jdTt);
  const before = ayanamsaAtTt(name, jdTt - 0.5).value;
  const after = ayanamsaAtTt(name, jdTt + 0.5).value;
  let rate = after - before;
  if (rate > 180) rate -= 360;
  if (rate < -180) rate += 360;
  return { ...value, speed: rate };
}

/**
 * Apparent positions of `bodies` at `input.jdUt`, tropical or sidereal (longitude and speed less the
 * ayanamsa and its rate, as Swiss Ephemeris' SEFLG_SIDEREAL does).
 * @throws InvolutionError INVOLUTION_OUT_OF_RANGE outside the provider's coverage.
 */
export function computePositions(provider: ChartEphemeris, input: ChartInput, bodies: readonly ChartBody[]): PositionsResult {
  const jdTt = ttFromUt(input.jdUt);
  assertCovered(provider, jdTt);
  const observer: Observer | undefined = input.topocentric
    ? { latitude: input.latitude, longitude: input.longitude, elevation: input.elevation }
    : undefined;
  const ayanamsa = input.zodiac === 'sidereal' ? ayanamsaWithRate(input.ayanamsa, jdTt) : undefined;
  const positions: Partial<Record<ChartBody, PositionAnswer>> = {};
  for (const body of bodies) {
    const p = provider.position(body, jdTt, observer ? { observer } : {});
    const longitude = ayanamsa ? norm(p.longitude - ayanamsa.value) : p.longitude;
    const speed = ayanamsa ? p.speed - ayanamsa.speed : p.speed;
    const sign = ayanamsa ? zodiacSign(longitude) : p.sign;
    positions[body] = {
      longitude,
      latitude: p.latitude,
      distance: p.distance,
      speed,
      retrograde: speed < 0,
      sign: sign.name,
      degree_in_sign: sign.degree,
    };
  }
  return { positions, jdTt, deltaT: (jdTt - input.jdUt) * 86400, ayanamsa };
}

/**
 * House cusps and angles; sidereal charts subtract the ayanamsa from every ecliptic longitude (not
 * from ARMC, a right ascension).
 * @throws InvolutionError INVOLUTION_HOUSES_POLAR for Placidus/Koch inside the polar circles.
 */
export function computeHouses(system: HouseSystem, input: ChartInput): HousesAnswer {
  const houses = housesAtUt(system, input.jdUt, { latitude: input.latitude, longitude: input.longitude });
  const shift = input.zodiac === 'sidereal' ? ayanamsaAtTt(input.ayanamsa, ttFromUt(input.jdUt)).value : 0;
  const s = (x: number): number => norm(x - shift);
  return {
    system,
    cusps: houses.cusps.map(s),
    angles: {
      ascendant: s(houses.angles.ascendant),
      mc: s(houses.angles.mc),
      armc: houses.angles.armc,
      vertex: s(houses.angles.vertex),
      east_point: s(houses.angles.eastPoint),
    },
  };
}

/** Aspects between bodies and, when houses are given, the Ascendant and Midheaven. */
export function computeAspects(
  positions: Partial<Record<ChartBody, PositionAnswer>>,
  houses: HousesAnswer | undefined,
  orbs: Partial<Record<AspectName, number>>,
): Aspect[] {
  const points: AspectPoint[] = Object.entries(positions).map(([name, p]) => ({ name, longitude: p.longitude, speed: p.speed }));
  if (houses) {
    // The angles move with the sky, not along the ecliptic at a body's pace: no applying flag.
    points.push({ name: 'Ascendant', longitude: houses.angles.ascendant }, { name: 'MC', longitude: houses.angles.mc });
  }
  return findAspects(points, orbs);
}
