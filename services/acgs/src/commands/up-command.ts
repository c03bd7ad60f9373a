import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { acgsCommand } from '../adapters/acgs-entry.js';
import { ChildSupervisor } from '../adapters/child-supervisor.js';
import { waitUntilHealthy } from '../adapters/health-gate.js';
import { probeService } from '../adapters/service-probe.js';
import type { ServiceSpec } from '../domain/config/index.js';
import { localTemplate } from '../domain/manifests/index.js';
import { planWaves } from '../domain/plan/index.js';
import type { CommandContext } from './command-context.js';

type UpStatus = 'healthy' | 'unhealthy' | 'not built' | 'blocked';

interface UpRow {
  readonly name: string;
  status: UpStatus;
  detail: string;
}

/** Variables that would point the suite at Redis or PostgreSQL: `acgs up` runs on embedded defaults. */
const EXTERNAL_STORES = ['REDIS_URL', 'DATABASE_URL', 'RATE_LIMIT_STORAGE_URI'];

/**
 * The command a suite service runs, or undefined when it is not built (its `dist/cli.js` is missing).
 * acgs itself runs from its sources when it is not built, since this very process proves those exist.
 */
export function suiteCommand(service: ServiceSpec, root: string): string[] | undefined {
  const [first, script, ...rest] = service.command;
  if (first !== 'node' || script === undefined || script.startsWith('-')) return [...service.command];
  const path = isAbsolute(script) ? script : resolve(root, script);
  if (existsSync(path)) return [...service.command];
  if (/services\/acgs\/dist\/cli\.js$/.test(script)) return [...acgsCommand(), ...rest];
  return undefined;
}

/** The URL table printed once the suite is up. */
export function formatUrlTable(
  rows: readonly UpRow[],
  services: readonly ServiceSpec[],
  host: string,
): string {
  const port = new Map(services.map((s) => [s.name, s.port]));
  const lines = [`${'SERVICE'.padEnd(20)} ${'STATUS'.padEnd(10)} URL`];
  for (const row of rows) {
    const url =
      row.status === 'healthy' || row.status === 'unhealthy'
        ? `http://${host}:${port.get(row.name) ?? '?'}`
        : '—';
    const docs = row.status === 'healthy' ? `  (health ${url}/health, docs ${url}/docs)` : '';
    lines.push(
      `${row.name.padEnd(20)} ${row.status.padEnd(10)} ${url}${docs}${row.detail === '' ? '' : `  ${row.detail}`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `acgs up`: the whole suite on the local driver with embedded defaults — every built service started in
 * dependency order, each wave health-gated, a table of URLs, and on Ctrl-C (SIGINT) or SIGTERM every
 * service stopped in reverse order and exit 0. Services are supervised in this process (a crash restarts
 * them); their output goes to `<stateDir>/logs/<service>.log`.
 */
export async function runUp(ctx: CommandContext): Promise<number> {
  const production = ctx.config.production;
  const hash = production.constitutional_validation.hash;
  const services = production.services;
  const byName = new Map(services.map((s) => [s.name, s]));
  const waves = planWaves(services.map((s) => ({ name: s.name, dependsOn: s.depends_on })));
  const logs = join(ctx.stateDir, 'logs');
  await mkdir(logs, { recursive: true });
  const baseEnv: Record<string, string | undefined> = { ...ctx.env };
  for (const key of EXTERNAL_STORES) delete baseEnv[key];
  baseEnv['ACGS_ROOT'] = ctx.root;
  baseEnv['ACGS_STATE_DIR'] = ctx.stateDir;
  if (ctx.configPath !== undefined) baseEnv['CONFIG_PATH'] = ctx.configPath;
  baseEnv['ACGS_WORK_DIR'] = ctx.stateDir; // the acgs monitor child writes its reports under the state dir

  let interrupted = false;
  const signals = new AbortController();
  const stopRequested = Promise.race([
    once(process, 'SIGINT', { signal: signals.signal }),
    once(process, 'SIGTERM', { signal: signals.signal }),
  ]).then(
    () => {
      interrupted = true;
    },
    () => undefined,
  );

  const started: ChildSupervisor[] = [];
  const rows: UpRow[] = [];
  const down = new Set<string>();
  ctx.out(`acgs up: ${waves.map((w) => `[${w.join(', ')}]`).join(' → ')}\n`);
  for (const wave of waves) {
    if (interrupted) break;
    const gates = wave.map(async (name) => {
      const service = byName.get(name) as ServiceSpec;
      const row: UpRow = { name, status: 'healthy', detail: '' };
      rows.push(row);
      const blockedBy = service.depends_on.filter((d) => down.has(d));
      if (blockedBy.length > 0) {
        Object.assign(row, { status: 'blocked', detail: `needs ${blockedBy.join(', ')}` });
        down.add(name);
        return;
      }
      const command = suiteCommand(service, ctx.root);
      if (command === undefined) {
        Object.assign(row, { status: 'not built', detail: `missing ${service.command[1] ?? '?'}` });
        down.add(name);
        return;
      }
      const template = localTemplate({ ...service, command }, hash);
      const supervisor = new ChildSupervisor(
        { name, command: template.command, env: template.env, cwd: ctx.root, baseEnv },
        { output: createWriteStream(join(logs, `${name}.log`), { flags: 'a' }) },
      );
      supervisor.start();
      started.push(supervisor);
      ctx.out(`  starting ${name} on port ${service.port}…\n`);
      const gate = await waitUntilHealthy(
        () =>
          probeService({ name, host: '127.0.0.1', port: service.port, probe: service.probe }, hash, {
            hashRequired: production.constitutional_validation.enabled,
            cwd: ctx.root,
          }),
        {
          timeoutMs: production.deployment.health_timeout_seconds * 1000,
          intervalMs: production.deployment.health_poll_interval_ms,
        },
      );
      if (!gate.healthy) {
        Object.assign(row, { status: 'unhealthy', detail: gate.last?.message ?? '' });
        down.add(name);
      }
      ctx.out(`  ${name}: ${row.status}${row.detail === '' ? '' : ` (${row.detail})`}\n`);
    });
    await Promise.all(gates);
  }
  const order = waves.flat();
  rows.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  ctx.out(`\n${formatUrlTable(rows, services, '127.0.0.1')}\n`);
  if (!interrupted) {
    ctx.out('suite is up — press Ctrl-C to stop\n');
    await stopRequested;
  }
  signals.abort();
  ctx.out('stopping…\n');
  for (const supervisor of [...started].reverse()) {
    await supervisor.stop();
    ctx.out(`  stopped ${supervisor.spec.name}\n`);
  }
  ctx.out('all services stopped\n');
  return 0;
}
