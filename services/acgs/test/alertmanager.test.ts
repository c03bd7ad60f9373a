import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitFor } from '@svc/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createAcgsService } from '../src/app.js';
import { parseAcgsConfig } from '../src/domain/config/index.js';
import { StatusStore } from '../src/status-page/status-store.js';
import { tempDir } from './support/test-context.js';

const dir = tempDir('alertmanager');
const store = new StatusStore();
const service = createAcgsService(store, parseAcgsConfig({ production: { services: [] } }), dir);
let built: Awaited<ReturnType<typeof service.build>>;
let alertmanager: ChildProcess;
let amUrl: string;

beforeAll(async () => {
  built = await service.build({ env: { LOG_LEVEL: 'silent' } });
  const receiver = await built.app.listen({ host: '127.0.0.1', port: 0 });
  const port = await freePort();
  amUrl = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    stringify({
      route: {
        receiver: 'acgs',
        group_by: ['alertname', 'service'],
        group_wait: '0s',
        group_interval: '1s',
        repeat_interval: '1h',
      },
      receivers: [{ name: 'acgs', webhook_configs: [{ url: `${receiver}/alerts`, send_resolved: true }] }],
    }),
  );
  alertmanager = spawn(
    'prometheus-alertmanager',
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  await waitFor('alertmanager to be ready', async () => (await fetch(`${amUrl}/-/ready`)).ok, 30_000);
}, 60_000);

afterAll(async () => {
  if (alertmanager?.exitCode === null) {
    const exited = once(alertmanager, 'exit');
    alertmanager.kill('SIGTERM');
    await exited;
  }
  await built?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('real Alertmanager routing to the status page receiver', () => {
  it('delivers a posted alert to POST /alerts, where the status page shows it', async () => {
    const response = await fetch(`${amUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          labels: { alertname: 'ACGSConstitutionalViolation', service: 'isl', severity: 'critical' },
          annotations: { summary: 'isl /health hash mismatch' },
        },
      ]),
    });
    expect(response.ok).toBe(true);
    await waitFor('the alert at the receiver', () => Promise.resolve(store.alerts.length > 0), 20_000);
    expect(store.alerts[0]).toMatchObject({
      source: 'alertmanager',
      status: 'firing',
      name: 'ACGSConstitutionalViolation',
      service: 'isl',
      summary: 'isl /health hash mismatch',
    });
    expect((await built.app.inject('/')).body).toContain('isl /health hash mismatch');
  });
});
