/** Where NAIF publishes the planetary SPK kernels (`involution kernels fetch`). */
export const NAIF_PLANETS_URL = 'https://naif.jpl.nasa.gov/pub/naif/generic_kernels/spk/planets/';
