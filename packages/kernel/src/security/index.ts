export { fastifyTrustProxy, parseTrustProxy } from './trust-proxy.js';
export { registerSecurity, type SecuritySettings } from './security-hooks.js';
