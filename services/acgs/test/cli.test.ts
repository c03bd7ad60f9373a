import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runValidate } from '../src/commands/validate-command.js';
import { ROOT, runCli } from './support/spawn-cli.js';
import { fixtureService, HASH, tempDir } from './support/test-context.js';

const CONFIG_DIR = join(ROOT, 'services/acgs/config');

/** `acgs validate` in-process (the CLI only turns the returned code into the exit code). */
async function validate(config: string, manifests: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runValidate({}, config, manifests, (text) => (stdout += text));
  return { code, stdout };
}

describe('acgs validate', () => {
  it('accepts the shipped config files and the repository manifests (exit 0)', async () => {
    const result = await runCli(['validate', '--config', CONFIG_DIR]);
    expect(result.stdout).toContain('config health_monitor: ok');
    expect(result.stdout).toMatch(
      /manifests: ok \(\d+ documents, label constitutional-hash = cdd01ef066bc6cf2\)/,
    );
    expect(result.code).toBe(0);
  });

  it('names the path of every bad key (exit 1)', async () => {
    const dir = tempDir('validate');
    writeFileSync(
      join(dir, 'health-monitor-config.yaml'),
      'alerting:\n  cooldown_secs: 5\n  failure_threshold: 0\n',
    );
    const result = await validate(dir, []);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('config: INVALID');
    expect(result.stdout).toMatch(/health_monitor\.alerting\.cooldown_secs: /);
    expect(result.stdout).toMatch(/health_monitor\.alerting\.failure_threshold: expected integer ≥ 1/);
  });

  it('refuses a pod template whose label carries the hash plus other text (exit 1)', async () => {
    const dir = tempDir('manifests');
    const labels = (hash: string) => ({ app: 'x', 'constitutional-hash': hash });
    writeFileSync(
      join(dir, 'x.yaml'),
      stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'x', labels: labels(HASH) },
        spec: {
          selector: { matchLabels: { app: 'x' } },
          template: { metadata: { labels: labels(`${HASH}-v2`) } },
        },
      }),
    );
    const result = await validate(CONFIG_DIR, [join(dir, 'x.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Deployment/x spec.template.metadata.labels.constitutional-hash: expected exactly "${HASH}", got "${HASH}-v2"`,
    );
  });

  it('reports a missing config path (exit 2)', async () => {
    const result = await validate('/nonexistent/acgs', []);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('ACGS_CONFIG_NOT_FOUND');
  });
});

describe('acgs deploy (CLI)', () => {
  it('plans without applying on --dry-run and writes the JSON report (exit 0)', async () => {
    const dir = tempDir('cli-deploy');
    const reports = join(dir, 'reports');
    const config = join(dir, 'bundle.yaml');
    writeFileSync(
      config,
      stringify({
        production: {
          deployment: { report_directory: reports },
          services: [
            fixtureService('db', 1),
            fixtureService('api', 2, {}, ['db']),
            fixtureService('ui', 3, {}, ['api']),
          ],
        },
      }),
    );
    const result = await runCli(['deploy', '--config', config, '--dry-run', '--only', 'api', 'ui'], {
      ACGS_STATE_DIR: join(dir, 'state'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('order: [api] → [ui]');
    const [file] = readdirSync(reports);
    const report = JSON.parse(readFileSync(join(reports, file as string), 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({
      deployment_status: 'dry_run',
      dry_run: true,
      exit_code: 0,
      deployment_order: [['api'], ['ui']],
    });
  });

  it('refuses a cycle before applying anything, naming it (exit 2)', async () => {
    const dir = tempDir('cli-cycle');
    mkdirSync(join(dir, 'config'));
    writeFileSync(
      join(dir, 'config', 'production-config.yaml'),
      stringify({
        deployment: { report_directory: join(dir, 'reports') },
        services: [
          fixtureService('a', 1, {}, ['c']),
          fixtureService('b', 2, {}, ['a']),
          fixtureService('c', 3, {}, ['b']),
        ],
      }),
    );
    const result = await runCli(['deploy', '--config', join(dir, 'config')], {
      ACGS_STATE_DIR: join(dir, 'state'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refused before applying anything: dependency cycle: a → c → b → a');
    expect(readdirSync(dir).sort()).toEqual(['config', 'reports']); // no state directory: nothing was applied
  });
});

describe('acgs monitor --single-check (CLI)', () => {
  it('exits 0 when every service is healthy and 2 when one is down', async () => {
    const { startFixture } = await import('./support/fixture-process.js');
    const { freePort } = await import('@svc/kernel/testing');
    const up = await startFixture(await freePort());
    const dir = tempDir('cli-monitor');
    const write = (ports: number[]) => {
      const path = join(dir, `monitor-${ports.length}.yaml`);
      writeFileSync(
        path,
        stringify({
          production: { services: ports.map((port, i) => ({ name: `s${i}`, port, command: ['node'] })) },
          health_monitor: { report_directory: join(dir, 'reports'), alerting: { enabled: false } },
        }),
      );
      return path;
    };
    try {
      const healthy = await runCli(
        ['monitor', '--single-check', '--window', '1', '--config', write([up.port])],
        { ACGS_STATE_DIR: join(dir, 'state') },
      );
      expect(healthy.stdout).toContain('HEALTHY: 1/1 healthy (SLOs from scrape)');
      expect(healthy.code).toBe(0);
      const down = await runCli(
        ['monitor', '--single-check', '--window', '1', '--config', write([up.port, await freePort()])],
        {
          ACGS_STATE_DIR: join(dir, 'state'),
        },
      );
      expect(down.stdout).toContain('UNHEALTHY: 1/2 healthy');
      expect(down.code).toBe(2);
      expect(readdirSync(join(dir, 'reports')).filter((f) => f.startsWith('health-check-'))).toHaveLength(2);
    } finally {
      await up.stop();
    }
  });
});

describe('acgs monitor --serve (CLI)', () => {
  it('serves the status page and the compliance gauge while monitoring, and stops cleanly on SIGTERM', async () => {
    const { startFixture } = await import('./support/fixture-process.js');
    const { freePort, waitFor } = await import('@svc/kernel/testing');
    const { spawnCli } = await import('./support/spawn-cli.js');
    const fixture = await startFixture(await freePort());
    const dir = tempDir('cli-serve');
    const config = join(dir, 'monitor.yaml');
    writeFileSync(
      config,
      stringify({
        production: { services: [{ name: 'web', port: fixture.port, command: ['node'] }] },
        health_monitor: {
          check_interval_seconds: 1,
          report_directory: join(dir, 'reports'),
          alerting: { enabled: false },
        },
      }),
    );
    const port = await freePort();
    const child = spawnCli(['monitor', '--serve', '--config', config], {
      PORT: String(port),
      HOST: '127.0.0.1',
      ACGS_STATE_DIR: join(dir, 'state'),
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        'a monitoring round on /metrics',
        async () =>
          (await (await fetch(`${base}/metrics`)).text()).includes(
            'acgs_service_constitutional_compliant{service="web"} 1',
          ),
        30_000,
      );
      const page = await (await fetch(base)).text();
      expect(page).toContain('<td>web</td><td>healthy</td><td>exact</td>');
      expect(page).toContain('<svg');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await fixture.stop();
    }
  });
});
