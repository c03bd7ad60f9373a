/**
 * Apparent positions from JPL SPK kernels (DE440, DE441, de440s…): barycentric ICRF states chained
 * through the kernel's centers, then the apparent-place pipeline of the analytic provider
 * (../ephemeris/apparent-place.ts) on barycentric instead of heliocentric vectors:
 *
 * - light time by iteration on the kernel itself: the target at t − τ, the observer at t (no Keplerian
 *   propagation needed, the kernel is evaluated at the retarded instant);
 * - deflection of light by the Sun (not for the Sun nor, as in Swiss Ephemeris, the Moon), from the
 *   Sun's barycentric position;
 * - relativistic aberration with the observer's barycentric velocity;
 * - frame bias, Vondrák precession, IAU 2000B nutation to the true ecliptic and equinox of date.
 *
 * Speeds are analytic as in the analytic provider: the apparent geocentric velocity (scaled by 1 − dτ/dt)
 * rotated into the frame of date plus that frame's rotation rate. Positions, TDB seconds and km in the
 * kernel; degrees, AU and days out.
 */
import { aberrate, deflectByTheSun, LIGHT_AU_PER_DAY, SUN_GM } from '../ephemeris/apparent-place.js';
import type { Body } from '../ephemeris/bodies.js';
import { transpose } from '../ephemeris/frames.js';
import { KM_PER_AU } from '../ephemeris/lunar-theory.js';
import {
  add,
  apply,
  dot,
  norm,
  rotationX,
  scaled,
  sub,
  type Matrix3,
  type Vector3,
} from '../ephemeris/matrix3.js';
import { apparentSphericalPlace, type ApparentState } from '../ephemeris/apparent-spherical-place.js';
import { nutation } from '../ephemeris/nutation.js';
import { meanObliquity } from '../ephemeris/obliquity.js';
import type {
  BodyPosition,
  Coverage,
  EphemerisProvider,
  Observer,
  PositionOptions,
} from '../ephemeris/provider.js';
import { EARTH_ROTATION, assertObserver, observerGeocentricState } from '../ephemeris/topocentric-observer.js';
import { zodiacSign } from '../ephemeris/zodiac-sign.js';
import { NAIF, etFromJdTdb, type SpkKernel } from '../spk/spk-kernel.js';
import { utFromTt } from '../time/delta-t.js';
import { InvolutionError } from '../../errors.js';
import { icrfToTrueEclipticOfDate, tdbMinusTt } from './icrf-frame.js';
import { CHIRON_IDS, SPK_TARGETS, type SpkBody } from './spk-bodies.js';

/** An apparent position of any body the SPK provider gives (Chiron included). */
export type SpkBodyPosition = Omit<BodyPosition, 'body'> & { body: SpkBody };

/** Options of the SPK provider. */
export interface SpkProviderOptions {
  /** Provider id, e.g. `jpl-de440`. Default `jpl-spk`. */
  id?: string;
}

const J2000 = 2451545;
const SECONDS_PER_DAY = 86400;
/** Half-step (days) of the central difference for the frame's rotation rate, as the analytic provider. */
const FRAME_STEP = 0.5;
/** Days kept clear at the start of a kernel: light time reaches back up to ~6 h (Pluto). */
const LIGHT_TIME_MARGIN = 1;
/** Days kept clear at the end: TDB − TT (< 2 ms) must not step outside. */
const END_MARGIN = 0.001;
const AU_PER_DAY = SECONDS_PER_DAY / KM_PER_AU;

type State = { position: Vector3; velocity: Vector3 };

interface InstantContext {
  jdTt: number;
  et: number;
  toDate: Matrix3;
  toDateRate: Matrix3;
  fromDate: Matrix3;
  earth: State;
  sun: State;
}

/** A kernel state (km, km/s) in AU and AU/day. */
function inAu(state: { position: Vector3; velocity: Vector3 }): State {
  return { position: scaled(state.position, 1 / KM_PER_AU), velocity: scaled(state.velocity, AU_PER_DAY) };
}

/** Julian days (TDB ≈ TT) of a span of ephemeris seconds. */
function jdOfEt(et: number): number {
  return J2000 + et / SECONDS_PER_DAY;
}

/** Apparent positions from loaded SPK kernels. */
export class SpkEphemerisProvider implements EphemerisProvider {
  readonly id: string;
  /** Where the Earth and the Sun (hence every apparent position) are available, JD TT. */
  readonly coverage: Coverage;
  /** The NAIF id Chiron is found under in the kernel, if it is there. */
  readonly chironTarget: number | undefined;
  private readonly kernel: SpkKernel;
  private readonly targetCoverage = new Map<number, Coverage>();
  private readonly contexts = new Map<number, InstantContext>();

  /**
   * @throws InvolutionError INVOLUTION_BODY_UNSUPPORTED when the kernel cannot give the Earth and the
   *   Sun relative to the solar-system barycenter over a common span (no apparent position is possible).
   */
  constructor(kernel: SpkKernel, options: SpkProviderOptions = {}) {
    this.kernel = kernel;
    this.id = options.id ?? 'jpl-spk';
    const segments = new Map(kernel.coverage().map((c) => [c.target, c]));
    const chainCoverage = (target: number): Coverage | undefined => {
      let start = -Infinity;
      let end = Infinity;
      let body = target;
      for (let links = 0; body !== NAIF.SSB; links++) {
        const c = segments.get(body);
        if (!c || links > 20) return undefined;
        start = Math.max(start, c.startEt);
        end = Math.min(end, c.endEt);
        body = c.center;
      }
      return start < end ? { start: jdOfEt(start), end: jdOfEt(end) } : undefined;
    };
    for (const target of [NAIF.EARTH, ...Object.values(SPK_TARGETS), ...CHIRON_IDS]) {
      const c = chainCoverage(target);
      if (c) this.targetCoverage.set(target, c);
    }
    const earth = this.targetCoverage.get(NAIF.EARTH);
    const sun = this.targetCoverage.get(NAIF.SUN);
    const start = Math.max(earth?.start ?? Infinity, sun?.start ?? Infinity) + LIGHT_TIME_MARGIN;
    const end = Math.min(earth?.end ?? -Infinity, sun?.end ?? -Infinity) - END_MARGIN;
    if (!earth || !sun || !(start < end)) {
      throw new InvolutionError(
        'INVOLUTION_BODY_UNSUPPORTED',
        'The kernels do not give the Earth (399 via 3) and the Sun (10) relative to the barycenter over a common span',
        {
          details: {
            provider: this.id,
            bodies: kernel.coverage().map((c) => ({ target: c.target, center: c.center })),
          },
        },
      );
    }
    this.coverage = { start, end };
    this.chironTarget = CHIRON_IDS.find((id) => this.targetCoverage.has(id));
  }

  /** Whether the kernel has the body at all (whatever the date). */
  hasBody(body: SpkBody): boolean {
    return this.targetOf(body) !== undefined;
  }

  /** The Julian days (TT) the kernel gives `body` for, or undefined when it does not have it. */
  bodyCoverage(body: SpkBody): Coverage | undefined {
    const target = this.targetOf(body);
    const c = target === undefined ? undefined : this.targetCoverage.get(target);
    if (!c) return undefined;
    const start = Math.max(this.coverage.start, c.start + LIGHT_TIME_MARGIN);
    const end = Math.min(this.coverage.end, c.end - END_MARGIN);
    return start < end ? { start, end } : undefined;
  }

  supports(body: SpkBody, jdTt: number): boolean {
    const c = this.bodyCoverage(body);
    return c !== undefined && jdTt >= c.start && jdTt <= c.end;
  }

  position(body: Body, jdTt: number, options: PositionOptions = {}): BodyPosition {
    return { ...this.positionOf(body, jdTt, options), body };
  }

  /**
   * Apparent position of any body the kernel has, Chiron included.
   * @throws InvolutionError INVOLUTION_BODY_UNSUPPORTED (field `bodies`) when the kernel lacks the body,
   *   INVOLUTION_OUT_OF_RANGE (field `birth_time`) outside its coverage, INVOLUTION_INVALID_INPUT for a bad observer.
   */
  positionOf(body: SpkBody, jdTt: number, options: PositionOptions = {}): SpkBodyPosition {
    const target = this.targetOf(body);
    const c = this.bodyCoverage(body);
    if (target === undefined || !c) {
      throw new InvolutionError('INVOLUTION_BODY_UNSUPPORTED', `${body} is not in the ${this.id} kernels`, {
        field: 'bodies',
        details: { body, provider: this.id },
      });
    }
    if (!Number.isFinite(jdTt) || jdTt < c.start || jdTt > c.end) {
      throw new InvolutionError(
        'INVOLUTION_OUT_OF_RANGE',
        `The ${this.id} kernels give ${body} for JD ${c.start.toFixed(1)} to ${c.end.toFixed(1)} (TT)`,
        {
          field: 'birth_time',
          details: {
            body,
            jd_tt: jdTt,
            coverage: { start_jd_tt: c.start, end_jd_tt: c.end },
            provider: this.id,
          },
        },
      );
    }
    if (options.observer) assertObserver(options.observer);
    const context = this.instantContext(jdTt);
    const place = apparentSphericalPlace(
      this.apparentState(target, context, options.observer),
      context.toDate,
      context.toDateRate,
    );
    return { body, ...place, retrograde: place.speed < 0, sign: zodiacSign(place.longitude) };
  }

  private targetOf(body: SpkBody): number | undefined {
    if (body === 'Chiron') return this.chironTarget;
    const target = SPK_TARGETS[body];
    return target !== undefined && this.targetCoverage.has(target) ? target : undefined;
  }

  /** Barycentric state in AU, AU/day at `et`. */
  private barycentric(target: number, et: number): State {
    return inAu(this.kernel.barycentricState(target, et));
  }

  private instantContext(jdTt: number): InstantContext {
    const found = this.contexts.get(jdTt);
    if (found) return found;
    const et = etFromJdTdb(jdTt + tdbMinusTt(jdTt) / SECONDS_PER_DAY);
    const before = icrfToTrueEclipticOfDate(jdTt - FRAME_STEP);
    const after = icrfToTrueEclipticOfDate(jdTt + FRAME_STEP);
    const toDate = icrfToTrueEclipticOfDate(jdTt);
    const context: InstantContext = {
      jdTt,
      et,
      toDate,
      toDateRate: after.map((value, i) => (value - before[i]!) / (2 * FRAME_STEP)),
      fromDate: transpose(toDate),
      earth: this.barycentric(NAIF.EARTH, et),
      sun: this.barycentric(NAIF.SUN, et),
    };
    if (this.contexts.size >= 16) this.contexts.delete(this.contexts.keys().next().value ?? 0);
    this.contexts.set(jdTt, context);
    return context;
  }

  /** Observer offset from the geocentre in ICRF: AU, AU/day, AU/day². */
  private observerOffset(
    context: InstantContext,
    observer: Observer | undefined,
  ): State & { acceleration: Vector3 } {
    if (!observer) return { position: [0, 0, 0], velocity: [0, 0, 0], acceleration: [0, 0, 0] };
    const equatorial = observerGeocentricState(observer, utFromTt(context.jdTt));
    const toEcliptic = rotationX(meanObliquity(context.jdTt) + nutation(context.jdTt).obliquity);
    const toIcrf = (v: Vector3): Vector3 => apply(context.fromDate, apply(toEcliptic, v));
    const w2 = EARTH_ROTATION * EARTH_ROTATION;
    return {
      position: toIcrf(equatorial.position),
      velocity: toIcrf(equatorial.velocity),
      acceleration: toIcrf([-w2 * equatorial.position[0], -w2 * equatorial.position[1], 0]),
    };
  }

  private apparentState(
    target: number,
    context: InstantContext,
    observer: Observer | undefined,
  ): ApparentState {
    const offset = this.observerOffset(context, observer);
    const observerPosition = add(context.earth.position, offset.position);
    const observerVelocity = add(context.earth.velocity, offset.velocity);
    const fromSun = sub(context.earth.position, context.sun.position);
    const r = norm(fromSun);
    const observerAcceleration = add(scaled(fromSun, -SUN_GM / (r * r * r)), offset.acceleration);
    if (target === NAIF.MOON) return this.moonState(context, offset, observerVelocity);

    // Light time: the target at t − τ seen from the observer at t. Each pass shrinks the error of τ by v/c.
    let tau = 0;
    let retarded = this.barycentric(target, context.et);
    for (let i = 0; i < 3; i += 1) {
      tau = norm(sub(retarded.position, observerPosition)) / LIGHT_AU_PER_DAY;
      retarded = this.barycentric(target, context.et - tau * SECONDS_PER_DAY);
    }
    const vector = sub(retarded.position, observerPosition);
    const distance = norm(vector);
    let direction = scaled(vector, 1 / distance);
    if (target !== NAIF.SUN) {
      const sunThen = this.barycentric(NAIF.SUN, context.et - tau * SECONDS_PER_DAY).position;
      direction = deflectByTheSun(
        direction,
        sub(retarded.position, sunThen),
        sub(observerPosition, context.sun.position),
      );
    }
    const relativeVelocity = sub(retarded.velocity, observerVelocity);
    const lightTimeRate = dot(scaled(vector, 1 / distance), relativeVelocity) / LIGHT_AU_PER_DAY;
    return {
      direction: aberrate(direction, observerVelocity),
      distance,
      distanceRate: dot(vector, relativeVelocity) / distance / (1 + lightTimeRate),
      motion: add(vector, scaled(observerVelocity, tau)),
      velocity: add(scaled(relativeVelocity, 1 - lightTimeRate), scaled(observerAcceleration, tau)),
    };
  }

  /**
   * The Moon: geocentric states straight from the Earth–Moon-barycenter segments (no large barycentric
   * numbers subtracted), plus the Earth's barycentric motion during the light time.
   */
  private moonState(context: InstantContext, offset: State, observerVelocity: Vector3): ApparentState {
    const geocentric = (et: number): State => inAu(this.kernel.relativeState(NAIF.MOON, NAIF.EARTH, et));
    const now = geocentric(context.et);
    let tau = norm(sub(now.position, offset.position)) / LIGHT_AU_PER_DAY;
    let moon = now;
    let vector: Vector3 = sub(now.position, offset.position);
    for (let i = 0; i < 2; i += 1) {
      const et = context.et - tau * SECONDS_PER_DAY;
      moon = geocentric(et);
      // Barycentric Moon at t − τ minus the observer at t = geocentric Moon at t − τ − (Earth's motion over τ) − offset.
      const earthShift = sub(this.barycentric(NAIF.EARTH, et).position, context.earth.position);
      vector = sub(add(moon.position, earthShift), offset.position);
      tau = norm(vector) / LIGHT_AU_PER_DAY;
    }
    const distance = norm(vector);
    const relativeVelocity = sub(moon.velocity, offset.velocity);
    return {
      direction: aberrate(scaled(vector, 1 / distance), observerVelocity),
      distance,
      distanceRate: dot(vector, relativeVelocity) / distance,
      motion: sub(moon.position, offset.position),
      velocity: relativeVelocity,
    };
  }
}
