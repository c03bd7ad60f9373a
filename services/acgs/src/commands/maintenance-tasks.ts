import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { readCertificate } from '../adapters/certificate-reader.js';
import { runCommand } from '../adapters/command-runner.js';
import { deleteFile, gzipFile, listFiles } from '../adapters/file-sweep.js';
import { connectPostgres, readTableStats, runStatements } from '../adapters/postgres-tables.js';
import { probeService } from '../adapters/service-probe.js';
import {
  backupName,
  classifyCertificate,
  planBackupRetention,
  planLogRotation,
  planTableMaintenance,
  planTempCleanup,
} from '../domain/maintenance/index.js';
import type { MaintenanceTask, TaskResult } from '../domain/maintenance/index.js';
import type { CommandContext } from './command-context.js';

/** What a task reports (the runner adds the task name and duration). */
export type TaskOutcome = Omit<TaskResult, 'task' | 'duration_ms'>;
export type TaskRunner = (ctx: CommandContext) => Promise<TaskOutcome>;

const AUDIT_TIMEOUT_MS = 30_000;

async function logRotation(ctx: CommandContext): Promise<TaskOutcome> {
  const logs = ctx.config.maintenance.log_management;
  const deleted: string[] = [];
  const compressed: string[] = [];
  for (const directory of logs.directories) {
    const files = await listFiles(resolve(ctx.cwd, directory));
    for (const action of planLogRotation(files, ctx.now(), logs.retention_days, logs.compression)) {
      if (action.action === 'delete') {
        await deleteFile(action.path);
        deleted.push(action.path);
      } else {
        compressed.push(await gzipFile(action.path));
      }
    }
  }
  return {
    status: 'success',
    summary: `${deleted.length} log file(s) older than ${logs.retention_days} days deleted, ${compressed.length} compressed`,
    details: { deleted, compressed },
  };
}

async function tempCleanup(ctx: CommandContext): Promise<TaskOutcome> {
  const logs = ctx.config.maintenance.log_management;
  const deleted: string[] = [];
  for (const directory of logs.temp_directories) {
    const files = await listFiles(resolve(ctx.cwd, directory));
    for (const action of planTempCleanup(files, ctx.now(), logs.retention_days)) {
      await deleteFile(action.path);
      deleted.push(action.path);
    }
  }
  return {
    status: 'success',
    summary: `${deleted.length} temp file(s) older than ${logs.retention_days} days deleted`,
    details: { deleted },
  };
}

async function healthCheck(ctx: CommandContext): Promise<TaskOutcome> {
  const hash = ctx.config.production.constitutional_validation.hash;
  const results = await Promise.all(
    ctx.config.production.services.map(async (service) => {
      const probe = await probeService(
        { name: service.name, host: '127.0.0.1', port: service.port, probe: service.probe },
        hash,
        { cwd: ctx.root },
      );
      return { service: service.name, healthy: probe.healthy, message: probe.message };
    }),
  );
  const down = results.filter((r) => !r.healthy).map((r) => r.service);
  return {
    status: down.length === 0 ? 'success' : 'warning',
    summary: down.length === 0 ? `${results.length} service(s) healthy` : `unhealthy: ${down.join(', ')}`,
    details: results,
  };
}

async function databaseOptimization(ctx: CommandContext): Promise<TaskOutcome> {
  const url = ctx.env['DATABASE_URL'];
  if (url === undefined || url === '')
    return { status: 'skipped', summary: 'DATABASE_URL is not set: no database to optimize' };
  const settings = ctx.config.maintenance.database_maintenance;
  const client = await connectPostgres(url);
  try {
    const stats = await readTableStats(client);
    const actions = planTableMaintenance(stats, {
      vacuumThreshold: settings.vacuum_threshold,
      reindexThreshold: settings.reindex_threshold,
      analyze: settings.analyze_tables,
    });
    for (const action of actions) await runStatements(client, action.statements);
    return {
      status: 'success',
      summary: `${actions.length} of ${stats.length} table(s) above dead-tuple ratio ${settings.vacuum_threshold} vacuumed`,
      details: { tables_checked: stats.length, actions },
    };
  } finally {
    await client.end();
  }
}

async function pgDump(url: string, target: string): Promise<void> {
  const child = spawn('pg_dump', ['--no-owner', `--dbname=${url}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit, reject) => {
    child.once('error', reject);
    child.once('exit', resolveExit);
  });
  await pipeline(child.stdout, createGzip(), createWriteStream(target));
  const code = await exited;
  if (code !== 0) throw new Error(`pg_dump exited ${code ?? '?'}: ${stderr.trim()}`);
}

async function backup(ctx: CommandContext): Promise<TaskOutcome> {
  const settings = ctx.config.maintenance.backup;
  const directory = resolve(ctx.cwd, settings.directory);
  await mkdir(directory, { recursive: true });
  const url = ctx.env['DATABASE_URL'];
  const now = ctx.now();
  let created: string;
  if (url !== undefined && url !== '') {
    created = join(directory, backupName(now, 'sql.gz'));
    await pgDump(url, created);
  } else {
    // No database: back up acgs's own state (revision histories), which rollbacks depend on.
    const snapshot: Record<string, unknown> = {};
    for (const file of await listFiles(ctx.stateDir)) {
      if (file.path.endsWith('-revisions.json'))
        snapshot[file.path] = JSON.parse(await readFile(file.path, 'utf8')) as unknown;
    }
    created = join(directory, backupName(now, 'json.gz'));
    await pipeline(Readable.from([JSON.stringify(snapshot)]), createGzip(), createWriteStream(created));
  }
  const entries = await Promise.all(
    (await readdir(directory))
      .filter((name) => name.startsWith('acgs-backup-'))
      .map(async (name) => ({ name, createdAt: (await stat(join(directory, name))).mtimeMs })),
  );
  const retention = planBackupRetention(entries, now, settings.retention_days, settings.min_backups_kept);
  for (const name of retention.delete) await deleteFile(join(directory, name));
  return {
    status: 'success',
    summary: `created ${created}; ${retention.delete.length} backup(s) past ${settings.retention_days} days removed, ${retention.keep.length} kept`,
    details: { created, deleted: retention.delete, kept: retention.keep },
  };
}

async function performanceAnalysis(ctx: CommandContext): Promise<TaskOutcome> {
  const directory = resolve(ctx.cwd, ctx.config.health_monitor.report_directory);
  let names: string[] = [];
  try {
    names = (await readdir(directory))
      .filter((n) => n.startsWith('health-check-'))
      .sort()
      .slice(-50);
  } catch {
    // no reports yet
  }
  if (names.length === 0) return { status: 'skipped', summary: 'no monitoring reports to analyse yet' };
  const breaches: Record<string, number> = {};
  for (const name of names) {
    const report = JSON.parse(await readFile(join(directory, name), 'utf8')) as {
      summary?: { slo_breaches?: string[] };
    };
    for (const service of report.summary?.slo_breaches ?? [])
      breaches[service] = (breaches[service] ?? 0) + 1;
  }
  const worst = Object.entries(breaches).sort(([, a], [, b]) => b - a);
  return {
    status: worst.length === 0 ? 'success' : 'warning',
    summary:
      worst.length === 0
        ? `no SLO breach in the last ${names.length} checks`
        : `SLO breaches in the last ${names.length} checks: ${worst.map(([s, n]) => `${s} ${n}`).join(', ')}`,
    details: { reports: names.length, breaches },
  };
}

/** Runs an npm command that needs the registry; an offline machine gives a skip with the reason, never a failure. */
async function npmReport(
  ctx: CommandContext,
  args: string[],
  describe: (json: Record<string, unknown>) => TaskOutcome,
): Promise<TaskOutcome> {
  const result = await runCommand('npm', args, { cwd: ctx.root, timeoutMs: AUDIT_TIMEOUT_MS, env: ctx.env });
  if (result.missing) return { status: 'skipped', summary: 'npm is not installed' };
  if (result.timedOut)
    return {
      status: 'skipped',
      summary: `npm ${args[0] ?? ''} timed out after ${AUDIT_TIMEOUT_MS / 1000} s (offline?)`,
    };
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(result.stdout === '' ? '{}' : result.stdout) as Record<string, unknown>;
  } catch {
    return {
      status: 'skipped',
      summary: `npm ${args[0] ?? ''} gave no JSON (offline?): ${result.stderr.split('\n')[0] ?? ''}`,
    };
  }
  const error = json['error'] as { code?: string; summary?: string } | undefined;
  if (error !== undefined) {
    const reason = [
      error.summary,
      typeof json['message'] === 'string' ? json['message'] : undefined,
      error.code,
    ].find((text) => text !== undefined && text !== '');
    return {
      status: 'skipped',
      summary: `registry unreachable (offline?): ${reason?.split('\n')[0] ?? 'unknown error'}`,
    };
  }
  return describe(json);
}

function securityAudit(ctx: CommandContext): Promise<TaskOutcome> {
  return npmReport(ctx, ['audit', '--json'], (json) => {
    const counts = ((json['metadata'] as Record<string, unknown> | undefined)?.['vulnerabilities'] ??
      {}) as Record<string, number>;
    const serious = (counts['high'] ?? 0) + (counts['critical'] ?? 0);
    const total = Object.entries(counts)
      .filter(([k]) => k !== 'total')
      .reduce((sum, [, n]) => sum + n, 0);
    return {
      status: serious > 0 ? 'warning' : 'success',
      summary: `${total} known vulnerabilit${total === 1 ? 'y' : 'ies'} (${serious} high or critical)`,
      details: counts,
    };
  });
}

function dependencyAudit(ctx: CommandContext): Promise<TaskOutcome> {
  return npmReport(ctx, ['outdated', '--json'], (json) => {
    const outdated = Object.entries(json).map(([name, info]) => {
      const entry = info as { current?: string; wanted?: string; latest?: string };
      return { name, current: entry.current, wanted: entry.wanted, latest: entry.latest };
    });
    return {
      status: 'success',
      summary: `${outdated.length} outdated dependenc${outdated.length === 1 ? 'y' : 'ies'}`,
      details: outdated,
    };
  });
}

async function certificateCheck(ctx: CommandContext): Promise<TaskOutcome> {
  const settings = ctx.config.maintenance.certificates;
  if (settings.paths.length === 0) return { status: 'skipped', summary: 'no certificate paths configured' };
  const verdicts = [];
  for (const path of settings.paths) {
    const info = await readCertificate(resolve(ctx.cwd, path));
    verdicts.push(classifyCertificate(info, ctx.now(), settings.warning_days, settings.critical_days));
  }
  const bad = verdicts.filter((v) => v.status !== 'ok');
  const expired = verdicts.some((v) => v.status === 'expired');
  return {
    status: expired ? 'failed' : bad.length > 0 ? 'warning' : 'success',
    summary:
      bad.length === 0
        ? `${verdicts.length} certificate(s) valid for more than ${settings.warning_days} days`
        : bad.map((v) => `${v.path}: ${v.status} (${v.daysLeft} days left)`).join('; '),
    details: verdicts,
    ...(expired ? { error: 'a certificate has expired' } : {}),
  };
}

/** The implementation of each of the nine tasks. */
export const MAINTENANCE_TASKS: Readonly<Record<MaintenanceTask, TaskRunner>> = {
  log_rotation: logRotation,
  temp_cleanup: tempCleanup,
  health_check: healthCheck,
  database_optimization: databaseOptimization,
  backup,
  performance_analysis: performanceAnalysis,
  security_audit: securityAudit,
  certificate_check: certificateCheck,
  dependency_audit: dependencyAudit,
};
