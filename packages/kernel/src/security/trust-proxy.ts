import { isIP } from 'node:net';
import { listSetting } from '../config/env-config.js';

/**
 * Parses TRUST_PROXY into what Fastify accepts: `false` (no proxy: the socket address is the client),
 * a hop count, or a list of proxy addresses/CIDRs. "Trust everything" is refused, because then any
 * client could pick its own address in X-Forwarded-For and walk past rate limits.
 */
export function parseTrustProxy(setting: string): false | number | string[] {
  return parseSetting(setting);
}

/**
 * The same setting in the shape Fastify's types accept: a hop count n becomes "trust the n nearest
 * hops" (proxy-addr's function form, which is what a number means to it).
 */
export function fastifyTrustProxy(
  setting: string,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  const parsed = parseSetting(setting);
  if (typeof parsed === 'number') return (_address: string, hop: number) => hop < parsed;
  return parsed;
}

function parseSetting(setting: string): false | number | string[] {
  const value = setting.trim();
  if (value === '' || value === '0' || value.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (['true', '*', 'all'].includes(value.toLowerCase())) {
    throw new Error(
      'TRUST_PROXY: trusting every proxy lets clients spoof their address; give a hop count or CIDR list',
    );
  }
  const entries = listSetting(value);
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const badPrefix = prefix !== undefined && (!/^\d+$/.test(prefix) || Number(prefix) > maxPrefix);
    if (family === 0 || badPrefix)
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range`);
  }
  return entries;
}
