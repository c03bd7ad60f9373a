import { describe, expect, it } from 'vitest';
import { isAcgsError } from '../../errors.js';
import { defaultAcgsConfig, parseAcgsConfig } from './acgs-config.js';
import type { RawAcgsConfig } from './acgs-config.js';

function issuesOf(raw: RawAcgsConfig): string[] {
  try {
    parseAcgsConfig(raw);
  } catch (error) {
    if (!isAcgsError(error, 'ACGS_CONFIG_INVALID')) throw error;
    const issues = error.details?.['issues'] as { path: string; message: string }[];
    return issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  return [];
}

describe('parseAcgsConfig', () => {
  it('yields the guide defaults for every file when nothing is given', () => {
    const config = defaultAcgsConfig();
    expect(config.production.namespace).toBe('acgs-system');
    expect(config.production.environment).toBe('production');
    expect(config.production.replicas).toEqual({ core: 3, infrastructure: 2, agents: 2 });
    expect(config.production.resources.medium).toEqual({
      cpu: '250m',
      memory: '256Mi',
      cpu_limit: '1000m',
      memory_limit: '1Gi',
    });
    expect(config.production.constitutional_validation).toEqual({
      enabled: true,
      hash: 'cdd01ef066bc6cf2',
      strict_mode: true,
    });
    expect(config.health_monitor.check_interval_seconds).toBe(30);
    expect(config.health_monitor.performance_monitoring).toMatchObject({
      sla_p99_latency_ms: 5,
      sla_throughput_rps: 100,
      sla_availability_percent: 99.9,
    });
    expect(config.health_monitor.alerting.webhook_url).toBe('http://alerting-service:8017/webhook');
    expect(config.rollback.rollback_timeout_seconds).toBe(600);
    expect(config.rollback.rollback_strategy).toBe('safe');
    expect(config.rollback.auto_rollback_triggers).toEqual({
      health_check_failures: 3,
      constitutional_violations: 1,
      performance_degradation: true,
    });
    expect(config.maintenance.maintenance_window_hours).toBe(2);
    expect(config.maintenance.database_maintenance.vacuum_threshold).toBe(0.2);
    expect(config.maintenance.log_management.retention_days).toBe(30);
  });

  it('lists the suite services with their fixed ports when production names none', () => {
    const ports = Object.fromEntries(defaultAcgsConfig().production.services.map((s) => [s.name, s.port]));
    expect(ports).toEqual({
      iss: 8000,
      isl: 8001,
      involution: 8002,
      'involution-time': 8003,
      'involution-gateway': 8004,
      logic: 8005,
      acgs: 8006,
    });
  });

  it('fills in deep defaults around the keys a partial file sets', () => {
    const config = parseAcgsConfig({
      health_monitor: { alerting: { cooldown_seconds: 60 } },
      production: { resources: { small: { cpu: '200m' } } },
    });
    expect(config.health_monitor.alerting).toEqual({
      enabled: true,
      webhook_url: 'http://alerting-service:8017/webhook',
      failure_threshold: 3,
      cooldown_seconds: 60,
      timeout_ms: 5000,
    });
    expect(config.production.resources.small).toEqual({
      cpu: '200m',
      memory: '128Mi',
      cpu_limit: '500m',
      memory_limit: '512Mi',
    });
    expect(config.health_monitor.check_interval_seconds).toBe(30);
  });

  it('treats an empty mapping key (`alerting:` with nothing) as all defaults', () => {
    expect(
      parseAcgsConfig({ health_monitor: { alerting: null } }).health_monitor.alerting.failure_threshold,
    ).toBe(3);
  });

  it('names the path of a bad value', () => {
    expect(issuesOf({ health_monitor: { alerting: { cooldown_seconds: -1 } } })).toEqual([
      'health_monitor.alerting.cooldown_seconds: expected integer ≥ 0, got -1',
    ]);
    expect(issuesOf({ health_monitor: { alerting: { cooldown_seconds: 1.5 } } })).toEqual([
      'health_monitor.alerting.cooldown_seconds: expected integer ≥ 0, got 1.5',
    ]);
  });

  it('refuses unknown keys, naming them', () => {
    expect(issuesOf({ rollback: { auto_rollback_triggers: { health_check_failure: 3 } } })).toEqual([
      'rollback.auto_rollback_triggers.health_check_failure: unknown key (allowed: health_check_failures, constitutional_violations, performance_degradation)',
    ]);
  });

  it('reports every issue of every file at once', () => {
    expect(
      issuesOf({
        production: { namespace: 'ACGS', services: [{ name: 'a', port: 70000 }] },
        rollback: { rollback_strategy: 'yolo' },
        maintenance: { database_maintenance: { vacuum_threshold: 2 } },
      }),
    ).toEqual([
      'production.namespace: expected a DNS-1123 label (lowercase letters, digits, "-"; at most 63 characters), got "ACGS"',
      'production.services[0].port: expected integer ≥ 1 and ≤ 65535, got 70000',
      'rollback.rollback_strategy: expected one of "safe", "fast", got "yolo"',
      'maintenance.database_maintenance.vacuum_threshold: expected number ≥ 0 and ≤ 1, got 2',
    ]);
  });

  it('requires a service name and port', () => {
    expect(issuesOf({ production: { services: [{ depends_on: [] }] } })).toEqual([
      'production.services[0].name: required: expected a DNS-1123 label (lowercase letters, digits, "-")',
      'production.services[0].port: required: expected integer ≥ 1 and ≤ 65535',
    ]);
  });

  it('refuses a hash that differs between files', () => {
    expect(issuesOf({ rollback: { constitutional_validation: { hash: 'deadbeefdeadbeef' } } })).toEqual([
      'rollback.constitutional_validation.hash: expected the same hash as production.constitutional_validation.hash ("cdd01ef066bc6cf2"), got "deadbeefdeadbeef"',
    ]);
  });

  it('refuses duplicate names, shared ports and exec probes without a command', () => {
    expect(
      issuesOf({
        production: {
          services: [
            { name: 'a', port: 1 },
            { name: 'a', port: 1, probe: { type: 'exec' } },
          ],
        },
      }),
    ).toEqual([
      'production.services[1].name: duplicate service name "a"',
      'production.services[1].probe.command: required: an exec probe needs a command',
      'production.services[1].port: port 1 is already used by "a"',
    ]);
  });

  it('refuses a scalar where a mapping belongs and strings where booleans belong', () => {
    expect(issuesOf({ maintenance: { log_management: 'yes', enable_maintenance_mode: 'true' } })).toEqual([
      'maintenance.enable_maintenance_mode: expected boolean, got "true"',
      'maintenance.log_management: expected mapping, got "yes"',
    ]);
  });

  it('returns a frozen config', () => {
    const config = defaultAcgsConfig();
    expect(Object.isFrozen(config.production.services[0])).toBe(true);
  });
});
