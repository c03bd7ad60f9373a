export * from './service-manifests.js';
export * from './local-template.js';
