import { describe, expect, it } from 'vitest';
import { buildDeployReport } from './deploy-report.js';
import type { DeployReportInput } from './deploy-report.js';
import { serializeReport } from './json-safe.js';
import { formatDeploySummary } from './report-summary.js';

const base: DeployReportInput = {
  deploymentId: 'deploy-1',
  startedAt: Date.UTC(2026, 10, 23, 3, 0, 0),
  finishedAt: Date.UTC(2026, 10, 23, 3, 0, 12, 500),
  namespace: 'acgs-system',
  environment: 'production',
  constitutionalHash: 'cdd01ef066bc6cf2',
  driver: 'local',
  dryRun: false,
  waves: [['a', 'b'], ['c']],
  services: [
    {
      name: 'a',
      wave: 1,
      status: 'deployed',
      revision: 2,
      previous_revision: 1,
      health: { healthy: true, constitutional_hash_valid: true },
    },
    { name: 'b', wave: 1, status: 'unchanged', revision: 1 },
    { name: 'c', wave: 2, status: 'deployed', revision: 1 },
  ],
};

describe('buildDeployReport', () => {
  it('reports a successful run with the guide fields and exit code 0', () => {
    const report = buildDeployReport(base);
    expect(report).toMatchObject({
      report_type: 'deployment',
      deployment_id: 'deploy-1',
      timestamp: '2026-11-23T03:00:12.500Z',
      started_at: '2026-11-23T03:00:00.000Z',
      duration_seconds: 12.5,
      deployment_status: 'success',
      constitutional_hash: 'cdd01ef066bc6cf2',
      constitutional_compliance: { compliant: true, manifest_violations: [], services_failing_hash: [] },
      deployment_order: [['a', 'b'], ['c']],
      services_deployed: ['a', 'c'],
      services_unchanged: ['b'],
      services_failed: [],
      rollback: { performed: false, reason: null, services: [] },
      exit_code: 0,
    });
  });

  it('reports a failure rolled back in reverse order as rolled_back with exit code 1', () => {
    const report = buildDeployReport({
      ...base,
      services: [
        { name: 'a', wave: 1, status: 'rolled_back', revision: 2 },
        { name: 'b', wave: 1, status: 'unchanged', revision: 1 },
        {
          name: 'c',
          wave: 2,
          status: 'failed',
          error: 'health gate: /health answered 503',
          health: { healthy: false, constitutional_hash_valid: false },
        },
      ],
      rollback: {
        reason: 'c failed its health gate',
        services: [
          { name: 'c', status: 'removed' },
          { name: 'a', from_revision: 2, to_revision: 3, status: 'rolled_back' },
        ],
      },
    });
    expect(report.deployment_status).toBe('rolled_back');
    expect(report.exit_code).toBe(1);
    expect(report.services_failed).toEqual(['c']);
    expect(report.constitutional_compliance.services_failing_hash).toEqual(['c']);
    expect(formatDeploySummary(report)).toBe(
      [
        'deployment deploy-1: ROLLED_BACK in 12.5 s (local, namespace acgs-system)',
        'order: [a, b] → [c]',
        '  rolled_back a rev 2',
        '  unchanged   b rev 1',
        '  failed      c — health gate: /health answered 503',
        'rollback (c failed its health gate):',
        '  removed     c',
        '  rolled_back a → rev 3',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(serializeReport(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('reports rollback_failed (exit 2) when undoing a service failed, and failed (exit 2) with no rollback', () => {
    const failedRollback = buildDeployReport({
      ...base,
      services: [{ name: 'a', wave: 1, status: 'failed' }],
      rollback: { reason: 'x', services: [{ name: 'a', status: 'failed', error: 'timeout' }] },
    });
    expect([failedRollback.deployment_status, failedRollback.exit_code]).toEqual(['rollback_failed', 2]);
    const cycle = buildDeployReport({
      ...base,
      services: [],
      waves: [],
      errors: ['dependency cycle: a → b → a'],
    });
    expect([cycle.deployment_status, cycle.exit_code]).toEqual(['failed', 2]);
  });

  it('reports a dry run as dry_run and manifest violations as non-compliant failures', () => {
    expect(
      buildDeployReport({
        ...base,
        dryRun: true,
        services: base.services.map((s) => ({ ...s, status: 'planned' as const })),
      }).deployment_status,
    ).toBe('dry_run');
    const bad = buildDeployReport({
      ...base,
      services: [],
      manifestViolations: [
        { path: 'x.yaml#0 Service/a metadata.labels.constitutional-hash', message: 'missing' },
      ],
    });
    expect(bad.constitutional_compliance.compliant).toBe(false);
    expect(bad.deployment_status).toBe('failed');
  });
});
