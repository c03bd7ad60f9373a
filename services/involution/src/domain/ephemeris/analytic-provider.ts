/**
 * The embedded analytic ephemeris: VSOP87B planets, ELP/MPP02 (DE405 fit) Moon, tabulated Pluto, mean lunar
 * elements, with the apparent-place pipeline of apparent-place.ts and the frames of frames.ts.
 *
 * Coverage 1400-01-01 to 2600-01-01 TT (the span the series truncation is tuned for); accuracy against
 * Swiss Ephemeris (DE431) is measured by test/oracle over 1800–2400. Pluto only within PLUTO_COVERAGE.
 *
 * Speeds are analytic: the apparent geocentric velocity (body minus observer velocity, scaled by 1 − dτ/dt
 * for light time, which also carries the aberration's rate) rotated into the frame of date, plus the
 * rotation rate of that frame (precession and nutation).
 */
import { DEG, normalizeDegrees } from './angles.js';
import type { Body } from './bodies.js';
import { transpose, vsop87ToTrueEclipticOfDate, vsop87ToTrueEclipticOfDateRate } from './frames.js';
import { geocentricMoonPlace, geocentricMoonState, type LunarPrecision } from './lunar-theory.js';
import { meanApogee, meanNode, osculatingNode } from './lunar-points.js';
import { add, apply, dot, norm, rotationX, scaled, sub, type Matrix3, type Vector3 } from './matrix3.js';
import {
  apparentSphericalPlace,
  type ApparentState,
  type SphericalState,
} from './apparent-spherical-place.js';
import { aberrate, deflectByTheSun, LIGHT_AU_PER_DAY, retardedPosition, SUN_GM } from './apparent-place.js';
import { nutation, nutationRate } from './nutation.js';
import { meanObliquity } from './obliquity.js';
import { heliocentricPlace, type VsopBody } from './planetary-theory.js';
import { PLUTO_COVERAGE, plutoHeliocentricState } from './pluto-theory.js';
import type { BodyPosition, Coverage, EphemerisProvider, Observer, PositionOptions } from './provider.js';
import { EARTH_ROTATION, assertObserver, observerGeocentricState } from './topocentric-observer.js';
import { zodiacSign } from './zodiac-sign.js';
import { InvolutionError } from '../../errors.js';
import { utFromTt } from '../time/delta-t.js';

/** Julian days (TT) the analytic provider answers for: 1400-01-01 to 2600-01-01. */
export const ANALYTIC_COVERAGE: Coverage = { start: 2232407.5, end: 2670690.5 };

/** Half-step (days) of the central difference for the true node's speed. */
const NODE_STEP = 0.01;

type State = { position: Vector3; velocity: Vector3 };

interface InstantContext {
  jdTt: number;
  /** VSOP87 ecliptic J2000 → true ecliptic and equinox of date, and its rate per day. */
  toDate: Matrix3;
  toDateRate: Matrix3;
  fromDate: Matrix3;
  earthPosition: Vector3;
  earthVelocity: Vector3;
  moon: State | undefined;
}

const contexts = new Map<number, InstantContext>();

function instantContext(jdTt: number): InstantContext {
  const found = contexts.get(jdTt);
  if (found) return found;
  const toDate = vsop87ToTrueEclipticOfDate(jdTt);
  const earth = heliocentricPlace('Earth', jdTt);
  const context: InstantContext = {
    jdTt,
    toDate,
    toDateRate: vsop87ToTrueEclipticOfDateRate(jdTt),
    fromDate: transpose(toDate),
    earthPosition: earth.position,
    earthVelocity: earth.velocity,
    moon: undefined,
  };
  if (contexts.size >= 16) contexts.delete(contexts.keys().next().value ?? 0);
  contexts.set(jdTt, context);
  return context;
}

/** Precise position; velocity from the coarse series' analytic derivative (good to ~1e-6). */
function moonState(context: InstantContext): State {
  context.moon ??= geocentricMoonPlace(context.jdTt);
  return context.moon;
}

/** The geocentre's own offset (never mutated: every use builds new vectors). */
const GEOCENTRE: Readonly<State & { acceleration: Vector3 }> = {
  position: [0, 0, 0],
  velocity: [0, 0, 0],
  acceleration: [0, 0, 0],
};

/** Observer offset from the geocentre in the VSOP87 J2000 frame: AU, AU/day, AU/day². */
function observerOffset(
  context: InstantContext,
  observer: Observer | undefined,
): State & { acceleration: Vector3 } {
  if (!observer) return GEOCENTRE;
  const equatorial = observerGeocentricState(observer, utFromTt(context.jdTt));
  const toEcliptic = rotationX(meanObliquity(context.jdTt) + nutation(context.jdTt).obliquity);
  const toVsop = (v: Vector3): Vector3 => apply(context.fromDate, apply(toEcliptic, v));
  const w2 = EARTH_ROTATION * EARTH_ROTATION;
  return {
    position: toVsop(equatorial.position),
    velocity: toVsop(equatorial.velocity),
    acceleration: toVsop([-w2 * equatorial.position[0], -w2 * equatorial.position[1], 0]),
  };
}

function keplerAcceleration(position: Vector3): Vector3 {
  const r = norm(position);
  return scaled(position, -SUN_GM / (r * r * r));
}

function apparentState(body: Body, context: InstantContext, observer: Observer | undefined): ApparentState {
  const offset = observerOffset(context, observer);
  const observerPosition = add(context.earthPosition, offset.position);
  const observerVelocity = add(context.earthVelocity, offset.velocity);
  const observerAcceleration = add(keplerAcceleration(context.earthPosition), offset.acceleration);
  if (body === 'Moon') {
    const moon = moonState(context);
    const relative = sub(moon.position, offset.position);
    const tau = norm(relative) / LIGHT_AU_PER_DAY;
    // Barycentric Moon at t − τ minus the observer at t: the Moon's and the Earth's motion during τ.
    const vector = sub(relative, scaled(add(moon.velocity, context.earthVelocity), tau));
    const distance = norm(vector);
    return {
      direction: aberrate(scaled(vector, 1 / distance), observerVelocity),
      distance,
      distanceRate: dot(vector, sub(moon.velocity, offset.velocity)) / distance,
      motion: sub(relative, scaled(moon.velocity, tau)),
      velocity: sub(moon.velocity, offset.velocity),
    };
  }
  let retarded: Vector3;
  let tau: number;
  let bodyVelocity: Vector3;
  if (body === 'Sun') {
    retarded = [0, 0, 0];
    tau = norm(observerPosition) / LIGHT_AU_PER_DAY;
    bodyVelocity = [0, 0, 0];
  } else {
    const helio: State =
      body === 'Pluto'
        ? plutoHeliocentricState(context.jdTt)
        : heliocentricPlace(body as VsopBody, context.jdTt);
    const light = retardedPosition(helio.position, helio.velocity, observerPosition);
    retarded = light.position;
    tau = light.lightTime;
    bodyVelocity = sub(helio.velocity, scaled(keplerAcceleration(helio.position), tau));
  }
  const vector = sub(retarded, observerPosition);
  const distance = norm(vector);
  let direction = scaled(vector, 1 / distance);
  if (body !== 'Sun') direction = deflectByTheSun(direction, retarded, observerPosition);
  const relativeVelocity = sub(bodyVelocity, observerVelocity);
  const lightTimeRate = dot(scaled(vector, 1 / distance), relativeVelocity) / LIGHT_AU_PER_DAY;
  return {
    direction: aberrate(direction, observerVelocity),
    distance,
    distanceRate: dot(vector, relativeVelocity) / distance / (1 + lightTimeRate),
    motion: add(vector, scaled(observerVelocity, tau)),
    velocity: add(scaled(relativeVelocity, 1 - lightTimeRate), scaled(observerAcceleration, tau)),
  };
}

function trueNodeAt(jdTt: number, precision: LunarPrecision): { longitude: number; distance: number } {
  const context = instantContext(jdTt);
  // The osculating node amplifies velocity errors ~10×: use the series' analytic derivative.
  const moon = geocentricMoonState(jdTt, precision);
  return osculatingNode(apply(context.toDate, moon.position), apply(context.toDate, moon.velocity));
}

/** Lunar points at one instant, true equinox of date. */
function lunarPoint(body: Body, jdTt: number): SphericalState {
  const dpsi = nutation(jdTt).longitude / DEG;
  if (body === 'MeanNode' || body === 'MeanApogee') {
    const point = body === 'MeanNode' ? meanNode(jdTt) : meanApogee(jdTt);
    return {
      longitude: normalizeDegrees(point.longitude + dpsi),
      latitude: point.latitude,
      distance: point.distance,
      speed: point.longitudeRate + nutationRate(jdTt).longitude / DEG,
      latitudeSpeed: point.latitudeRate,
      distanceSpeed: 0,
    };
  }
  const here = trueNodeAt(jdTt, 'fine');
  const before = trueNodeAt(jdTt - NODE_STEP, 'precise');
  const after = trueNodeAt(jdTt + NODE_STEP, 'precise');
  const change = ((((after.longitude - before.longitude) % 360) + 540) % 360) - 180;
  return {
    longitude: here.longitude,
    latitude: 0,
    distance: here.distance,
    speed: change / (2 * NODE_STEP),
    latitudeSpeed: 0,
    distanceSpeed: (after.distance - before.distance) / (2 * NODE_STEP),
  };
}

function isLunarPoint(body: Body): boolean {
  return body === 'MeanNode' || body === 'TrueNode' || body === 'MeanApogee';
}

/** The embedded analytic ephemeris provider (no files needed). */
export class AnalyticEphemerisProvider implements EphemerisProvider {
  readonly id = 'analytic-vsop87b-elpmpp02';
  readonly coverage = ANALYTIC_COVERAGE;

  supports(body: Body, jdTt: number): boolean {
    if (jdTt < this.coverage.start || jdTt > this.coverage.end) return false;
    return body !== 'Pluto' || (jdTt >= PLUTO_COVERAGE.start && jdTt <= PLUTO_COVERAGE.end);
  }

  position(body: Body, jdTt: number, options: PositionOptions = {}): BodyPosition {
    if (!Number.isFinite(jdTt) || jdTt < this.coverage.start || jdTt > this.coverage.end) {
      throw new InvolutionError(
        'INVOLUTION_OUT_OF_RANGE',
        'The analytic ephemeris covers 1400-01-01 to 2600-01-01 TT',
        {
          field: 'birth_time',
          details: { jd_tt: jdTt, coverage: this.coverage, provider: this.id },
        },
      );
    }
    if (!this.supports(body, jdTt)) {
      throw new InvolutionError(
        'INVOLUTION_OUT_OF_RANGE',
        `${body} is available from the analytic ephemeris only for 1800-01-01 to 2400-01-01 TT`,
        {
          field: 'bodies',
          details: { body, jd_tt: jdTt, coverage: PLUTO_COVERAGE, provider: this.id },
        },
      );
    }
    if (options.observer) assertObserver(options.observer);
    let result: SphericalState;
    if (isLunarPoint(body)) {
      result = lunarPoint(body, jdTt);
    } else {
      const context = instantContext(jdTt);
      const state = apparentState(body, context, options.observer);
      result = apparentSphericalPlace(state, context.toDate, context.toDateRate);
    }
    // Spelled out rather than spread: object spread is a slow generic copy in V8.
    return {
      body,
      longitude: result.longitude,
      latitude: result.latitude,
      distance: result.distance,
      speed: result.speed,
      latitudeSpeed: result.latitudeSpeed,
      distanceSpeed: result.distanceSpeed,
      retrograde: result.speed < 0,
      sign: zodiacSign(result.longitude),
    };
  }
}
