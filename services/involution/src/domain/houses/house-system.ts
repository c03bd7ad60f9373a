import { InvolutionError } from '../../errors.js';

/**
 * House systems, keyed by the one-letter codes Swiss Ephemeris uses (`swetest -house<lon>,<lat>,<code>`).
 * Placidus and Koch divide semi-arcs and do not exist where some ecliptic degrees never rise or set.
 */
export const HOUSE_SYSTEMS = {
  placidus: 'P',
  koch: 'K',
  porphyry: 'O',
  regiomontanus: 'R',
  campanus: 'C',
  equal: 'E',
  whole_sign: 'W',
} as const;

/** A house system name accepted by the API. */
export type HouseSystem = keyof typeof HOUSE_SYSTEMS;

/** The systems whose cusps are undefined inside the polar circles. */
export const SEMI_ARC_SYSTEMS: readonly HouseSystem[] = ['placidus', 'koch'];

/** Every accepted house system name. */
export const HOUSE_SYSTEM_NAMES = Object.keys(HOUSE_SYSTEMS) as HouseSystem[];

/**
 * Parses a house system from its name (`placidus`, `whole_sign`, `Whole Sign`…) or its Swiss
 * Ephemeris letter (`P`, `K`, `O`, `R`, `C`, `E`, `W`).
 * @throws InvolutionError INVOLUTION_UNKNOWN_HOUSE_SYSTEM listing the valid names.
 */
export function parseHouseSystem(input: string, field = 'houses.system'): HouseSystem {
  const key = input.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (key in HOUSE_SYSTEMS) return key as HouseSystem;
  if (key === 'wholesign' || key === 'whole') return 'whole_sign';
  for (const name of HOUSE_SYSTEM_NAMES) {
    if (HOUSE_SYSTEMS[name] === input.trim().toUpperCase() && input.trim().length === 1) return name;
  }
  throw new InvolutionError('INVOLUTION_UNKNOWN_HOUSE_SYSTEM', `Unknown house system "${input}"`, {
    field,
    details: { valid: HOUSE_SYSTEM_NAMES, letters: Object.values(HOUSE_SYSTEMS) },
  });
}
