/**
 * Which bodies a request asks for. Names are matched without regard to case, spaces or underscores,
 * and the common astrological aliases are accepted (`north_node`, `lilith`).
 */
import { InvolutionError } from '../../errors.js';
import { BODIES, CHART_BODIES, type Body } from '../ephemeris/bodies.js';
import type { EphemerisProvider } from '../ephemeris/provider.js';

const ALIASES: Readonly<Record<string, Body>> = {
  meannode: 'MeanNode',
  node: 'MeanNode',
  northnode: 'MeanNode',
  truenode: 'TrueNode',
  meanapogee: 'MeanApogee',
  lilith: 'MeanApogee',
  blackmoon: 'MeanApogee',
  blackmoonlilith: 'MeanApogee',
};

/** Bodies only a JPL kernel can give; asked of the analytic provider they are refused, not unknown. */
const KERNEL_ONLY = ['Chiron'] as const;

function key(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The bodies chosen and the default ones left out because the provider cannot give them at this date. */
export interface BodySelection {
  bodies: Body[];
  omitted: Body[];
}

/**
 * Resolves requested body names; with none, the ten chart bodies the provider supports at `jdTt`.
 * @throws InvolutionError INVOLUTION_UNKNOWN_BODY listing the valid names, INVOLUTION_BODY_UNSUPPORTED for Chiron.
 */
export function selectBodies(requested: readonly string[] | undefined, provider: EphemerisProvider, jdTt: number, field = 'bodies'): BodySelection {
  if (requested === undefined) {
    const bodies = CHART_BODIES.filter((body) => provider.supports(body, jdTt));
    return { bodies, omitted: CHART_BODIES.filter((body) => !bodies.includes(body)) };
  }
  const bodies: Body[] = [];
  const unknown: string[] = [];
  for (const name of requested) {
    const found = BODIES.find((body) => key(body) === key(name)) ?? ALIASES[key(name)];
    if (found) {
      if (!bodies.includes(found)) bodies.push(found);
    } else if (KERNEL_ONLY.some((body) => key(body) === key(name))) {
      throw new InvolutionError('INVOLUTION_BODY_UNSUPPORTED', `${name} needs a JPL kernel that provides it; the ${provider.id} provider does not`, {
        field,
        details: { body: name, provider: provider.id, valid: BODIES },
      });
    } else {
      unknown.push(name);
    }
  }
  if (unknown.length > 0) {
    throw new InvolutionError('INVOLUTION_UNKNOWN_BODY', `Unknown body ${unknown.map((n) => `"${n}"`).join(', ')}; valid bodies: ${BODIES.join(', ')}`, {
      field,
      details: { unknown, valid: BODIES },
    });
  }
  if (bodies.length === 0) {
    throw new InvolutionError('INVOLUTION_INVALID_INPUT', `${field} must name at least one body`, { field, details: { valid: BODIES } });
  }
  return { bodies, omitted: [] };
}
