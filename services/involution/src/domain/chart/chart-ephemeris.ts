/**
 * What a chart computes with: the ephemeris contract (../ephemeris/provider.ts) widened to the bodies
 * only a JPL kernel gives (Chiron). The analytic `Body` union stays as it is; charts name a
 * `ChartBody`. The kernel composite (../spk-provider/composite-provider.ts) fulfils this contract;
 * `analyticBodiesOnly()` turns any provider of the analytic bodies into one that refuses the others.
 */
import { InvolutionError } from '../../errors.js';
import { BODIES, isBody, type Body } from '../ephemeris/bodies.js';
import type { BodyPosition, Coverage, EphemerisProvider, PositionOptions } from '../ephemeris/provider.js';

/** Bodies a chart can name that only a JPL kernel with their segment provides. */
export const KERNEL_ONLY_BODIES = ['Chiron'] as const;

/** A body a chart can ask for. */
export type ChartBody = Body | (typeof KERNEL_ONLY_BODIES)[number];

/** Every body a chart can name, in chart order. */
export const ALL_CHART_BODIES: readonly ChartBody[] = [...BODIES, ...KERNEL_ONLY_BODIES];

/** An apparent position of any chart body. */
export type ChartBodyPosition = Omit<BodyPosition, 'body'> & { body: ChartBody };

/** An ephemeris provider that also answers for kernel-only bodies when it has them. */
export interface ChartEphemeris extends EphemerisProvider {
  /** Whether the provider has the body at some date (Chiron: only with a kernel that holds it). */
  hasBody(body: ChartBody): boolean;
  supports(body: ChartBody, jdTt: number): boolean;
  position(body: Body, jdTt: number, options?: PositionOptions): BodyPosition;
  position(body: ChartBody, jdTt: number, options?: PositionOptions): ChartBodyPosition;
}

/** The bodies `provider` can give at some date, in chart order. */
export function availableBodies(provider: ChartEphemeris): ChartBody[] {
  return ALL_CHART_BODIES.filter((body) => provider.hasBody(body));
}

/** The refusal of a kernel-only body by a provider without it. */
export function kernelBodyUnsupported(
  body: string,
  provider: ChartEphemeris,
  field = 'bodies',
): InvolutionError {
  return new InvolutionError(
    'INVOLUTION_BODY_UNSUPPORTED',
    `${body} needs a JPL kernel that provides it (NAIF 2002060 or 20002060); the ${provider.id} provider has none`,
    { field, details: { body, provider: provider.id, valid: availableBodies(provider) } },
  );
}

class AnalyticBodiesOnly implements ChartEphemeris {
  readonly id: string;
  readonly coverage: Coverage;

  constructor(private readonly provider: EphemerisProvider) {
    this.id = provider.id;
    this.coverage = provider.coverage;
  }

  hasBody(body: ChartBody): boolean {
    return isBody(body);
  }

  supports(body: ChartBody, jdTt: number): boolean {
    return isBody(body) && this.provider.supports(body, jdTt);
  }

  position(body: Body, jdTt: number, options?: PositionOptions): BodyPosition;
  position(body: ChartBody, jdTt: number, options?: PositionOptions): ChartBodyPosition;
  position(body: ChartBody, jdTt: number, options: PositionOptions = {}): ChartBodyPosition {
    if (!isBody(body)) throw kernelBodyUnsupported(body, this);
    return this.provider.position(body, jdTt, options);
  }
}

/** A provider of the analytic bodies as a chart ephemeris that refuses kernel-only bodies (422, field `bodies`). */
export function analyticBodiesOnly(provider: EphemerisProvider): ChartEphemeris {
  return new AnalyticBodiesOnly(provider);
}
