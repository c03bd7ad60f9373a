import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApiServer } from './fake-api-server.js';
import type { FakeApiServer } from './fake-api-server.js';

const run = promisify(execFile);

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const deployment = (image: string, progressDeadlineSeconds = 600) => ({
  metadata: { name: 'iss' },
  spec: {
    replicas: 1,
    progressDeadlineSeconds,
    selector: { matchLabels: { app: 'iss' } },
    template: { metadata: { labels: { app: 'iss' } }, spec: { containers: [{ name: 'iss', image }] } },
  },
});

// The real kubectl against the fake: evidence that its revision semantics are Kubernetes', not ours.
describe.skipIf(!kubectlAvailable())('fake Kubernetes API server with the real kubectl', () => {
  let api: FakeApiServer;
  const kubectl = async (...args: string[]) => {
    try {
      const { stdout } = await run('kubectl', [
        `--server=${api.url}`,
        '--insecure-skip-tls-verify',
        '-n',
        'acgs-system',
        ...args,
      ]);
      return { code: 0, out: stdout.trim() };
    } catch (error) {
      const failure = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failure.code ?? 1, out: `${failure.stdout ?? ''}${failure.stderr ?? ''}`.trim() };
    }
  };
  const revisions = async () =>
    (
      await kubectl(
        'get',
        'rs',
        '-o',
        'jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}={.spec.template.spec.containers[0].image} {end}',
      )
    ).out;

  beforeAll(async () => {
    api = await startFakeApiServer({
      podsBecomeReady: (template) => !JSON.stringify(template).includes(':bad'),
    });
    api.cluster.createNamespace({ metadata: { name: 'acgs-system' } });
    api.cluster.createDeployment('acgs-system', deployment('iss:1'));
    api.cluster.replaceDeployment('acgs-system', 'iss', deployment('iss:2'));
  });

  afterAll(async () => {
    await api.close();
  });

  it('shows the rollout history and a completed rollout', async () => {
    expect((await kubectl('rollout', 'history', 'deployment/iss')).out).toMatch(
      /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/,
    );
    expect(await kubectl('rollout', 'status', 'deployment/iss', '--timeout=10s')).toEqual({
      code: 0,
      out: 'deployment "iss" successfully rolled out',
    });
  });

  it('undoes to a NEW revision 3 and revision 1 is gone, so undo to 1 fails like on a real cluster', async () => {
    expect((await kubectl('rollout', 'undo', 'deployment/iss')).out).toBe('deployment.apps/iss rolled back');
    expect(await revisions()).toBe('2=iss:2 3=iss:1');
    const again = await kubectl('rollout', 'undo', 'deployment/iss', '--to-revision=1');
    expect(again.code).not.toBe(0);
    expect(again.out).toContain('unable to find specified revision 1 in history');
  });

  it('makes kubectl rollout status fail on ProgressDeadlineExceeded', async () => {
    api.cluster.replaceDeployment('acgs-system', 'iss', deployment('iss:bad', 1));
    const status = await kubectl('rollout', 'status', 'deployment/iss', '--timeout=20s');
    expect(status.code).not.toBe(0);
    expect(status.out).toContain('deployment "iss" exceeded its progress deadline');
  });
});
