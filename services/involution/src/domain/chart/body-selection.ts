/**
 * Which bodies a request asks for. Names are matched without regard to case, spaces or underscores,
 * and the common astrological aliases are accepted (`north_node`, `lilith`). Chiron is a chart body
 * only where the provider's kernels hold it; it is never in the default set.
 */
import { InvolutionError } from '../../errors.js';
import { CHART_BODIES, type Body } from '../ephemeris/bodies.js';
import { ALL_CHART_BODIES, availableBodies, kernelBodyUnsupported, type ChartBody, type ChartEphemeris } from './chart-ephemeris.js';

const ALIASES: Readonly<Record<string, ChartBody>> = {
  meannode: 'MeanNode',
  node: 'MeanNode',
  northnode: 'MeanNode',
  truenode: 'TrueNode',
  meanapogee: 'MeanApogee',
  lilith: 'MeanApogee',
  blackmoon: 'MeanApogee',
  blackmoonlilith: 'MeanApogee',
  '2060chiron': 'Chiron',
};

function key(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The bodies chosen and the default ones left out because the provider cannot give them at this date. */
export interface BodySelection {
  bodies: ChartBody[];
  omitted: Body[];
}

/**
 * Resolves requested body names; with none, the ten chart bodies the provider supports at `jdTt`.
 * @throws InvolutionError INVOLUTION_UNKNOWN_BODY listing the valid names, INVOLUTION_BODY_UNSUPPORTED for
 *   Chiron when the provider's kernels do not hold it.
 */
export function selectBodies(requested: readonly string[] | undefined, provider: ChartEphemeris, jdTt: number, field = 'bodies'): BodySelection {
  if (requested === undefined) {
    const bodies = CHART_BODIES.filter((body) => provider.supports(body, jdTt));
    return { bodies, omitted: CHART_BODIES.filter((body) => !bodies.includes(body)) };
  }
  const bodies: ChartBody[] = [];
  const unknown: string[] = [];
  for (const name of requested) {
    const found = ALL_CHART_BODIES.find((body) => key(body) === key(name)) ?? ALIASES[key(name)];
    if (!found) unknown.push(name);
    else if (!provider.hasBody(found)) throw kernelBodyUnsupported(name, provider, field);
    else if (!bodies.includes(found)) bodies.push(found);
  }
  const valid = availableBodies(provider);
  if (unknown.length > 0) {
    throw new InvolutionError('INVOLUTION_UNKNOWN_BODY', `Unknown body ${unknown.map((n) => `"${n}"`).join(', ')}; valid bodies: ${valid.join(', ')}`, {
      field,
      details: { unknown, valid },
    });
  }
  if (bodies.length === 0) {
    throw new InvolutionError('INVOLUTION_INVALID_INPUT', `${field} must name at least one body`, { field, details: { valid } });
  }
  return { bodies, omitted: [] };
}
