import { describe, expect, it } from 'vitest';
import { meanApogee, meanNode, osculatingNode } from './lunar-points.js';

describe('meanNode', () => {
  it('is at 125.0445479° at J2000.0 and regresses 1934.136°/century (Meeus 47.7)', () => {
    const node = meanNode(2451545);
    expect(node.longitude).toBeCloseTo(125.0445479, 7);
    expect(node.longitudeRate * 36525).toBeCloseTo(-1934.1362891, 6);
    expect(node.distance).toBeCloseTo(384400 / 149597870.7, 12);
  });
});

describe('meanApogee', () => {
  it('lies on the mean orbit: latitude within the 5.145° inclination, 180° from the mean perigee in the orbit', () => {
    const apogee = meanApogee(2451545);
    // swetest 2.10.03 (-bj2451545 -ut -pA -fPlbRs) prints 263.4643327 3.4197150; Δψ −13.93″ and ΔT aside.
    expect(apogee.longitude).toBeCloseTo(263.4682, 3);
    expect(apogee.latitude).toBeCloseTo(3.4197, 3);
  });
});

describe('osculatingNode', () => {
  it('finds the ascending node of an inclined circular orbit and its radius', () => {
    // Orbit of radius 0.00257 AU inclined 5° with its ascending node at 30°: at the node, moving prograde.
    const node = (30 * Math.PI) / 180;
    const incl = (5 * Math.PI) / 180;
    const r = 0.00257;
    const speed = Math.sqrt((403503.2419 * 86400 * 86400) / 149597870.7 ** 3 / r);
    const position: [number, number, number] = [r * Math.cos(node), r * Math.sin(node), 0];
    const velocity: [number, number, number] = [
      -speed * Math.sin(node) * Math.cos(incl),
      speed * Math.cos(node) * Math.cos(incl),
      speed * Math.sin(incl),
    ];
    const result = osculatingNode(position, velocity);
    expect(result.longitude).toBeCloseTo(30, 9);
    expect(result.distance).toBeCloseTo(r, 9);
  });
});
