export {
  registerHealthRoutes,
  type Check,
  type CheckResult,
  type CheckStatus,
  type HealthSettings,
} from './health-routes.js';
