export {
  createProbes,
  registerHealthRoutes,
  type Check,
  type CheckResult,
  type CheckStatus,
  type HealthSettings,
  type Probe,
  type ProbeAnswer,
} from './health-routes.js';
