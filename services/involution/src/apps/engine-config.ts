/**
 * The engine's own environment variables (the deployment guide's names), apart from the app so the
 * CLI's kernel commands can read them without loading the ephemeris and the time-zone data.
 */
import { loadConfig, Type, type ServiceConfig } from '@svc/kernel';

/** The engine's variables, parsed with the kernel's. */
export const engineConfigSchema = {
  KERNELS_PATH: Type.String({ default: 'kernels', description: 'directories holding SPK kernels, separated like PATH' }),
  KERNEL_SET_TAG: Type.Enum(['DE440', 'DE441'], { default: 'DE440', description: 'DE440 (1550–2650) or DE441 (historical)' }),
  METAKERNEL_PATH: Type.String({ default: '', description: 'SPICE meta-kernel listing the kernels; wins over KERNEL_SET_TAG' }),
  ENABLE_POSITION_CACHE: Type.Boolean({ default: true }),
  POSITION_CACHE_TTL: Type.Integer({ default: 3600, minimum: 1, description: 'seconds (1 h)' }),
  POSITION_CACHE_SIZE: Type.Integer({ default: 2_000, minimum: 1, description: 'answers kept in memory (about 4 KB each)' }),
};

/** Kernel defaults for the engine. */
export const ENGINE_CONFIG_DEFAULTS = { PORT: 8002 };

/** The engine's configuration from the environment (and .env), as `involution serve engine` reads it. */
export function loadEngineConfig(env?: Readonly<Record<string, string | undefined>>): ServiceConfig<typeof engineConfigSchema> {
  return loadConfig(engineConfigSchema, { defaults: ENGINE_CONFIG_DEFAULTS, ...(env ? { env } : {}) });
}
