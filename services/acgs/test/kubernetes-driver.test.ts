import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApiServer } from '../src/adapters/kubernetes-fake/index.js';
import type { FakeApiServer } from '../src/adapters/kubernetes-fake/index.js';
import { runDeploy } from '../src/commands/deploy-command.js';
import { runEmergencyRollback } from '../src/commands/rollback-command.js';
import { createDriver } from '../src/drivers/create-driver.js';
import { kubeConfigFor } from '../src/drivers/kubernetes/kubernetes-runtime.js';
import { HASH, tempDir, testContext } from './support/test-context.js';

const run = promisify(execFile);
const NS = 'acgs-system';
let api: FakeApiServer;
const dir = tempDir('k8s');

function context(images: { a: string; b: string }) {
  return testContext(
    dir,
    {
      production: {
        // A 1 s progress deadline: a rollout whose pods never get ready fails with ProgressDeadlineExceeded quickly.
        deployment: {
          health_timeout_seconds: 10,
          health_poll_interval_ms: 50,
          progress_deadline_seconds: 1,
          report_directory: dir,
        },
        services: [
          { name: 'a', port: 8100, image: images.a },
          { name: 'b', port: 8101, image: images.b, depends_on: ['a'] },
        ],
      },
      rollback: { rollback_timeout_seconds: 10 },
    },
    { ACGS_KUBE_SERVER: api.url },
  );
}

const kubectl = async (...args: string[]) =>
  (
    await run('kubectl', [`--server=${api.url}`, '--insecure-skip-tls-verify', '-n', NS, ...args])
  ).stdout.trim();

async function deploy(images: { a: string; b: string }) {
  const ctx = context(images);
  return (await runDeploy(ctx, await createDriver(ctx, 'kubernetes'))).report;
}

beforeAll(async () => {
  api = await startFakeApiServer({
    podsBecomeReady: (template) => !JSON.stringify(template).includes(':bad'),
  });
});

afterAll(async () => {
  await api.close();
});

describe('Kubernetes driver against the in-process fake API server', () => {
  it('applies Deployments and Services with the constitutional-hash label and waits for the rollout', async () => {
    const report = await deploy({ a: 'acgs/a:1', b: 'acgs/b:1' });
    expect(report.deployment_status).toBe('success');
    expect(report.services.map((s) => `${s.name}:${s.status}:${s.revision ?? '-'}`)).toEqual([
      'a:deployed:1',
      'b:deployed:1',
    ]);
    expect(report.services[0]?.health?.message).toBe('deployment "a" successfully rolled out');
    const config = kubeConfigFor({ ACGS_KUBE_SERVER: api.url });
    const deployment = await config
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ name: 'b', namespace: NS });
    expect(deployment.metadata?.labels?.['constitutional-hash']).toBe(HASH);
    expect(deployment.spec?.template.metadata?.labels?.['constitutional-hash']).toBe(HASH);
    const service = await config.makeApiClient(CoreV1Api).readNamespacedService({ name: 'b', namespace: NS });
    expect(service.spec?.ports?.[0]?.port).toBe(8101);
    expect(service.metadata?.labels?.['constitutional-hash']).toBe(HASH);
  });

  it('fails a rollout on ProgressDeadlineExceeded and rolls back only the changed service to a new revision', async () => {
    const report = await deploy({ a: 'acgs/a:1', b: 'acgs/b:bad' });
    expect(report.deployment_status).toBe('rolled_back');
    const b = report.services.find((s) => s.name === 'b');
    expect(b?.status).toBe('failed');
    expect(b?.health?.message).toBe('deployment "b" exceeded its progress deadline');
    expect(report.services.find((s) => s.name === 'a')?.status).toBe('unchanged');
    expect(report.rollback.services).toEqual([
      { name: 'b', from_revision: 2, to_revision: 3, status: 'rolled_back' },
    ]);
    // The API server agrees: revision 1 came back as revision 3 with the good image.
    const history = await kubectl(
      'get',
      'rs',
      '-l',
      'app.kubernetes.io/name=b',
      '-o',
      'jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}={.spec.template.spec.containers[0].image} {end}',
    );
    expect(history.split(' ').filter(Boolean).sort()).toEqual(['2=acgs/b:bad', '3=acgs/b:1']);
    expect(await kubectl('rollout', 'status', 'deployment/b', '--timeout=10s')).toBe(
      'deployment "b" successfully rolled out',
    );
  });

  it('emergency rollback twice: the second run changes nothing on the cluster', async () => {
    expect((await deploy({ a: 'acgs/a:2', b: 'acgs/b:1' })).deployment_status).toBe('success');
    const ctx = context({ a: 'acgs/a:2', b: 'acgs/b:1' });
    const first = await runEmergencyRollback(ctx, await createDriver(ctx, 'kubernetes'));
    expect(first.services.map((s) => `${s.name}:${s.action}:${s.new_revision ?? s.reason ?? ''}`)).toEqual([
      'a:rolled_back:3',
      'b:skipped:already-rolled-back',
    ]);
    const second = await runEmergencyRollback(ctx, await createDriver(ctx, 'kubernetes'));
    expect(second.status).toBe('nothing_to_do');
    const image = await kubectl(
      'get',
      'deployment',
      'a',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    );
    expect(image).toBe('acgs/a:1');
    expect(
      await kubectl(
        'get',
        'deployment',
        'a',
        '-o',
        'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}',
      ),
    ).toBe('3');
  });
});
