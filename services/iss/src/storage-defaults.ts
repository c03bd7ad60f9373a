/**
 * Defaults of the settings that locate ISS's data, shared by the service's config schema and by
 * `iss verify`, which reads them without loading the kernel (to keep its memory flat).
 */
export const ISS_DEFAULTS = {
  NODE_ID: 'ISS_MODULE_V2',
  STORAGE_PATH: './forensic_logs',
  SPICE_STORAGE_PATH: './spice_layer',
  MATRIX_ROOT: './memory_matrix',
} as const;
