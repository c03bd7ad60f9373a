/** The Inference Service Layer package: the service definition and its configuration. */
export { ISL_VERSION, islService } from './app.js';
export { islConfigSchema, islEnvironment, type IslConfig } from './config.js';
