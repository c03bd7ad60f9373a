import { InvolutionError } from '../../errors.js';
import { asind, atan2d, atand, cosd, normalizeDegrees, sind, tand } from './angle-math.js';
import { HOUSE_SYSTEM_NAMES, SEMI_ARC_SYSTEMS, type HouseSystem } from './house-system.js';

/** The local frame houses are computed in: sidereal orientation, ecliptic tilt and latitude. */
export interface HouseFrame {
  /** Right ascension of the meridian (local apparent sidereal time × 15), degrees. */
  armc: number;
  /** True obliquity of the ecliptic (mean + nutation in obliquity), degrees. */
  trueObliquity: number;
  /** Geographic latitude, degrees, north positive. */
  latitude: number;
}

/** The chart angles, ecliptic longitudes in degrees of the true equinox of date (ARMC: right ascension). */
export interface HouseAngles {
  ascendant: number;
  mc: number;
  armc: number;
  vertex: number;
  /** The equatorial ascendant: the ecliptic point rising where the equator meets the horizon. */
  eastPoint: number;
}

/** Twelve cusps (`cusps[0]` is the first house) and the angles. */
export interface HouseCusps {
  system: HouseSystem;
  cusps: number[];
  angles: HouseAngles;
}

/** Convergence limit of the Placidus iteration, degrees (far below the 1e-7° swetest prints). */
const PLACIDUS_TOLERANCE = 1e-11;
const PLACIDUS_MAX_ITERATIONS = 200;

/**
 * The ecliptic longitude that crosses a great circle through the north and south points of the
 * horizon at oblique ascension `x` for pole height `pole` (the Ascendant when x = ARMC + 90 and
 * pole = latitude). This is Swiss Ephemeris' `Asc1`, written as one atan2 instead of four quadrants.
 */
export function obliqueAscensionToLongitude(x: number, pole: number, obliquity: number): number {
  const y = sind(x);
  const d = cosd(x) * cosd(obliquity) - tand(pole) * sind(obliquity);
  return normalizeDegrees(atan2d(y, d));
}

/** Signed difference a − b folded to (−180, 180]. */
function signedDifference(a: number, b: number): number {
  const d = normalizeDegrees(a - b);
  return d > 180 ? d - 360 : d;
}

/** Ecliptic longitude on the meridian for a given ARMC. */
export function midheaven(armc: number, obliquity: number): number {
  return normalizeDegrees(atan2d(sind(armc), cosd(armc) * cosd(obliquity)));
}

/**
 * Computes the chart angles. Inside the polar circles the Ascendant can fall on the western
 * horizon half; as Swiss Ephemeris does, it is then moved by 180° so that it stays east of the MC.
 */
export function houseAngles(frame: HouseFrame): HouseAngles {
  const { armc, trueObliquity: eps, latitude: phi } = frame;
  const mc = midheaven(armc, eps);
  let ascendant = obliqueAscensionToLongitude(armc + 90, phi, eps);
  if (Math.abs(phi) >= 90 - eps && signedDifference(ascendant, mc) < 0) {
    ascendant = normalizeDegrees(ascendant + 180);
  }
  // The vertex is the western intersection of ecliptic and prime vertical: the "ascendant" of the
  // co-latitude seen from the opposite side of the meridian.
  const pole = phi >= 0 ? 90 - phi : -90 - phi;
  let vertex = obliqueAscensionToLongitude(armc - 90, pole, eps);
  if (Math.abs(phi) <= eps && signedDifference(vertex, mc) > 0) {
    vertex = normalizeDegrees(vertex + 180);
  }
  const eastPoint = obliqueAscensionToLongitude(armc + 90, 0, eps);
  return { ascendant, mc, armc: normalizeDegrees(armc), vertex, eastPoint };
}

/** Placidus cusp: the point whose diurnal semi-arc is divided in `fraction` (1/3 or 2/3). */
function placidusCusp(raOffset: number, fraction: number, frame: HouseFrame): number {
  const { armc, trueObliquity: eps, latitude: phi } = frame;
  const x = armc + raOffset;
  const tanPhi = tand(phi);
  // Start from a rough pole height, then iterate: pole height from the cusp's declination, cusp
  // from the pole height, until the cusp no longer moves.
  let pole = atand(sind(asind(tanPhi * tand(eps)) * fraction));
  let cusp = obliqueAscensionToLongitude(x, pole, eps);
  for (let i = 0; i < PLACIDUS_MAX_ITERATIONS; i++) {
    const tanDecl = tand(asind(sind(eps) * sind(cusp)));
    // On the equator every pole height gives the same point: the cusp is at right ascension x.
    if (Math.abs(tanDecl) < 1e-15) return normalizeDegrees(x);
    // Oblique ascension x = α − asin(tan pole · tan δ) and α = x + AD·fraction, with sin AD = tan φ tan δ.
    pole = atand(sind(asind(tanPhi * tanDecl) * fraction) / tanDecl);
    const next = obliqueAscensionToLongitude(x, pole, eps);
    const delta = Math.abs(signedDifference(next, cusp));
    cusp = next;
    if (delta < PLACIDUS_TOLERANCE) break;
  }
  return cusp;
}

function assertSemiArcsExist(system: HouseSystem, frame: HouseFrame): void {
  const limit = 90 - frame.trueObliquity;
  if (Math.abs(frame.latitude) >= limit) {
    throw new InvolutionError(
      'INVOLUTION_HOUSES_POLAR',
      `${system} houses do not exist at latitude ${frame.latitude}: beyond ±${limit.toFixed(4)}° some ecliptic degrees never rise or set`,
      {
        field: 'latitude',
        details: {
          system,
          latitude: frame.latitude,
          maxAbsLatitude: limit,
          supportedSystems: HOUSE_SYSTEM_NAMES.filter((s) => !SEMI_ARC_SYSTEMS.includes(s)),
        },
      },
    );
  }
}

/** Cusps 11, 12, 2, 3 of a quadrant system (the rest follow from ASC, MC and opposition). */
function intermediateCusps(system: HouseSystem, frame: HouseFrame, angles: HouseAngles): [number, number, number, number] {
  const { armc: th, trueObliquity: eps, latitude: phi } = frame;
  switch (system) {
    case 'placidus':
      return [
        placidusCusp(30, 1 / 3, frame),
        placidusCusp(60, 2 / 3, frame),
        placidusCusp(120, 2 / 3, frame),
        placidusCusp(150, 1 / 3, frame),
      ];
    case 'koch': {
      // One third of the MC's ascensional difference shifts each oblique ascension.
      const declMc = asind(sind(angles.mc) * sind(eps));
      const ad3 = asind(tand(phi) * tand(declMc)) / 3;
      return [
        obliqueAscensionToLongitude(th + 30 - 2 * ad3, phi, eps),
        obliqueAscensionToLongitude(th + 60 - ad3, phi, eps),
        obliqueAscensionToLongitude(th + 120 + ad3, phi, eps),
        obliqueAscensionToLongitude(th + 150 + 2 * ad3, phi, eps),
      ];
    }
    case 'regiomontanus': {
      const p1 = atand(tand(phi) * 0.5);
      const p2 = atand(tand(phi) * cosd(30));
      return [
        obliqueAscensionToLongitude(th + 30, p1, eps),
        obliqueAscensionToLongitude(th + 60, p2, eps),
        obliqueAscensionToLongitude(th + 120, p2, eps),
        obliqueAscensionToLongitude(th + 150, p1, eps),
      ];
    }
    case 'campanus': {
      const p1 = asind(sind(phi) / 2);
      const p2 = asind((Math.sqrt(3) / 2) * sind(phi));
      const cosPhi = cosd(phi);
      const x1 = cosPhi === 0 ? 90 : atand(Math.sqrt(3) / cosPhi);
      const x2 = cosPhi === 0 ? 90 : atand(1 / Math.sqrt(3) / cosPhi);
      return [
        obliqueAscensionToLongitude(th + 90 - x1, p1, eps),
        obliqueAscensionToLongitude(th + 90 - x2, p2, eps),
        obliqueAscensionToLongitude(th + 90 + x2, p2, eps),
        obliqueAscensionToLongitude(th + 90 + x1, p1, eps),
      ];
    }
    case 'porphyry': {
      const q1 = normalizeDegrees(angles.ascendant - angles.mc);
      const q2 = 180 - q1;
      return [
        normalizeDegrees(angles.mc + q1 / 3),
        normalizeDegrees(angles.mc + (2 * q1) / 3),
        normalizeDegrees(angles.ascendant + q2 / 3),
        normalizeDegrees(angles.ascendant + (2 * q2) / 3),
      ];
    }
    default:
      throw new Error(`not a quadrant system: ${system}`);
  }
}

/**
 * House cusps and angles for a sidereal frame. Pure: ARMC and true obliquity come from the caller
 * (see `houseFrameAtUt`), so the same code serves any time scale or sidereal-time model.
 * @throws InvolutionError INVOLUTION_HOUSES_POLAR for Placidus/Koch where |latitude| ≥ 90° − ε.
 * @example housesFromFrame('placidus', { armc: 292.5070724, trueObliquity: 23.4376767, latitude: 49.5 })
 */
export function housesFromFrame(system: HouseSystem, frame: HouseFrame): HouseCusps {
  if (SEMI_ARC_SYSTEMS.includes(system)) assertSemiArcsExist(system, frame);
  const angles = houseAngles(frame);
  let cusps: number[];
  if (system === 'equal') {
    cusps = Array.from({ length: 12 }, (_, i) => normalizeDegrees(angles.ascendant + 30 * i));
  } else if (system === 'whole_sign') {
    const first = angles.ascendant - (angles.ascendant % 30);
    cusps = Array.from({ length: 12 }, (_, i) => normalizeDegrees(first + 30 * i));
  } else {
    const [c11, c12, c2, c3] = intermediateCusps(system, frame, angles);
    const opposite = (x: number): number => normalizeDegrees(x + 180);
    const { ascendant: asc, mc } = angles;
    cusps = [asc, c2, c3, opposite(mc), opposite(c11), opposite(c12), opposite(asc), opposite(c2), opposite(c3), mc, c11, c12];
  }
  return { system, cusps, angles };
}
