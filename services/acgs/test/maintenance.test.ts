import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres } from '@svc/kernel/testing';
import type { TestPostgres } from '@svc/kernel/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintenanceFlagPath, runMaintenance } from '../src/commands/maintenance-command.js';
import type { RawAcgsConfig } from '../src/domain/config/index.js';
import { ROOT } from './support/spawn-cli.js';
import { tempDir, testContext } from './support/test-context.js';

const DAY = 86_400_000;
const NOW = Date.now();

/** Creates a file whose mtime is `ageDays` ago. */
function aged(path: string, ageDays: number, text = 'x'): void {
  writeFileSync(path, text);
  const at = new Date(NOW - ageDays * DAY);
  utimesSync(path, at, at);
}

function context(dir: string, raw: RawAcgsConfig = {}, env: Record<string, string> = {}) {
  return testContext(
    dir,
    {
      ...raw,
      production: { services: [], deployment: { report_directory: join(dir, 'reports') } },
      maintenance: {
        log_management: { retention_days: 30, directories: ['logs'], temp_directories: ['tmp'] },
        backup: { directory: 'backups', retention_days: 7, min_backups_kept: 3 },
        ...(raw.maintenance as Record<string, unknown> | undefined),
      },
    },
    env,
  );
}

describe('acgs maintenance daily', () => {
  it('rotates logs and cleans temp files by retention_days, inside maintenance mode', async () => {
    const dir = tempDir('daily');
    mkdirSync(join(dir, 'logs', 'svc'), { recursive: true });
    mkdirSync(join(dir, 'tmp'));
    aged(join(dir, 'logs', 'old.log'), 40);
    aged(join(dir, 'logs', 'svc', 'mid.log'), 5);
    aged(join(dir, 'logs', 'fresh.log'), 0);
    aged(join(dir, 'tmp', 'old.tmp'), 31);
    aged(join(dir, 'tmp', 'new.tmp'), 29);
    const ctx = context(dir);
    const report = await runMaintenance(ctx, 'daily');
    expect(report.tasks.map((t) => `${t.task}:${t.status}`)).toEqual([
      'log_rotation:success',
      'temp_cleanup:success',
      'health_check:success',
    ]);
    expect(report.status).toBe('success');
    expect(report.exit_code).toBe(0);
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['fresh.log', 'svc']);
    expect(readdirSync(join(dir, 'logs', 'svc'))).toEqual(['mid.log.gz']);
    expect(readdirSync(join(dir, 'tmp'))).toEqual(['new.tmp']);
    expect(report.maintenance_mode.enabled_at).not.toBeNull();
    expect(report.maintenance_mode.disabled_at).not.toBeNull();
    expect(existsSync(maintenanceFlagPath(ctx.stateDir))).toBe(false);
  });

  it('switches maintenance mode off even when a task fails, and reports every task', async () => {
    const dir = tempDir('failing');
    const ctx = context(dir);
    let flagDuringTask = false;
    const report = await runMaintenance(ctx, 'daily', {
      log_rotation: () => {
        flagDuringTask = existsSync(maintenanceFlagPath(ctx.stateDir));
        return Promise.reject(new Error('disk on fire'));
      },
    });
    expect(flagDuringTask).toBe(true);
    expect(report.tasks.map((t) => `${t.task}:${t.status}`)).toEqual([
      'log_rotation:failed',
      'temp_cleanup:success',
      'health_check:success',
    ]);
    expect(report.tasks[0]?.error).toBe('disk on fire');
    expect(report.status).toBe('partial');
    expect(report.exit_code).toBe(1);
    expect(existsSync(maintenanceFlagPath(ctx.stateDir))).toBe(false);
    expect(report.maintenance_mode.disabled_at).not.toBeNull();
  });
});

describe('acgs maintenance weekly (real PostgreSQL)', () => {
  let database: TestPostgres;
  let client: pg.Client;

  const deadTuples = async (table: string) =>
    Number(
      (
        await client.query<{ n: string }>(
          'SELECT n_dead_tup AS n FROM pg_stat_user_tables WHERE relname = $1',
          [table],
        )
      ).rows[0]?.n ?? -1,
    );

  beforeAll(async () => {
    database = await startPostgres();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // dead / (live + dead): hot 500/1500 = 0.33 (> 0.2, > 0.3 reindex), edge 250/1250 = 0.2 exactly (not above), cool 100/1100.
    for (const [table, updated] of [
      ['hot', 500],
      ['edge', 250],
      ['cool', 100],
    ] as const) {
      await client.query(
        `CREATE TABLE ${table} (id int PRIMARY KEY, v int) WITH (autovacuum_enabled = false)`,
      );
      await client.query(`INSERT INTO ${table} SELECT g, 0 FROM generate_series(1, 1000) g`);
      await client.query(`UPDATE ${table} SET v = 1 WHERE id <= ${updated}`);
    }
    await client.query('SELECT pg_stat_force_next_flush()');
    for (let i = 0; i < 100 && (await deadTuples('cool')) !== 100; i += 1)
      await new Promise((r) => setTimeout(r, 100));
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await database?.stop();
  });

  it('vacuums and reindexes only the tables whose dead-tuple ratio exceeds the thresholds, then backs up with retention', async () => {
    expect([await deadTuples('hot'), await deadTuples('edge'), await deadTuples('cool')]).toEqual([
      500, 250, 100,
    ]);
    const dir = tempDir('weekly');
    mkdirSync(join(dir, 'backups'));
    for (const days of [10, 11, 12, 13]) aged(join(dir, 'backups', `acgs-backup-old-${days}d.sql.gz`), days);
    const ctx = context(
      dir,
      { maintenance: { database_maintenance: { vacuum_threshold: 0.2, reindex_threshold: 0.3 } } },
      { DATABASE_URL: database.url },
    );
    const report = await runMaintenance(ctx, 'weekly');
    expect(report.tasks.map((t) => `${t.task}:${t.status}`)).toEqual([
      'database_optimization:success',
      'backup:success',
      'performance_analysis:skipped',
    ]);

    const vacuumed = await client.query<{ relname: string }>(
      'SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL ORDER BY relname',
    );
    expect(vacuumed.rows.map((r) => r.relname)).toEqual(['hot']);
    const details = report.tasks[0]?.details as {
      tables_checked: number;
      actions: { table: string; statements: string[] }[];
    };
    expect(details.tables_checked).toBe(3);
    expect(details.actions).toEqual([
      {
        schema: 'public',
        table: 'hot',
        deadRatio: 500 / 1500,
        statements: ['VACUUM (ANALYZE) "public"."hot"', 'REINDEX TABLE "public"."hot"'],
      },
    ]);

    const backups = readdirSync(join(dir, 'backups')).sort();
    expect(backups.filter((name) => name.endsWith('d.sql.gz'))).toEqual([
      'acgs-backup-old-10d.sql.gz',
      'acgs-backup-old-11d.sql.gz',
    ]);
    const created = backups.filter((name) => !name.includes('-old-'));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatch(/^acgs-backup-\d{8}T\d{6}Z\.sql\.gz$/);
    const dump = execFileSync('gzip', ['-dc', join(dir, 'backups', created[0] as string)]).toString();
    expect(dump).toContain('CREATE TABLE public.hot');
  });
});

describe('acgs maintenance monthly', () => {
  it('classifies certificates by days to expiry and reports audits as skipped when offline', async () => {
    const dir = tempDir('monthly');
    const makeCert = (name: string, days: number) =>
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, `${name}.key`),
          '-out',
          join(dir, `${name}.pem`),
          '-days',
          String(days),
          '-subj',
          `/CN=${name}`,
        ],
        { stdio: 'ignore' },
      );
    makeCert('soon', 10);
    makeCert('later', 365);
    // Audits run in the repository (it has dependencies); the registry is an unreachable port.
    const ctx = {
      ...context(
        dir,
        {
          maintenance: {
            certificates: { paths: ['soon.pem', 'later.pem'], warning_days: 30, critical_days: 7 },
          },
        },
        {
          npm_config_registry: 'http://127.0.0.1:9/',
          npm_config_fetch_retries: '0',
          HOME: process.env['HOME'] ?? '/root',
        },
      ),
      root: ROOT,
    };
    const report = await runMaintenance(ctx, 'monthly');
    expect(report.tasks.map((t) => `${t.task}:${t.status}`)).toEqual([
      'security_audit:skipped',
      'certificate_check:warning',
      'dependency_audit:skipped',
    ]);
    expect(report.tasks[0]?.summary).toMatch(/^registry unreachable \(offline\?\): .*ECONNREFUSED/);
    const certificates = report.tasks[1]?.details as { subject: string; status: string; daysLeft: number }[];
    expect(certificates.map((c) => `${c.subject}:${c.status}`)).toEqual(['CN=soon:warning', 'CN=later:ok']);
    expect(certificates[0]?.daysLeft).toBe(9);
    expect(report.status).toBe('success');
  });
});
