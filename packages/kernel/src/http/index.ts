export { createService, type Service } from './create-service.js';
export { buildService, type BuildOptions } from './build-service.js';
export { redactConfig } from './debug-routes.js';
export type { BuiltService, ServiceApp, ServiceContext, ServiceDefinition } from './service-types.js';
