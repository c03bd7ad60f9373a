import { describe, expect, it } from 'vitest';
import { aberrate, deflectByTheSun, LIGHT_AU_PER_DAY, retardedPosition } from './apparent-place.js';
import { ARCSEC } from './angles.js';

describe('retardedPosition', () => {
  it('finds the 499.005 s light time of a body at rest 1 AU away', () => {
    const { lightTime, position } = retardedPosition([2, 0, 0], [0, 0, 0], [1, 0, 0], 0);
    expect(lightTime * 86400).toBeCloseTo(499.004784, 5);
    expect(position).toEqual([2, 0, 0]);
  });

  it('moves a body back along its velocity by the light time', () => {
    const { lightTime, position } = retardedPosition([0, 1, 0], [0.01, 0, 0], [0, 0, 0], 0);
    expect(position[0]).toBeCloseTo(-0.01 * lightTime, 12);
    expect(lightTime).toBeCloseTo(1 / LIGHT_AU_PER_DAY, 8);
  });
});

describe('aberrate', () => {
  it('shifts a direction perpendicular to a 29.78 km/s motion by v/c = 20.49″ towards the motion', () => {
    const v = (29.78 / 149597870.7) * 86400; // AU/day
    const shifted = aberrate([1, 0, 0], [0, v, 0]);
    expect(Math.atan2(shifted[1], shifted[0]) / ARCSEC).toBeCloseTo(20.49, 2);
  });
});

describe('deflectByTheSun', () => {
  it('bends light by 4.07 mas at 90° from the Sun, away from it', () => {
    // Observer 1 AU from the Sun on +x, star towards +y: the Sun is at −x as seen from the observer.
    const deflected = deflectByTheSun([0, 1, 0], [0, 1e9, 0], [1, 0, 0]);
    expect(deflected[0] / ARCSEC).toBeCloseTo(0.00407, 5);
  });
});
