import { array, integer, object, oneOf, optional, record, string } from './config-schema.js';
import type { SchemaType } from './config-schema.js';
import { constitutionalValidationSchema, namespaceSchema } from './constitutional-validation.js';
import { DEFAULT_SUITE_SERVICES } from './default-suite.js';

const quantity = (value: string, kind: 'cpu' | 'memory') =>
  string({
    default: value,
    pattern: kind === 'cpu' ? /^\d+(\.\d+)?m?$/ : /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$/,
    patternName:
      kind === 'cpu' ? 'a CPU quantity such as "500m" or "1"' : 'a memory quantity such as "512Mi" or "1Gi"',
  });

const resourceSize = (cpu: string, memory: string, cpuLimit: string, memoryLimit: string) =>
  object({
    cpu: quantity(cpu, 'cpu'),
    memory: quantity(memory, 'memory'),
    cpu_limit: quantity(cpuLimit, 'cpu'),
    memory_limit: quantity(memoryLimit, 'memory'),
  });

/** How a service proves it is alive: HTTP `/health` (with the hash), a TCP connect, or a command. */
export const probeSchema = object({
  type: oneOf(['http', 'tcp', 'exec'], { default: 'http' }),
  path: string({ default: '/health', pattern: /^\//, patternName: 'a path starting with "/"' }),
  ready_path: string({ default: '/ready', pattern: /^\//, patternName: 'a path starting with "/"' }),
  // exec probes only, e.g. ["pg_isready", "-h", "127.0.0.1"] or ["redis-cli", "ping"].
  command: array(string({ minLength: 1 }), { default: [] }),
  timeout_ms: integer({ default: 2000, min: 1 }), // 2 s per attempt
});

/** One deployable service. */
export const serviceSchema = object({
  name: string({
    pattern: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    patternName: 'a DNS-1123 label (lowercase letters, digits, "-")',
  }),
  port: integer({ min: 1, max: 65535 }),
  tier: oneOf(['core', 'infrastructure', 'agents'], { default: 'core' }),
  size: oneOf(['small', 'medium', 'large'], { default: 'small' }),
  depends_on: array(string({ minLength: 1 }), { default: [] }),
  version: string({ default: '0.1.0', minLength: 1 }),
  // Container image for the Kubernetes driver; the adapter derives one from name and version when absent.
  image: optional(string({ minLength: 1 })),
  // Command for the local driver, run from the repository root.
  command: array(string({ minLength: 1 }), { default: [] }),
  env: record(string()),
  probe: probeSchema,
});

export const productionConfigSchema = object({
  namespace: namespaceSchema,
  environment: oneOf(['production', 'staging', 'development'], { default: 'production' }),
  replicas: object({
    core: integer({ default: 3, min: 0 }),
    infrastructure: integer({ default: 2, min: 0 }),
    agents: integer({ default: 2, min: 0 }),
  }),
  resources: object({
    small: resourceSize('100m', '128Mi', '500m', '512Mi'),
    medium: resourceSize('250m', '256Mi', '1000m', '1Gi'),
    large: resourceSize('500m', '512Mi', '2000m', '2Gi'),
  }),
  constitutional_validation: constitutionalValidationSchema,
  deployment: object({
    health_timeout_seconds: integer({ default: 120, min: 1 }), // per service, before its wave fails
    health_poll_interval_ms: integer({ default: 500, min: 10 }),
    progress_deadline_seconds: integer({ default: 600, min: 1 }), // Kubernetes progressDeadlineSeconds
    max_parallel: integer({ default: 4, min: 1 }), // services started at once within a wave
    report_directory: string({ default: 'reports', minLength: 1 }),
  }),
  services: array(serviceSchema, { default: DEFAULT_SUITE_SERVICES }),
});

export type ProductionConfig = SchemaType<typeof productionConfigSchema>;
export type ServiceSpec = SchemaType<typeof serviceSchema>;
export type ProbeSpec = SchemaType<typeof probeSchema>;
