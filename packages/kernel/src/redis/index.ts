export { createRedisClient } from './redis-client.js';
export type { Redis } from 'ioredis';
