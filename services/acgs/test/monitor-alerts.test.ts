import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@svc/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeploy } from '../src/commands/deploy-command.js';
import { monitorPorts } from '../src/commands/monitor-command.js';
import { ServiceMonitor } from '../src/commands/service-monitor.js';
import { createDriver, localRuntime } from '../src/drivers/create-driver.js';
import { startFixture } from './support/fixture-process.js';
import type { FixtureProcess } from './support/fixture-process.js';
import { fastDeployment, fixtureService, health, tempDir, testContext } from './support/test-context.js';

/** A webhook receiver on loopback that records every body and answers `status`. */
function receiver() {
  const bodies: unknown[] = [];
  const state = { status: 200 };
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      bodies.push(JSON.parse(text) as unknown);
      response.writeHead(state.status).end();
    });
  });
  return { bodies, state, server };
}

const hook = receiver();
let hookUrl: string;
let failing: FixtureProcess;
const dir = tempDir('alerts');
const T0 = Date.UTC(2026, 10, 23, 4, 0, 0);

beforeAll(async () => {
  await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/webhook`;
  failing = await startFixture(await freePort(), { FIXTURE_HEALTH_STATUS: '503' });
});

afterAll(async () => {
  await failing.stop();
  await new Promise((resolve) => hook.server.close(resolve));
});

describe('acgs monitor alerts', () => {
  it('sends nothing for 2 failures, exactly one alert on the 3rd, nothing on a 4th within the cooldown', async () => {
    const ctx = testContext(dir, {
      production: { services: [{ name: 'flaky', port: failing.port, command: ['node'] }] },
      health_monitor: {
        performance_monitoring: { enabled: false },
        alerting: { webhook_url: hookUrl, failure_threshold: 3, cooldown_seconds: 300 },
        report_directory: dir,
      },
    });
    const monitor = new ServiceMonitor(ctx.config, monitorPorts(ctx, await createDriver(ctx, 'local')));
    const sent: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      ctx.clock.now = T0 + round * 30_000;
      const report = await monitor.round();
      expect(report.overall_status).toBe('unhealthy');
      sent.push(hook.bodies.length);
    }
    expect(sent).toEqual([0, 0, 1, 1]);
    expect(hook.bodies[0]).toMatchObject({
      status: 'firing',
      alerts: [
        {
          labels: {
            alertname: 'AcgsServiceUnhealthy',
            service: 'flaky',
            check: 'health',
            severity: 'critical',
          },
        },
      ],
    });

    // After the cooldown the next failure alerts again — to a webhook that answers 500: not delivered, no crash.
    hook.state.status = 500;
    ctx.clock.now = T0 + 400_000;
    const report = await monitor.round();
    expect(hook.bodies).toHaveLength(2);
    expect(report.alerts_sent).toEqual([
      {
        key: 'flaky:health',
        status: 'firing',
        at: new Date(T0 + 400_000).toISOString(),
        delivered: false,
        error: 'webhook answered HTTP 500',
      },
    ]);
    expect(report.exit_code).toBe(2);
  });
});

describe('acgs monitor automatic rollback', () => {
  const runtimeCtx = () => testContext(dir, { production: { services: [] } });
  afterAll(async () => {
    await localRuntime(runtimeCtx()).stopAll(['svc']);
  });

  it('rolls back a recently changed service whose /health stops carrying the exact hash', async () => {
    const port = await freePort();
    const context = (env: Record<string, string>) =>
      testContext(dir, {
        production: { deployment: fastDeployment(dir), services: [fixtureService('svc', port, env)] },
        rollback: { auto_rollback_triggers: { constitutional_violations: 1 }, rollback_timeout_seconds: 15 },
        health_monitor: {
          performance_monitoring: { enabled: false },
          alerting: { enabled: false },
          report_directory: dir,
        },
      });
    const good = context({ FIXTURE_VERSION: '1' });
    expect((await runDeploy(good, await createDriver(good, 'local'))).report.deployment_status).toBe(
      'success',
    );
    // Version 2 passes the deploy gate, then reports a wrong hash after 1.5 s.
    const bad = context({ FIXTURE_VERSION: '2', FIXTURE_BREAK_AFTER_MS: '1500' });
    expect((await runDeploy(bad, await createDriver(bad, 'local'))).report.deployment_status).toBe('success');
    await sleep(1600);
    const monitor = new ServiceMonitor(bad.config, monitorPorts(bad, await createDriver(bad, 'local')));
    const report = await monitor.round();
    expect(report.summary.constitutional_violations).toEqual(['svc']);
    expect(report.auto_rollbacks).toEqual([
      {
        service: 'svc',
        trigger: 'constitutional_violations',
        reason: '1 consecutive constitutional hash violation(s)',
        outcome: 'rolled_back',
        detail: 'now revision 3',
      },
    ]);
    expect(await health(port)).toMatchObject({ version: '1', constitutional_hash: 'cdd01ef066bc6cf2' });
  });
});
