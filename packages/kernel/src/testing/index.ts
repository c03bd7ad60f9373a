/** Test helpers: real Redis and PostgreSQL servers on free loopback ports, and small waiting utilities. */
export { freePort } from './free-port.js';
export { waitFor } from './wait-for.js';
export { startRedis, type TestRedis } from './redis-server.js';
export { startPostgres, type TestPostgres } from './postgres-server.js';
