import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApiServer } from './fake-api-server.js';
import type { FakeApiServer } from './fake-api-server.js';

const NS = 'acgs-system';
const HASH = 'cdd01ef066bc6cf2';
let clock = Date.UTC(2026, 10, 23, 4, 0, 0);

function deployment(name: string, image: string, labels: Record<string, string> = {}): V1Deployment {
  const podLabels = { app: name, 'constitutional-hash': HASH, ...labels };
  return {
    metadata: { name, labels: { app: name, 'constitutional-hash': HASH } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: podLabels }, spec: { containers: [{ name, image }] } },
    },
  };
}

const revision = (object: { metadata?: { annotations?: Record<string, string> } }) =>
  object.metadata?.annotations?.['deployment.kubernetes.io/revision'];
const condition = (d: V1Deployment, type: string) => d.status?.conditions?.find((c) => c.type === type);
const imagesByRevision = (items: V1ReplicaSet[]) =>
  Object.fromEntries(
    items.map((rs) => [
      revision(rs) ?? '?',
      `${rs.spec?.template?.spec?.containers[0]?.image ?? '?'} x${rs.spec?.replicas ?? 0}`,
    ]),
  );

describe('fake Kubernetes API server (via @kubernetes/client-node 1.4.0)', () => {
  let api: FakeApiServer;
  let apps: AppsV1Api;
  let core: CoreV1Api;

  beforeAll(async () => {
    api = await startFakeApiServer({
      now: () => clock,
      podsBecomeReady: (template) => !JSON.stringify(template).includes(':bad'),
    });
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: 'fake', server: api.url, skipTLSVerify: true }],
      users: [{ name: 'tester' }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'tester' }],
      currentContext: 'fake',
    });
    apps = config.makeApiClient(AppsV1Api);
    core = config.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: NS, labels: { 'constitutional-hash': HASH } } } });
  });

  afterAll(async () => {
    await api.close();
  });

  it('creates revision 1 and reports the rollout complete', async () => {
    await apps.createNamespacedDeployment({ namespace: NS, body: deployment('iss', 'acgs-suite/iss:1') });
    const read = await apps.readNamespacedDeployment({ name: 'iss', namespace: NS });
    expect(revision(read)).toBe('1');
    expect(read.metadata?.generation).toBe(1);
    expect(read.status?.observedGeneration).toBe(1);
    expect(read.status?.availableReplicas).toBe(2);
    expect(condition(read, 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    expect(condition(read, 'Available')?.status).toBe('True');
  });

  it('creates revision 2 for a changed template and none for an unchanged one', async () => {
    const current = await apps.readNamespacedDeployment({ name: 'iss', namespace: NS });
    const changed = deployment('iss', 'acgs-suite/iss:2');
    changed.metadata = { ...changed.metadata, resourceVersion: current.metadata?.resourceVersion };
    const updated = await apps.replaceNamespacedDeployment({ name: 'iss', namespace: NS, body: changed });
    expect(revision(updated)).toBe('2');
    expect(updated.metadata?.generation).toBe(2);
    await apps.replaceNamespacedDeployment({
      name: 'iss',
      namespace: NS,
      body: deployment('iss', 'acgs-suite/iss:2'),
    });
    const list = await apps.listNamespacedReplicaSet({ namespace: NS, labelSelector: 'app=iss' });
    expect(imagesByRevision(list.items)).toEqual({ '1': 'acgs-suite/iss:1 x0', '2': 'acgs-suite/iss:2 x2' });
  });

  it('rolls back by template: the old ReplicaSet becomes revision 3 and revision 1 disappears', async () => {
    const list = await apps.listNamespacedReplicaSet({ namespace: NS, labelSelector: 'app=iss' });
    const target = list.items.find((rs) => revision(rs) === '1') as V1ReplicaSet;
    const template = structuredClone(target.spec?.template);
    delete template?.metadata?.labels?.['pod-template-hash'];
    const body = deployment('iss', 'unused');
    (body.spec as { template: unknown }).template = template;
    const rolledBack = await apps.replaceNamespacedDeployment({ name: 'iss', namespace: NS, body });
    expect(revision(rolledBack)).toBe('3');
    const after = await apps.listNamespacedReplicaSet({ namespace: NS, labelSelector: 'app=iss' });
    expect(imagesByRevision(after.items)).toEqual({ '2': 'acgs-suite/iss:2 x0', '3': 'acgs-suite/iss:1 x2' });
    const renumbered = after.items.find((rs) => revision(rs) === '3');
    expect(renumbered?.metadata?.name).toBe(target.metadata?.name);
    expect(renumbered?.metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
  });

  it('reports ProgressDeadlineExceeded when new pods never get ready, while old pods keep serving', async () => {
    const patched = await apps.patchNamespacedDeployment(
      {
        name: 'iss',
        namespace: NS,
        body: {
          spec: {
            progressDeadlineSeconds: 60,
            template: { spec: { containers: [{ name: 'iss', image: 'acgs-suite/iss:bad' }] } },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(revision(patched)).toBe('4');
    expect(condition(patched, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    expect(patched.status?.availableReplicas).toBe(2); // the old revision's pods
    expect(patched.status?.unavailableReplicas).toBe(2);
    clock += 61_000;
    const late = await apps.readNamespacedDeployment({ name: 'iss', namespace: NS });
    expect(condition(late, 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
    });
  });

  it('answers Kubernetes Status errors: 404, 409 AlreadyExists, 409 Conflict, 422 Invalid', async () => {
    const codeOf = async (promise: Promise<unknown>) =>
      promise.then(
        () => 0,
        (error: { code?: number; body?: string }) => [
          error.code,
          (JSON.parse(error.body ?? '{}') as { reason?: string }).reason,
        ],
      );
    expect(await codeOf(apps.readNamespacedDeployment({ name: 'nope', namespace: NS }))).toEqual([
      404,
      'NotFound',
    ]);
    expect(
      await codeOf(apps.createNamespacedDeployment({ namespace: NS, body: deployment('iss', 'x') })),
    ).toEqual([409, 'AlreadyExists']);
    const stale = deployment('iss', 'acgs-suite/iss:3');
    stale.metadata = { ...stale.metadata, resourceVersion: '1' };
    expect(
      await codeOf(apps.replaceNamespacedDeployment({ name: 'iss', namespace: NS, body: stale })),
    ).toEqual([409, 'Conflict']);
    const mismatched = deployment('other', 'x');
    (mismatched.spec as { selector: unknown }).selector = { matchLabels: { app: 'different' } };
    expect(await codeOf(apps.createNamespacedDeployment({ namespace: NS, body: mismatched }))).toEqual([
      422,
      'Invalid',
    ]);
    expect(
      await codeOf(apps.createNamespacedDeployment({ namespace: 'missing', body: deployment('x', 'x') })),
    ).toEqual([404, 'NotFound']);
  });

  it('lists by label selector and deletes a Deployment with its ReplicaSets', async () => {
    await apps.createNamespacedDeployment({ namespace: NS, body: deployment('logic', 'acgs-suite/logic:1') });
    const selected = await apps.listNamespacedDeployment({
      namespace: NS,
      labelSelector: `constitutional-hash=${HASH},app in (logic)`,
    });
    expect(selected.items.map((d) => d.metadata?.name)).toEqual(['logic']);
    await apps.deleteNamespacedDeployment({ name: 'logic', namespace: NS });
    const left = await apps.listNamespacedReplicaSet({ namespace: NS, labelSelector: 'app=logic' });
    expect(left.items).toEqual([]);
  });
});
