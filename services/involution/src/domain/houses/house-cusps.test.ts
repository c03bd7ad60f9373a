import { describe, expect, it } from 'vitest';
import { InvolutionError } from '../../errors.js';
import { housesFromFrame, midheaven, obliqueAscensionToLongitude } from './house-cusps.js';
import { parseHouseSystem } from './house-system.js';

// Generator: `swetest -bj2451545.0 -ut -p -house12.05,49.50,<letter> -fPl -head -g,` (Swiss Ephemeris
// 2.10.03), which prints ARMC 292.5070724 and true obliquity 23°26'15.6362" for this instant.
const frame = { armc: 292.5070724, trueObliquity: 23 + 26 / 60 + 15.6362 / 3600, latitude: 49.5 };
const expected: Record<string, number[]> = {
  placidus: [45.0670215, 73.1355023, 92.4432461, 110.8153442, 133.1036301, 167.7162522, 225.0670215, 253.1355023, 272.4432461, 290.8153442, 313.1036301, 347.7162522],
  koch: [45.0670215, 73.4571129, 93.9220114, 110.8153442, 141.2511916, 184.0442065, 225.0670215, 253.4571129, 273.9220114, 290.8153442, 321.2511916, 4.0442065],
  porphyry: [45.0670215, 66.9831291, 88.8992366, 110.8153442, 148.8992366, 186.9831291, 225.0670215, 246.9831291, 268.8992366, 290.8153442, 328.8992366, 6.9831291],
  regiomontanus: [45.0670215, 78.9371275, 96.5140418, 110.8153442, 129.1263186, 165.5579078, 225.0670215, 258.9371275, 276.5140418, 290.8153442, 309.1263186, 345.5579078],
  campanus: [45.0670215, 86.6880393, 101.0279953, 110.8153442, 122.359115, 147.7196173, 225.0670215, 266.6880393, 281.0279953, 290.8153442, 302.359115, 327.7196173],
  equal: [45.0670215, 75.0670215, 105.0670215, 135.0670215, 165.0670215, 195.0670215, 225.0670215, 255.0670215, 285.0670215, 315.0670215, 345.0670215, 15.0670215],
  whole_sign: [30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 0],
};

describe('housesFromFrame', () => {
  for (const [system, cusps] of Object.entries(expected)) {
    it(`reproduces swetest's ${system} cusps to 1e-6° when given swetest's ARMC and obliquity`, () => {
      const result = housesFromFrame(parseHouseSystem(system), frame);
      result.cusps.forEach((c, i) => expect(c).toBeCloseTo(cusps[i]!, 6));
    });
  }

  it('returns swetest angles: ASC 45.0670215, MC 290.8153442, Vertex 197.8695392, East Point 24.3048805', () => {
    const { angles } = housesFromFrame('equal', frame);
    expect(angles.ascendant).toBeCloseTo(45.0670215, 6);
    expect(angles.mc).toBeCloseTo(290.8153442, 6);
    expect(angles.vertex).toBeCloseTo(197.8695392, 6);
    expect(angles.eastPoint).toBeCloseTo(24.3048805, 6);
    expect(angles.armc).toBe(292.5070724);
  });

  it('throws INVOLUTION_HOUSES_POLAR naming the latitude and the systems that work when Placidus is asked at 70° N', () => {
    const polar = { ...frame, latitude: 70 };
    let error: unknown;
    try {
      housesFromFrame('placidus', polar);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvolutionError);
    const e = error as InvolutionError;
    expect(e.code).toBe('INVOLUTION_HOUSES_POLAR');
    expect(e.statusCode).toBe(422);
    expect(e.field).toBe('latitude');
    expect(e.details?.['supportedSystems']).toEqual(['porphyry', 'regiomontanus', 'campanus', 'equal', 'whole_sign']);
    expect(() => housesFromFrame('koch', { ...frame, latitude: -67 })).toThrow(InvolutionError);
    expect(housesFromFrame('porphyry', polar).cusps).toHaveLength(12);
  });

  it('places the MC at ARMC when the obliquity is zero and the cusp at right ascension 0 for ARMC 0', () => {
    expect(midheaven(123.25, 0)).toBeCloseTo(123.25, 12);
    expect(midheaven(0, 23.4)).toBe(0);
    expect(obliqueAscensionToLongitude(90, 0, 23.4)).toBeCloseTo(90, 12);
  });
});

describe('parseHouseSystem', () => {
  it('accepts names and Swiss Ephemeris letters', () => {
    expect(parseHouseSystem('Placidus')).toBe('placidus');
    expect(parseHouseSystem('Whole Sign')).toBe('whole_sign');
    expect(parseHouseSystem('W')).toBe('whole_sign');
    expect(parseHouseSystem('R')).toBe('regiomontanus');
  });

  it('throws INVOLUTION_UNKNOWN_HOUSE_SYSTEM listing the valid names for "topocentric"', () => {
    expect(() => parseHouseSystem('topocentric')).toThrow(/Unknown house system/);
    try {
      parseHouseSystem('topocentric');
    } catch (e) {
      expect((e as InvolutionError).details?.['valid']).toEqual(['placidus', 'koch', 'porphyry', 'regiomontanus', 'campanus', 'equal', 'whole_sign']);
    }
  });
});
