/**
 * A set of loaded SPK files answering "state of body A relative to body B at time t", chaining
 * through centers to the solar-system barycenter (e.g. Moon = SSB→EMB + EMB→Moon, Earth likewise).
 * Later-loaded segments take precedence, as in SPICE.
 */
import { InvolutionError } from '../../errors.js';
import type { ByteSource } from './byte-source.js';
import { readDaf } from './daf-file.js';
import { ChebyshevSegment, segmentDescriptor, type SpkSegmentDescriptor, type State } from './spk-segment.js';

/** NAIF ids used by the engine. */
export const NAIF = {
  SSB: 0,
  MERCURY_BARYCENTER: 1,
  VENUS_BARYCENTER: 2,
  EMB: 3,
  MARS_BARYCENTER: 4,
  JUPITER_BARYCENTER: 5,
  SATURN_BARYCENTER: 6,
  URANUS_BARYCENTER: 7,
  NEPTUNE_BARYCENTER: 8,
  PLUTO_BARYCENTER: 9,
  SUN: 10,
  MERCURY: 199,
  VENUS: 299,
  MOON: 301,
  EARTH: 399,
  CHIRON: 2002060,
} as const;

const J2000_JD = 2451545.0;
const MAX_CHAIN = 20;
const ZERO: State = { position: [0, 0, 0], velocity: [0, 0, 0] };

/** Coverage of one body in the loaded kernels (union over segments, TDB seconds past J2000). */
export interface BodyCoverage {
  target: number;
  center: number;
  startEt: number;
  endEt: number;
}

/** Converts a TDB Julian day to seconds past J2000 TDB. */
export function etFromJdTdb(jdTdb: number): number {
  return (jdTdb - J2000_JD) * 86400;
}

function add(a: State, b: State): State {
  return {
    position: [a.position[0] + b.position[0], a.position[1] + b.position[1], a.position[2] + b.position[2]],
    velocity: [a.velocity[0] + b.velocity[0], a.velocity[1] + b.velocity[1], a.velocity[2] + b.velocity[2]],
  };
}

/** Loaded SPK segments (types 2 and 3). */
export class SpkKernel {
  private readonly segments: ChebyshevSegment[] = [];
  readonly files: { name: string; internalName: string; segments: SpkSegmentDescriptor[] }[] = [];

  /**
   * Adds an SPK file.
   * @throws InvolutionError INVOLUTION_KERNEL_INVALID for a non-SPK DAF or unsupported segment types.
   */
  load(name: string, source: ByteSource): void {
    const daf = readDaf(source);
    if (!daf.idWord.startsWith('DAF/SPK') && daf.idWord !== 'NAIF/DAF') {
      throw new InvolutionError('INVOLUTION_KERNEL_INVALID', `${name} is a DAF but not an SPK (${daf.idWord.trim()})`, { details: { file: name } });
    }
    if (daf.nd !== 2 || daf.ni !== 6) {
      throw new InvolutionError('INVOLUTION_KERNEL_INVALID', `${name}: SPK must have ND=2, NI=6`, { details: { file: name, nd: daf.nd, ni: daf.ni } });
    }
    const descriptors = daf.summaries.map(segmentDescriptor);
    for (const d of descriptors) this.segments.push(new ChebyshevSegment(d, source, daf.littleEndian));
    this.files.push({ name, internalName: daf.internalName, segments: descriptors });
  }

  /** The highest-priority segment for a target covering `et`. */
  private segmentFor(target: number, et: number): ChebyshevSegment | undefined {
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const s = this.segments[i]!;
      if (s.descriptor.target === target && s.covers(et)) return s;
    }
    return undefined;
  }

  /** Every target the kernels hold, with the union of its coverage. */
  coverage(): BodyCoverage[] {
    const byTarget = new Map<number, BodyCoverage>();
    for (const { descriptor: d } of this.segments) {
      const c = byTarget.get(d.target);
      if (!c) byTarget.set(d.target, { target: d.target, center: d.center, startEt: d.startEt, endEt: d.endEt });
      else {
        c.startEt = Math.min(c.startEt, d.startEt);
        c.endEt = Math.max(c.endEt, d.endEt);
      }
    }
    return [...byTarget.values()].sort((a, b) => a.target - b.target);
  }

  /** The chain of segment states from `target` up to the barycenter. */
  private chain(target: number, et: number): { body: number; state: State }[] {
    const links: { body: number; state: State }[] = [];
    let body = target;
    while (body !== NAIF.SSB) {
      if (links.length > MAX_CHAIN) throw new InvolutionError('INVOLUTION_KERNEL_INVALID', 'SPK center chain does not reach the barycenter', { details: { target } });
      const segment = this.segmentFor(body, et);
      if (!segment) {
        const known = this.segments.some((s) => s.descriptor.target === body);
        throw new InvolutionError(
          known ? 'INVOLUTION_OUT_OF_RANGE' : 'INVOLUTION_BODY_UNSUPPORTED',
          known ? `No loaded SPK segment covers body ${body} at this time` : `No loaded SPK segment has body ${body}`,
          { details: { body, target, et, jdTdb: J2000_JD + et / 86400, coverage: this.coverage().filter((c) => c.target === body) } },
        );
      }
      links.push({ body, state: segment.state(et) });
      body = segment.descriptor.center;
    }
    return links;
  }

  /**
   * State of `target` relative to the solar-system barycenter at `et` (TDB s past J2000), in the
   * kernel's frame (ICRF for DE kernels).
   * @throws InvolutionError INVOLUTION_OUT_OF_RANGE / INVOLUTION_BODY_UNSUPPORTED when no chain covers the time.
   */
  barycentricState(target: number, et: number): State {
    return this.chain(target, et).reduce((acc, link) => add(acc, link.state), ZERO);
  }

  /**
   * State of `target` relative to `observer` at `et` (TDB s past J2000); km and km/s. Links the
   * two chains share (e.g. SSB→EMB for Moon from Earth) are dropped rather than added and
   * subtracted, which keeps geocentric lunar positions free of barycentric rounding.
   */
  relativeState(target: number, observer: number, et: number): State {
    const t = this.chain(target, et);
    const o = this.chain(observer, et);
    while (t.length > 0 && o.length > 0 && t[t.length - 1]!.body === o[o.length - 1]!.body) {
      t.pop();
      o.pop();
    }
    const ts = t.reduce((acc, link) => add(acc, link.state), ZERO);
    const os = o.reduce((acc, link) => add(acc, link.state), ZERO);
    return {
      position: [ts.position[0] - os.position[0], ts.position[1] - os.position[1], ts.position[2] - os.position[2]],
      velocity: [ts.velocity[0] - os.velocity[0], ts.velocity[1] - os.velocity[1], ts.velocity[2] - os.velocity[2]],
    };
  }
}
