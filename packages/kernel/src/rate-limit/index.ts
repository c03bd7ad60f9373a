export {
  createClientLimiter,
  type ClientLimiter,
  type ClientLimiterSettings,
  type LimitDecision,
} from './client-limiter.js';
export { RateLimiterClusterMaster } from 'rate-limiter-flexible';
