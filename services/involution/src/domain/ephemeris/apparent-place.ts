/**
 * Apparent-place corrections on geocentric (or topocentric) vectors: light time, gravitational deflection
 * by the Sun, and relativistic aberration (the formulation of the IERS Conventions / SOFA, which Swiss
 * Ephemeris also follows).
 */
import { cross, dot, norm, type Vector3 } from './matrix3.js';

/** Speed of light in AU/day. */
export const LIGHT_AU_PER_DAY = (299792458 * 86400) / 149597870700;
/** Heliocentric gravitational constant k² in AU³/day². */
export const SUN_GM = 0.01720209895 ** 2;
/** 2GM_sun/c² in AU (Schwarzschild radius of the Sun). */
const SUN_SCHWARZSCHILD = 1.97412574336e-8;

/**
 * Light-time iteration for a body whose heliocentric state at t is known: finds τ with
 * |P(t − τ) − O| = c τ, propagating P by its velocity and Keplerian acceleration (error < 0.001″ for planets).
 * Returns the retarded heliocentric position and τ (days).
 */
export function retardedPosition(position: Vector3, velocity: Vector3, observer: Vector3, gm = SUN_GM): { position: Vector3; lightTime: number } {
  const r = norm(position);
  const k = -gm / (r * r * r);
  let tau = 0;
  let retarded: Vector3 = position;
  for (let i = 0; i < 3; i += 1) {
    const half = 0.5 * tau * tau * k;
    retarded = [
      position[0] - tau * velocity[0] + half * position[0],
      position[1] - tau * velocity[1] + half * position[1],
      position[2] - tau * velocity[2] + half * position[2],
    ];
    const dx = retarded[0] - observer[0];
    const dy = retarded[1] - observer[1];
    const dz = retarded[2] - observer[2];
    tau = Math.sqrt(dx * dx + dy * dy + dz * dz) / LIGHT_AU_PER_DAY;
  }
  return { position: retarded, lightTime: tau };
}

/**
 * Deflection of light by the Sun. `direction`: unit vector observer → body; `bodyFromSun`: heliocentric
 * body vector; `observerFromSun`: heliocentric observer vector. Returns the deflected unit vector.
 */
export function deflectByTheSun(direction: Vector3, bodyFromSun: Vector3, observerFromSun: Vector3): Vector3 {
  const observerDistance = norm(observerFromSun);
  const q = scale(bodyFromSun, 1 / norm(bodyFromSun));
  const e = scale(observerFromSun, 1 / observerDistance);
  const qpe: Vector3 = [q[0] + e[0], q[1] + e[1], q[2] + e[2]];
  // Behind the Sun the formula diverges; like SOFA, cap the denominator.
  const w = SUN_SCHWARZSCHILD / observerDistance / Math.max(dot(q, qpe), 1e-9);
  const deflection = cross(direction, cross(e, q));
  return normalize([direction[0] + w * deflection[0], direction[1] + w * deflection[1], direction[2] + w * deflection[2]]);
}

/**
 * Relativistic (special-relativity) aberration of a unit direction for an observer moving with `velocity`
 * (AU/day, barycentric).
 */
export function aberrate(direction: Vector3, velocity: Vector3): Vector3 {
  const v = scale(velocity, 1 / LIGHT_AU_PER_DAY);
  const bm1 = Math.sqrt(1 - dot(v, v));
  const pdv = dot(direction, v);
  const w1 = 1 + pdv / (1 + bm1);
  return normalize([
    direction[0] * bm1 + w1 * v[0],
    direction[1] * bm1 + w1 * v[1],
    direction[2] * bm1 + w1 * v[2],
  ]);
}

function scale(v: Vector3, f: number): Vector3 {
  return [v[0] * f, v[1] * f, v[2] * f];
}

function normalize(v: Vector3): Vector3 {
  return scale(v, 1 / norm(v));
}
