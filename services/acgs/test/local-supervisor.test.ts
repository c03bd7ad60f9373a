import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitFor } from '@svc/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runDeploy } from '../src/commands/deploy-command.js';
import { createDriver, localRuntime } from '../src/drivers/create-driver.js';
import { fastDeployment, fixtureService, health, tempDir, testContext } from './support/test-context.js';

const dir = tempDir('supervisor');
const context = (port: number) =>
  testContext(dir, {
    production: {
      deployment: fastDeployment(dir),
      services: [fixtureService('crashy', port, { FIXTURE_EXIT_AFTER_MS: '700' })],
    },
  });

afterAll(async () => {
  await localRuntime(context(1)).stopAll(['crashy']);
});

describe('local driver supervision', () => {
  it('restarts a crashed service from its detached supervisor, outliving the deploy', async () => {
    const port = await freePort();
    const ctx = context(port);
    expect((await runDeploy(ctx, await createDriver(ctx, 'local'))).report.deployment_status).toBe('success');
    const log = join(ctx.stateDir, 'logs', 'crashy.log');
    await waitFor(
      'a crash and a restart',
      () =>
        Promise.resolve(
          /exited code 3[\s\S]*restarting in \d+ ms[\s\S]*started pid \d+ \(restarts 1\)/.test(
            readFileSync(log, 'utf8'),
          ),
        ),
      20_000,
    );
    await waitFor('the restarted service', async () => (await health(port)).version === '1', 20_000);
    const record = JSON.parse(readFileSync(join(ctx.stateDir, 'local', 'crashy.json'), 'utf8')) as {
      pid: number;
    };
    expect(record.pid).toBeGreaterThan(0);
  });
});
