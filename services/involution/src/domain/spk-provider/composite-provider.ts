/**
 * One provider made of two: a primary (the JPL kernels) for every body it has at the instant, a
 * fallback (the analytic theories) for the rest — the lunar nodes and apogee, which no kernel holds, and
 * any planet a small kernel lacks.
 */
import type { Body } from '../ephemeris/bodies.js';
import type { BodyPosition, Coverage, EphemerisProvider, PositionOptions } from '../ephemeris/provider.js';

/** A provider that can say whether it has a body at all, whatever the date. */
export interface BodyCatalogProvider extends EphemerisProvider {
  hasBody(body: Body): boolean;
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

  /** The provider that answers for `body` at `jdTt`, or undefined when neither can. */
  providerFor(body: Body, jdTt: number): EphemerisProvider | undefined {
    if (this.primary.supports(body, jdTt)) return this.primary;
    if (this.fallback.supports(body, jdTt)) return this.fallback;
    return undefined;
  }

  supports(body: Body, jdTt: number): boolean {
    return this.providerFor(body, jdTt) !== undefined;
  }

  /**
   * The position from the provider answering for the body; when neither can, the error of the one that
   * has the body (the primary's out-of-range for a planet, the fallback's for a lunar point).
   */
  position(body: Body, jdTt: number, options: PositionOptions = {}): BodyPosition {
    const provider = this.providerFor(body, jdTt) ?? (this.primary.hasBody(body) ? this.primary : this.fallback);
    return provider.position(body, jdTt, options);
  }
}
