export { createCache, type Cache, type CacheSettings } from './tiered-cache.js';
