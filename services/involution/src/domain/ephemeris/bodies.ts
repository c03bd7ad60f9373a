/** The bodies the ephemeris knows, in chart order. */
export const BODIES = [
  'Sun',
  'Moon',
  'Mercury',
  'Venus',
  'Mars',
  'Jupiter',
  'Saturn',
  'Uranus',
  'Neptune',
  'Pluto',
  'MeanNode',
  'TrueNode',
  'MeanApogee',
] as const;

/** A body name. `MeanApogee` is the mean lunar apogee (Black Moon Lilith). */
export type Body = (typeof BODIES)[number];

/** The ten bodies of a classic chart. */
export const CHART_BODIES: readonly Body[] = BODIES.slice(0, 10);

/** True when `name` is a known body. */
export function isBody(name: string): name is Body {
  return (BODIES as readonly string[]).includes(name);
}
