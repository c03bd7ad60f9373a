import { resolve } from 'node:path';
import { writeReport } from '../adapters/report-writer.js';
import type { ServiceSpec } from '../domain/config/index.js';
import { planWaves, rollbackOrder } from '../domain/plan/index.js';
import { planEmergencyRollback } from '../domain/revisions/index.js';
import { AcgsError, isAcgsError } from '../errors.js';
import type { RevisionedDriver } from '../drivers/revisioned-driver.js';
import type { CommandContext } from './command-context.js';
import { runId } from './deploy-command.js';

/** One service in a rollback report. */
export interface RollbackServiceResult {
  readonly name: string;
  readonly action: 'rolled_back' | 'skipped' | 'failed';
  readonly reason?: string | undefined;
  readonly from_revision?: number | undefined;
  /** The revision number chosen as target (it disappears: its template comes back as `new_revision`). */
  readonly target_revision?: number | undefined;
  readonly new_revision?: number | undefined;
  readonly healthy?: boolean | undefined;
  readonly error?: string | undefined;
}

export interface RollbackReport {
  readonly report_type: 'rollback';
  readonly rollback_id: string;
  readonly mode: 'emergency' | 'targeted' | 'automatic';
  readonly timestamp: string;
  readonly driver: 'local' | 'kubernetes';
  readonly constitutional_hash: string;
  readonly status: 'success' | 'nothing_to_do' | 'failed';
  readonly services: readonly RollbackServiceResult[];
  /** 0 success or nothing to do, 1 a rollback failed or left a service unhealthy. */
  readonly exit_code: number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function rollbackOne(
  ctx: CommandContext,
  driver: RevisionedDriver,
  service: ServiceSpec,
  stamp: { at: number; runId: string; cause: string },
  toRevision: number | undefined,
): Promise<RollbackServiceResult> {
  try {
    const outcome = await driver.rollback(service, stamp, toRevision);
    let healthy: boolean | undefined;
    let problem: string | undefined;
    if (ctx.config.rollback.verify_health_after_rollback) {
      const ready = await driver.waitReady(service, ctx.config.rollback.rollback_timeout_seconds * 1000);
      healthy = ready.healthy;
      if (!ready.healthy) problem = `unhealthy after rollback: ${ready.message}`;
    }
    ctx.out(
      `  ${service.name}: revision ${outcome.from.revision} → ${outcome.targetRevision}'s template as revision ${outcome.to.revision}` +
        `${healthy === false ? ' — UNHEALTHY' : healthy === true ? ', healthy' : ''}\n`,
    );
    return {
      name: service.name,
      action: problem === undefined ? 'rolled_back' : 'failed',
      from_revision: outcome.from.revision,
      target_revision: outcome.targetRevision,
      new_revision: outcome.to.revision,
      healthy,
      error: problem,
    };
  } catch (error) {
    if (isAcgsError(error, 'ACGS_REVISION_NOT_FOUND')) throw error;
    ctx.out(`  ${service.name}: FAILED (${message(error)})\n`);
    return { name: service.name, action: 'failed', error: message(error) };
  }
}

async function finish(
  ctx: CommandContext,
  driver: RevisionedDriver,
  id: string,
  at: number,
  mode: RollbackReport['mode'],
  services: RollbackServiceResult[],
): Promise<RollbackReport> {
  const failed = services.some((s) => s.action === 'failed');
  const any = services.some((s) => s.action === 'rolled_back');
  const report: RollbackReport = {
    report_type: 'rollback',
    rollback_id: id,
    mode,
    timestamp: new Date(at).toISOString(),
    driver: driver.kind,
    constitutional_hash: ctx.config.rollback.constitutional_validation.hash,
    status: failed ? 'failed' : any ? 'success' : 'nothing_to_do',
    services,
    exit_code: failed ? 1 : 0,
  };
  const path = await writeReport(
    resolve(ctx.cwd, ctx.config.production.deployment.report_directory),
    'rollback',
    at,
    report,
  );
  ctx.out(`rollback ${id}: ${report.status.toUpperCase()}\nreport: ${path}\n`);
  return report;
}

/**
 * `acgs rollback emergency`: every service the last deploy changed goes back to its last different,
 * not-known-bad revision, in reverse deployment order; nothing else is touched. Run twice, the second run
 * finds every service already rolled back and changes nothing (never re-deploys the bad version).
 */
export async function runEmergencyRollback(
  ctx: CommandContext,
  driver: RevisionedDriver,
): Promise<RollbackReport> {
  const at = ctx.now();
  const id = runId('emergency', at);
  const services = ctx.config.production.services;
  const byName = new Map(services.map((s) => [s.name, s]));
  const plan = planEmergencyRollback(await driver.histories(services));
  const waves = planWaves(services.map((s) => ({ name: s.name, dependsOn: s.depends_on })));
  const order = rollbackOrder(
    waves,
    plan.filter((step) => step.action === 'rollback').map((step) => step.service),
  );
  ctx.out(
    `emergency rollback ${id}: ${order.length === 0 ? 'nothing changed by the last deploy' : order.join(', ')}\n`,
  );
  const results: RollbackServiceResult[] = [];
  const stamp = { at, runId: id, cause: 'emergency rollback' };
  for (const name of order) {
    const step = plan.find((s) => s.service === name);
    if (step?.action !== 'rollback') continue;
    results.push(
      await rollbackOne(ctx, driver, byName.get(name) as ServiceSpec, stamp, step.target.revision),
    );
  }
  for (const step of plan) {
    if (step.action === 'skip') results.push({ name: step.service, action: 'skipped', reason: step.reason });
  }
  return finish(ctx, driver, id, at, 'emergency', results);
}

/**
 * `acgs rollback targeted SVC [REVISION]`: one service back to REVISION, or to its last different,
 * not-known-bad revision. Like `kubectl rollout undo`, the result is a NEW revision.
 */
export async function runTargetedRollback(
  ctx: CommandContext,
  driver: RevisionedDriver,
  name: string,
  revision: number | undefined,
  mode: 'targeted' | 'automatic' = 'targeted',
  cause = 'targeted rollback',
): Promise<RollbackReport> {
  const service = ctx.config.production.services.find((s) => s.name === name);
  if (service === undefined) {
    throw new AcgsError('ACGS_UNKNOWN_SERVICE', `unknown service "${name}"`, {
      field: 'service',
      details: { known: ctx.config.production.services.map((s) => s.name) },
    });
  }
  if (revision !== undefined && !Number.isInteger(revision)) {
    throw new AcgsError('ACGS_REVISION_NOT_FOUND', `revision must be a whole number`, { field: 'revision' });
  }
  const at = ctx.now();
  const id = runId(mode, at);
  ctx.out(`${mode} rollback ${id}: ${name}${revision === undefined ? '' : ` to revision ${revision}`}\n`);
  const result = await rollbackOne(ctx, driver, service, { at, runId: id, cause }, revision);
  return finish(ctx, driver, id, at, mode, [result]);
}
