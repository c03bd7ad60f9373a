export * from './dependency-graph.js';
export * from './deployment-waves.js';
