/**
 * One provider made of two: a primary (the JPL kernels) for every body it has at the instant, a
 * fallback (the analytic theories) for the rest — the lunar nodes and apogee, which no kernel holds, and
 * any planet a small kernel lacks. Bodies only a kernel can give (Chiron) come from the primary alone.
 */
import { isBody, type Body } from '../ephemeris/bodies.js';
import type { BodyPosition, Coverage, EphemerisProvider, PositionOptions } from '../ephemeris/provider.js';
import type { SpkBody } from './spk-bodies.js';
import type { SpkBodyPosition } from './spk-provider.js';

/** A provider that can say whether it has a body at all, whatever the date, and give Chiron when it has it. */
export interface BodyCatalogProvider extends EphemerisProvider {
  hasBody(body: SpkBody): boolean;
  supports(body: SpkBody, jdTt: number): boolean;
  positionOf(body: SpkBody, jdTt: number, options?: PositionOptions): SpkBodyPosition;
}

/** Primary where it can, fallback elsewhere. */
export class CompositeEphemerisProvider implements EphemerisProvider {
  /** The primary's id: answers are labelled by the provider configured, per-body sources by `providerFor`. */
  readonly id: string;
  /**
   * The primary's coverage: configuring kernels means answering within them. Inside it, bodies the
   * fallback gives are available where the fallback covers them.
   */
  readonly coverage: Coverage;

  constructor(
    readonly primary: BodyCatalogProvider,
    readonly fallback: EphemerisProvider,
  ) {
    this.id = primary.id;
    this.coverage = primary.coverage;
  }

  /** Whether either provider has the body at some date: every analytic body, Chiron when the kernels hold it. */
  hasBody(body: SpkBody): boolean {
    return isBody(body) || this.primary.hasBody(body);
  }

  /** The provider that answers for `body` at `jdTt`, or undefined when neither can. */
  providerFor(body: SpkBody, jdTt: number): Pick<EphemerisProvider, 'id'> | undefined {
    if (this.primary.supports(body, jdTt)) return this.primary;
    if (isBody(body) && this.fallback.supports(body, jdTt)) return this.fallback;
    return undefined;
  }

  supports(body: SpkBody, jdTt: number): boolean {
    return this.providerFor(body, jdTt) !== undefined;
  }

  /**
   * The position from the provider answering for the body; when neither can, the error of the one that
   * has the body (the primary's out-of-range for a planet or Chiron, the fallback's for a lunar point).
   */
  position(body: Body, jdTt: number, options?: PositionOptions): BodyPosition;
  position(body: SpkBody, jdTt: number, options?: PositionOptions): SpkBodyPosition;
  position(body: SpkBody, jdTt: number, options: PositionOptions = {}): SpkBodyPosition {
    if (!isBody(body)) return this.primary.positionOf(body, jdTt, options);
    const fromPrimary = this.primary.supports(body, jdTt) || (!this.fallback.supports(body, jdTt) && this.primary.hasBody(body));
    return fromPrimary ? this.primary.position(body, jdTt, options) : this.fallback.position(body, jdTt, options);
  }
}
