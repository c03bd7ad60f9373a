/** Public API of the JPL SPK ephemeris provider. */
export { CompositeEphemerisProvider, type BodyCatalogProvider } from './composite-provider.js';
export { chebyshevInterpolant, fitChebyshevRecords } from './chebyshev-fit.js';
export { FRAME_BIAS, icrfToTrueEclipticOfDate, tdbMinusTt } from './icrf-frame.js';
export { CHIRON_IDS, SPK_TARGETS, type SpkBody } from './spk-bodies.js';
export { SpkEphemerisProvider, type SpkBodyPosition, type SpkProviderOptions } from './spk-provider.js';
