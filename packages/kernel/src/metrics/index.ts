export { createHttpMetrics, type HttpMetrics } from './http-metrics.js';
export { scrapeMetrics, serveClusterMetrics, shareWorkerRegistry } from './cluster-metrics.js';
export { Counter, Gauge, Histogram, Summary, type Registry } from 'prom-client';
