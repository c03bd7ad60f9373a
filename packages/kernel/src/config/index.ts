export { baseConfigSchema, baseConfigAliases, type BaseConfig } from './base-config.js';
export {
  ConfigError,
  environmentWithDotenv,
  listSetting,
  loadConfig,
  type LoadConfigOptions,
  type ServiceConfig,
} from './env-config.js';
