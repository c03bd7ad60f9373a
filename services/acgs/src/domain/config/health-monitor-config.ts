import { boolean, integer, number, object, string } from './config-schema.js';
import type { SchemaType } from './config-schema.js';
import { constitutionalValidationSchema, namespaceSchema } from './constitutional-validation.js';

export const healthMonitorConfigSchema = object({
  namespace: namespaceSchema,
  check_interval_seconds: integer({ default: 30, min: 1 }),
  request_timeout_ms: integer({ default: 5000, min: 1 }), // per /health request
  constitutional_validation: constitutionalValidationSchema,
  performance_monitoring: object({
    enabled: boolean({ default: true }),
    sla_p99_latency_ms: number({ default: 5, min: 0, exclusiveMin: true }),
    sla_throughput_rps: number({ default: 100, min: 0 }),
    sla_availability_percent: number({ default: 99.9, min: 0, max: 100 }),
    sla_error_rate_percent: number({ default: 1, min: 0, max: 100 }), // the guide's "Error Rate: <1%"
    window_seconds: integer({ default: 60, min: 1 }), // traffic window the SLOs are computed over
  }),
  alerting: object({
    enabled: boolean({ default: true }),
    webhook_url: string({
      default: 'http://alerting-service:8017/webhook',
      pattern: /^https?:\/\/\S+$/,
      patternName: 'an http(s) URL',
    }),
    failure_threshold: integer({ default: 3, min: 1 }), // consecutive failed checks before the first alert
    cooldown_seconds: integer({ default: 300, min: 0 }), // no repeat alert for the same problem within this
    timeout_ms: integer({ default: 5000, min: 1 }), // webhook request timeout
  }),
  report_directory: string({ default: 'reports', minLength: 1 }),
});

export type HealthMonitorConfig = SchemaType<typeof healthMonitorConfigSchema>;
