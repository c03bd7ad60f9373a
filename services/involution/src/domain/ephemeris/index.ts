/** Public API of the ephemeris core. */
export { AnalyticEphemerisProvider, ANALYTIC_COVERAGE } from './analytic-provider.js';
export { ACCURACY_TARGETS, ANALYTIC_ACCURACY, accuracyBound, type AccuracyBound } from './analytic-accuracy.js';
export { BODIES, CHART_BODIES, isBody, type Body } from './bodies.js';
export { chartPositions, type ChartPositions } from './chart-positions.js';
export { nutation, type Nutation } from './nutation.js';
export { meanObliquity, trueObliquity } from './obliquity.js';
export { precessionMatrix } from './precession.js';
export { PLUTO_COVERAGE } from './pluto-theory.js';
export type { BodyPosition, Coverage, EphemerisProvider, Observer, PositionOptions } from './provider.js';
export {
  equationOfEquinoxes,
  greenwichApparentSiderealTime,
  greenwichMeanSiderealTime,
  localApparentSiderealTime,
} from './sidereal-time.js';
export { SIGNS, zodiacSign, type SignName, type ZodiacSign } from './zodiac-sign.js';
