/**
 * Which NAIF body of a JPL kernel stands for each chart body. Planets are taken at their system
 * barycenters, as Swiss Ephemeris does with DE files (for Mercury and Venus, which have no moons, the
 * barycenter is the planet); the Earth is reached through the Earth–Moon barycenter (399 → 3 → 0) and
 * the Moon likewise (301 → 3 → 0), the DE convention.
 */
import type { Body } from '../ephemeris/bodies.js';
import { NAIF } from '../spk/spk-kernel.js';

/** A body an SPK provider can give: the chart bodies plus Chiron when a kernel has it. */
export type SpkBody = Body | 'Chiron';

/** NAIF target of each Sun/Moon/planet body. The lunar points have none: they are not bodies of a kernel. */
export const SPK_TARGETS: Readonly<Partial<Record<SpkBody, number>>> = {
  Sun: NAIF.SUN,
  Moon: NAIF.MOON,
  Mercury: NAIF.MERCURY_BARYCENTER,
  Venus: NAIF.VENUS_BARYCENTER,
  Mars: NAIF.MARS_BARYCENTER,
  Jupiter: NAIF.JUPITER_BARYCENTER,
  Saturn: NAIF.SATURN_BARYCENTER,
  Uranus: NAIF.URANUS_BARYCENTER,
  Neptune: NAIF.NEPTUNE_BARYCENTER,
  Pluto: NAIF.PLUTO_BARYCENTER,
};

/**
 * NAIF ids Chiron (asteroid 2060) is published under: 2002060 in the classic numbering
 * (2 000 000 + number), 20002060 in the extended one NAIF introduced for asteroids past 999 999.
 */
export const CHIRON_IDS: readonly number[] = [NAIF.CHIRON, 20002060];
