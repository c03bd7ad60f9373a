export * from './http-traffic.js';
export * from './latency-quantile.js';
export * from './prometheus-text.js';
export * from './slo-evaluation.js';
export * from './traffic-rates.js';
