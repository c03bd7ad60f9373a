import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { writeReport } from '../adapters/report-writer.js';
import type { ServiceSpec } from '../domain/config/index.js';
import { validateManifestLabels } from '../domain/constitution/index.js';
import type { ManifestDocument } from '../domain/constitution/index.js';
import { deploymentManifest, serviceManifest } from '../domain/manifests/index.js';
import { planWaves } from '../domain/plan/index.js';
import { buildDeployReport, formatDeploySummary } from '../domain/report/index.js';
import type { DeployReport, ServiceDeployResult, ServiceRollbackResult } from '../domain/report/index.js';
import { planRunRollback } from '../domain/revisions/index.js';
import type { RunChange } from '../domain/revisions/index.js';
import { isAcgsError } from '../errors.js';
import type { RevisionedDriver } from '../drivers/revisioned-driver.js';
import type { CommandContext } from './command-context.js';
import { mapWithLimit } from './parallel-limit.js';

export interface DeployOptions {
  readonly only?: readonly string[] | undefined;
  readonly dryRun?: boolean;
}

export interface DeployOutcome {
  readonly report: DeployReport;
  readonly reportPath: string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A run id that sorts by time and never repeats: `deploy-20261123T041500Z-1a2b3c`. */
export function runId(kind: string, at: number): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${kind}-${stamp}-${randomBytes(3).toString('hex')}`;
}

function manifestDocuments(ctx: CommandContext, services: readonly ServiceSpec[]): ManifestDocument[] {
  return services.flatMap((service, index) => [
    {
      source: `generated/${service.name}`,
      index: index * 2,
      object: deploymentManifest(service, ctx.config.production),
    },
    {
      source: `generated/${service.name}`,
      index: index * 2 + 1,
      object: serviceManifest(service, ctx.config.production),
    },
  ]);
}

/**
 * `acgs deploy`: plans waves from the dependency graph (a cycle or unknown dependency is refused, naming
 * it, before anything is applied), applies each wave's services in parallel behind the health gate, and on
 * the first failure undoes exactly the services this run changed, in reverse deployment order. Writes the
 * JSON report to the report directory and prints progress and a summary.
 */
export async function runDeploy(
  ctx: CommandContext,
  driver: RevisionedDriver,
  options: DeployOptions = {},
): Promise<DeployOutcome> {
  const production = ctx.config.production;
  const startedAt = ctx.now();
  const deploymentId = runId('deploy', startedAt);
  const byName = new Map(production.services.map((service) => [service.name, service]));
  const base = {
    deploymentId,
    startedAt,
    namespace: production.namespace,
    environment: production.environment,
    constitutionalHash: production.constitutional_validation.hash,
    driver: driver.kind,
    dryRun: options.dryRun === true,
  };
  const finish = async (
    input: Omit<Parameters<typeof buildDeployReport>[0], keyof typeof base | 'finishedAt'>,
  ) => {
    const report = buildDeployReport({ ...base, ...input, finishedAt: ctx.now() });
    const reportPath = await writeReport(
      resolve(ctx.cwd, production.deployment.report_directory),
      'deployment',
      startedAt,
      report,
    );
    ctx.out(formatDeploySummary(report));
    ctx.out(`report: ${reportPath}\n`);
    return { report, reportPath };
  };

  let waves: string[][];
  try {
    waves = planWaves(
      production.services.map((service) => ({ name: service.name, dependsOn: service.depends_on })),
      options.only,
    );
  } catch (error) {
    if (!isAcgsError(error)) throw error;
    ctx.err(`refused before applying anything: ${error.message}\n`);
    return finish({ waves: [], services: [], errors: [`${error.code}: ${error.message}`] });
  }
  const selected = waves.flat().map((name) => byName.get(name) as ServiceSpec);
  const waveOf = new Map(waves.flatMap((wave, index) => wave.map((name) => [name, index + 1] as const)));
  ctx.out(`deployment ${deploymentId}: ${waves.map((wave) => `[${wave.join(', ')}]`).join(' → ')}\n`);

  if (driver.kind === 'kubernetes' && production.constitutional_validation.enabled) {
    const violations = validateManifestLabels(
      manifestDocuments(ctx, selected),
      production.constitutional_validation.hash,
    );
    if (violations.length > 0) {
      return finish({
        waves,
        services: selected.map((s) => ({ name: s.name, wave: waveOf.get(s.name) ?? 0, status: 'skipped' })),
        manifestViolations: violations,
      });
    }
  }

  if (options.dryRun === true) {
    return finish({
      waves,
      services: selected.map((s) => ({ name: s.name, wave: waveOf.get(s.name) ?? 0, status: 'planned' })),
    });
  }

  const results = new Map<string, ServiceDeployResult>();
  const changes: RunChange<unknown>[] = [];
  const timeoutMs = production.deployment.health_timeout_seconds * 1000;
  let failed = false;

  const deployOne = async (service: ServiceSpec, wave: number): Promise<ServiceDeployResult> => {
    const started = ctx.now();
    let revision: number | undefined;
    let previous: number | undefined;
    let changed = false;
    try {
      await driver.apply(
        service,
        { at: started, runId: deploymentId, cause: `acgs deploy ${deploymentId}` },
        (outcome) => {
          changes.push({ service: service.name, changed: outcome.changed, previous: outcome.previous });
          revision = outcome.revision.revision;
          previous = outcome.previous?.revision;
          changed = outcome.changed;
        },
      );
      ctx.out(
        `  ${service.name}: revision ${revision ?? '?'}${changed ? '' : ' (unchanged)'}, waiting for health…\n`,
      );
      const ready = await driver.waitReady(service, timeoutMs);
      ctx.out(`  ${service.name}: ${ready.healthy ? 'healthy' : 'UNHEALTHY'} (${ready.message})\n`);
      return {
        name: service.name,
        wave,
        status: ready.healthy ? (changed ? 'deployed' : 'unchanged') : 'failed',
        revision,
        previous_revision: previous,
        health: {
          healthy: ready.healthy,
          status_code: ready.statusCode,
          constitutional_hash_valid: ready.hashValid,
          message: ready.message,
          attempts: ready.attempts,
        },
        duration_ms: ctx.now() - started,
        ...(ready.healthy ? {} : { error: `health gate failed: ${ready.message}` }),
      };
    } catch (error) {
      ctx.out(`  ${service.name}: FAILED (${message(error)})\n`);
      return {
        name: service.name,
        wave,
        status: 'failed',
        revision,
        previous_revision: previous,
        duration_ms: ctx.now() - started,
        error: message(error),
      };
    }
  };

  for (const [index, wave] of waves.entries()) {
    const services = wave.map((name) => byName.get(name) as ServiceSpec);
    if (failed) {
      for (const service of services)
        results.set(service.name, { name: service.name, wave: index + 1, status: 'skipped' });
      continue;
    }
    ctx.out(`wave ${index + 1}/${waves.length}: ${wave.join(', ')}\n`);
    const outcomes = await mapWithLimit(services, production.deployment.max_parallel, (service) =>
      deployOne(service, index + 1),
    );
    for (const outcome of outcomes) results.set(outcome.name, outcome);
    failed = outcomes.some((outcome) => outcome.status === 'failed');
  }

  let rollback: { reason: string; services: ServiceRollbackResult[] } | undefined;
  if (failed) {
    const reason = `health gate failed: ${[...results.values()]
      .filter((r) => r.status === 'failed')
      .map((r) => r.name)
      .join(', ')}`;
    const steps = planRunRollback(changes, waves.flat());
    ctx.out(
      `rolling back ${steps.length} changed service(s): ${steps.map((s) => s.service).join(', ') || 'none'}\n`,
    );
    const stamp = {
      at: ctx.now(),
      runId: `${deploymentId}-rollback`,
      cause: `rollback of failed ${deploymentId}`,
    };
    const undo = async (step: (typeof steps)[number]): Promise<ServiceRollbackResult> => {
      const service = byName.get(step.service) as ServiceSpec;
      try {
        if (step.action === 'remove') {
          await driver.remove(service);
          return { name: service.name, status: 'removed' };
        }
        const outcome = await driver.rollback(service, stamp, step.target.revision);
        const ready = await driver.waitReady(service, timeoutMs);
        ctx.out(
          `  ${service.name}: back on ${step.target.revision} as revision ${outcome.to.revision}${ready.healthy ? '' : ` but UNHEALTHY (${ready.message})`}\n`,
        );
        return {
          name: service.name,
          from_revision: outcome.from.revision,
          to_revision: outcome.to.revision,
          status: ready.healthy ? 'rolled_back' : 'failed',
          ...(ready.healthy ? {} : { error: `unhealthy after rollback: ${ready.message}` }),
        };
      } catch (error) {
        return { name: service.name, status: 'failed', error: message(error) };
      }
    };
    const undone =
      ctx.config.rollback.rollback_strategy === 'fast'
        ? await Promise.all(steps.map(undo))
        : await mapWithLimit(steps, 1, undo);
    rollback = { reason, services: undone };
    for (const step of undone) {
      const result = results.get(step.name);
      if (result !== undefined && result.status === 'deployed' && step.status !== 'failed') {
        results.set(step.name, { ...result, status: 'rolled_back' });
      }
    }
  }

  return finish({
    waves,
    services: waves.flat().map((name) => results.get(name) as ServiceDeployResult),
    ...(rollback === undefined ? {} : { rollback }),
  });
}
