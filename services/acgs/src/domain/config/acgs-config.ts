import { AcgsError } from '../../errors.js';
import type { SchemaIssue } from './config-schema.js';
import { healthMonitorConfigSchema } from './health-monitor-config.js';
import type { HealthMonitorConfig } from './health-monitor-config.js';
import { maintenanceConfigSchema } from './maintenance-config.js';
import type { MaintenanceConfig } from './maintenance-config.js';
import { productionConfigSchema } from './production-config.js';
import type { ProductionConfig } from './production-config.js';
import { rollbackConfigSchema } from './rollback-config.js';
import type { RollbackConfig } from './rollback-config.js';

/** The four guide files, decoded, defaulted and frozen. */
export interface AcgsConfig {
  readonly production: ProductionConfig;
  readonly health_monitor: HealthMonitorConfig;
  readonly rollback: RollbackConfig;
  readonly maintenance: MaintenanceConfig;
}

/** The section names, in the order they are reported, with the guide's file stem for each. */
export const CONFIG_SECTIONS = {
  production: 'production-config',
  health_monitor: 'health-monitor-config',
  rollback: 'rollback-config',
  maintenance: 'maintenance-config',
} as const;

export type ConfigSection = keyof typeof CONFIG_SECTIONS;

/** Raw (parsed YAML) content per section; a missing section means "all defaults". */
export type RawAcgsConfig = Partial<Record<ConfigSection, unknown>>;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Cross-key rules a per-key schema cannot express. */
function checkConsistency(config: AcgsConfig, issues: SchemaIssue[]): void {
  const seen = new Set<string>();
  config.production.services.forEach((service, index) => {
    if (seen.has(service.name)) {
      issues.push({
        path: `production.services[${index}].name`,
        message: `duplicate service name "${service.name}"`,
      });
    }
    seen.add(service.name);
    if (service.probe.type === 'exec' && service.probe.command.length === 0) {
      issues.push({
        path: `production.services[${index}].probe.command`,
        message: 'required: an exec probe needs a command',
      });
    }
  });
  const ports = new Map<number, string>();
  config.production.services.forEach((service, index) => {
    const other = ports.get(service.port);
    if (other !== undefined) {
      issues.push({
        path: `production.services[${index}].port`,
        message: `port ${service.port} is already used by "${other}"`,
      });
    }
    ports.set(service.port, service.name);
  });
  // Four files, one hash: a deploy validated against one hash and monitored against another is a split brain.
  const hash = config.production.constitutional_validation.hash;
  for (const section of ['health_monitor', 'rollback', 'maintenance'] as const) {
    const other = config[section].constitutional_validation.hash;
    if (other !== hash) {
      issues.push({
        path: `${section}.constitutional_validation.hash`,
        message: `expected the same hash as production.constitutional_validation.hash ("${hash}"), got "${other}"`,
      });
    }
  }
  if (config.maintenance.certificates.critical_days > config.maintenance.certificates.warning_days) {
    issues.push({
      path: 'maintenance.certificates.critical_days',
      message: 'expected ≤ maintenance.certificates.warning_days',
    });
  }
}

/**
 * Decodes the four guide files at once. Every bad key in every file is reported in one error
 * (`ACGS_CONFIG_INVALID`, `details.issues`), each by its full path, e.g.
 * `health_monitor.alerting.cooldown_seconds: expected integer ≥ 0, got -1`.
 */
export function parseAcgsConfig(raw: RawAcgsConfig): AcgsConfig {
  const issues: SchemaIssue[] = [];
  const config: AcgsConfig = {
    production: productionConfigSchema.decode(raw.production, 'production', issues),
    health_monitor: healthMonitorConfigSchema.decode(raw.health_monitor, 'health_monitor', issues),
    rollback: rollbackConfigSchema.decode(raw.rollback, 'rollback', issues),
    maintenance: maintenanceConfigSchema.decode(raw.maintenance, 'maintenance', issues),
  };
  if (issues.length === 0) checkConsistency(config, issues);
  if (issues.length > 0) {
    const first = issues[0] as SchemaIssue;
    throw new AcgsError(
      'ACGS_CONFIG_INVALID',
      `invalid configuration:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`,
      { field: first.path, details: { issues } },
    );
  }
  return deepFreeze(config);
}

/** The all-defaults configuration (what the shipped YAML files also spell out). */
export function defaultAcgsConfig(): AcgsConfig {
  return parseAcgsConfig({});
}
