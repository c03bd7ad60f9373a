import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@svc/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeploy } from '../src/commands/deploy-command.js';
import { runEmergencyRollback, runTargetedRollback } from '../src/commands/rollback-command.js';
import { createDriver, localRuntime } from '../src/drivers/create-driver.js';
import {
  fastDeployment,
  fixtureService,
  HASH,
  health,
  tempDir,
  testContext,
} from './support/test-context.js';

const dir = tempDir('deploy');
let ports: Record<'a' | 'b' | 'c', number>;

/** a ← b, a ← c; `versions` sets FIXTURE_VERSION (a new template), `extra` more env per service. */
function context(
  versions: Partial<Record<'a' | 'b' | 'c', string>> = {},
  extra: Partial<Record<'a' | 'b' | 'c', Record<string, string>>> = {},
) {
  const env = (name: 'a' | 'b' | 'c') => ({ FIXTURE_VERSION: versions[name] ?? '1', ...extra[name] });
  return testContext(dir, {
    rollback: { rollback_timeout_seconds: 15 },
    production: {
      deployment: fastDeployment(dir),
      services: [
        fixtureService('a', ports.a, env('a')),
        fixtureService('b', ports.b, env('b'), ['a']),
        fixtureService('c', ports.c, env('c'), ['a']),
      ],
    },
  });
}

async function deploy(ctx: ReturnType<typeof context>) {
  const driver = await createDriver(ctx, 'local');
  return runDeploy(ctx, driver);
}

beforeAll(async () => {
  ports = { a: await freePort(), b: await freePort(), c: await freePort() };
});

afterAll(async () => {
  await localRuntime(context()).stopAll(['a', 'b', 'c']);
});

describe('acgs deploy (local driver)', () => {
  it('deploys in dependency waves behind the health gate and writes a valid JSON report', async () => {
    const ctx = context();
    const { report, reportPath } = await deploy(ctx);
    expect(report.deployment_status).toBe('success');
    expect(report.exit_code).toBe(0);
    expect(report.deployment_order).toEqual([['a'], ['b', 'c']]);
    expect(report.services.map((s) => `${s.name}:${s.status}:${s.revision ?? '-'}`)).toEqual([
      'a:deployed:1',
      'b:deployed:1',
      'c:deployed:1',
    ]);
    expect(report.services.every((s) => s.health?.constitutional_hash_valid === true)).toBe(true);
    expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toMatchObject({
      deployment_status: 'success',
      services_deployed: ['a', 'b', 'c'],
    });
    expect((await health(ports.b)).constitutional_hash).toBe(HASH);
    expect(ctx.lines.join('')).toContain('wave 2/2: b, c');
  });

  it('changes nothing when deployed again with the same templates', async () => {
    const { report } = await deploy(context());
    expect(report.services.map((s) => `${s.name}:${s.status}:${s.revision ?? '-'}`)).toEqual([
      'a:unchanged:1',
      'b:unchanged:1',
      'c:unchanged:1',
    ]);
  });

  it('rolls back exactly the services the failed run changed when a hash carries extra text', async () => {
    // b's new version answers "<hash>-v2": a substring test would pass it, the exact policy refuses it.
    const ctx = context({ b: '2', c: '2' }, { b: { FIXTURE_HASH: `${HASH}-v2` } });
    const { report } = await deploy(ctx);
    expect(report.deployment_status).toBe('rolled_back');
    expect(report.exit_code).toBe(1);
    const byName = Object.fromEntries(report.services.map((s) => [s.name, s]));
    expect(byName['a']?.status).toBe('unchanged');
    expect(byName['b']?.status).toBe('failed');
    expect(byName['b']?.health?.constitutional_hash_valid).toBe(false);
    expect(byName['c']?.status).toBe('rolled_back');
    // Reverse deployment order, only what changed (a was untouched): c then b.
    expect(
      report.rollback.services.map(
        (s) => `${s.name}:${s.status}:${s.from_revision ?? '-'}->${s.to_revision ?? '-'}`,
      ),
    ).toEqual(['c:rolled_back:2->3', 'b:rolled_back:2->3']);
    expect((await health(ports.b)).constitutional_hash).toBe(HASH);
    expect((await health(ports.b)).version).toBe('1');
    expect((await health(ports.c)).version).toBe('1');
  });

  it('refuses a dependency cycle before anything is applied, naming it', async () => {
    const ctx = testContext(dir, {
      production: {
        deployment: fastDeployment(dir),
        services: [fixtureService('x', ports.a, {}, ['y']), fixtureService('y', ports.b, {}, ['x'])],
      },
    });
    const { report } = await deploy(ctx);
    expect(report.deployment_status).toBe('failed');
    expect(report.exit_code).toBe(2);
    expect(report.errors).toEqual(['ACGS_PLAN_CYCLE: dependency cycle: x → y → x']);
    expect(report.services).toEqual([]);
    expect(existsSync(join(ctx.stateDir, 'local', 'x.json'))).toBe(false);
    expect((await health(ports.a)).version).toBe('1'); // the running a was not touched
  });

  it('refuses an unknown dependency, naming it', async () => {
    const ctx = testContext(dir, {
      production: {
        deployment: fastDeployment(dir),
        services: [fixtureService('x', ports.a, {}, ['ghost'])],
      },
    });
    const { report } = await deploy(ctx);
    expect(report.errors).toEqual(['ACGS_PLAN_UNKNOWN_DEPENDENCY: unknown dependencies: x → ghost']);
  });
});

describe('acgs rollback (local driver)', () => {
  it('emergency rollback undoes only the last deploy, and run twice never re-deploys the bad version', async () => {
    const { report } = await deploy(context({ a: '3', c: '3' }));
    expect(report.deployment_status).toBe('success');
    expect((await health(ports.a)).version).toBe('3');

    const first = await runEmergencyRollback(
      context({ a: '3', c: '3' }),
      await createDriver(context(), 'local'),
    );
    expect(first.status).toBe('success');
    expect(first.services.map((s) => `${s.name}:${s.action}`)).toEqual([
      'c:rolled_back',
      'a:rolled_back',
      'b:skipped',
    ]);
    // b's current revision is the undo of the earlier failed run: an emergency rollback leaves it alone.
    expect(first.services.find((s) => s.name === 'b')?.reason).toBe('already-rolled-back');
    expect((await health(ports.a)).version).toBe('1');
    expect((await health(ports.c)).version).toBe('1');

    const second = await runEmergencyRollback(context(), await createDriver(context(), 'local'));
    expect(second.status).toBe('nothing_to_do');
    expect(second.services.map((s) => `${s.name}:${s.reason ?? ''}`)).toEqual([
      'a:already-rolled-back',
      'b:already-rolled-back',
      'c:already-rolled-back',
    ]);
    expect((await health(ports.a)).version).toBe('1');
    expect((await health(ports.c)).version).toBe('1');
  });

  it('targeted rollback to an explicit revision creates a new revision with that template', async () => {
    const ctx = context();
    const driver = await createDriver(ctx, 'local');
    const before = (await driver.histories(ctx.config.production.services)).find((h) => h.service === 'b');
    expect(before?.revisions.map((r) => r.revision)).toEqual([2, 3]);
    const report = await runTargetedRollback(ctx, driver, 'b', 2);
    // b's revision 2 is the bad "-v2" template: asked for explicitly, it is deployed, and fails health.
    expect(report.services[0]).toMatchObject({
      name: 'b',
      from_revision: 3,
      target_revision: 2,
      new_revision: 4,
      healthy: false,
    });
    expect(report.exit_code).toBe(1);
    const back = await runTargetedRollback(ctx, driver, 'b', 3);
    expect(back.services[0]).toMatchObject({
      name: 'b',
      action: 'rolled_back',
      new_revision: 5,
      healthy: true,
    });
    expect((await health(ports.b)).constitutional_hash).toBe(HASH);
  });

  it('refuses an unknown service and an unknown revision', async () => {
    const ctx = context();
    const driver = await createDriver(ctx, 'local');
    await expect(runTargetedRollback(ctx, driver, 'nope', undefined)).rejects.toMatchObject({
      code: 'ACGS_UNKNOWN_SERVICE',
    });
    await expect(runTargetedRollback(ctx, driver, 'a', 99)).rejects.toMatchObject({
      code: 'ACGS_REVISION_NOT_FOUND',
    });
  });
});
