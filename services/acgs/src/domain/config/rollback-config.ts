import { boolean, integer, object, oneOf } from './config-schema.js';
import type { SchemaType } from './config-schema.js';
import { constitutionalValidationSchema, namespaceSchema } from './constitutional-validation.js';

export const rollbackConfigSchema = object({
  namespace: namespaceSchema,
  rollback_timeout_seconds: integer({ default: 600, min: 1 }),
  // safe: one service at a time, health-verified before the next; fast: all changed services at once.
  rollback_strategy: oneOf(['safe', 'fast'], { default: 'safe' }),
  constitutional_validation: constitutionalValidationSchema,
  auto_rollback_triggers: object({
    health_check_failures: integer({ default: 3, min: 1 }), // consecutive failed health checks
    constitutional_violations: integer({ default: 1, min: 1 }), // consecutive hash mismatches
    performance_degradation: boolean({ default: true }), // SLO breach (latency, availability, errors)
  }),
  // Only a service changed this recently is rolled back automatically; older ones only alert.
  recent_change_window_seconds: integer({ default: 3600, min: 0 }), // 1 h
  // Consecutive SLO-breaching checks before performance_degradation fires (one slow window is noise).
  performance_degradation_checks: integer({ default: 3, min: 1 }),
  verify_health_after_rollback: boolean({ default: true }),
});

export type RollbackConfig = SchemaType<typeof rollbackConfigSchema>;
