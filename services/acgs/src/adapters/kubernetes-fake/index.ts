export * from './fake-api-server.js';
export * from './fake-apps-cluster.js';
export * from './label-selector.js';
export * from './object-patch.js';
