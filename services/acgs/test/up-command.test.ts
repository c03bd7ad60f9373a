import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, waitFor } from '@svc/kernel/testing';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fixtureService, HASH, health, tempDir } from './support/test-context.js';
import { spawnCli } from './support/spawn-cli.js';

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('acgs up', () => {
  it('starts the suite in dependency order, prints the URL table, and stops everything on Ctrl-C', async () => {
    const dir = tempDir('up');
    const [web, api] = [await freePort(), await freePort()];
    const config = join(dir, 'suite.yaml');
    writeFileSync(
      config,
      stringify({
        production: {
          deployment: { health_timeout_seconds: 20, health_poll_interval_ms: 50 },
          services: [
            fixtureService('api', api),
            fixtureService('web', web, {}, ['api']),
            {
              name: 'unbuilt',
              port: await freePort(),
              command: ['node', 'services/unbuilt/dist/cli.js', 'serve'],
            },
          ],
        },
      }),
    );
    const child = spawnCli(['up', '--config', config], { ACGS_STATE_DIR: join(dir, 'state') });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitFor(
        'the suite to come up',
        () => Promise.resolve(stdout.includes('press Ctrl-C to stop')),
        40_000,
      );
      expect(stdout).toContain('acgs up: [api, unbuilt] → [web]');
      const table = stdout.slice(stdout.indexOf('SERVICE')).split('\n');
      expect(table[1]).toMatch(new RegExp(`^api\\s+healthy\\s+http://127\\.0\\.0\\.1:${api} `));
      expect(table[2]).toMatch(/^unbuilt\s+not built\s+—\s+missing services\/unbuilt\/dist\/cli\.js$/);
      expect(table[3]).toMatch(new RegExp(`^web\\s+healthy\\s+http://127\\.0\\.0\\.1:${web} `));
      expect((await health(web)).constitutional_hash).toBe(HASH);

      const exited = once(child, 'exit');
      child.kill('SIGINT');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      expect(stdout).toMatch(/stopped web\n\s+stopped api\nall services stopped/);
      expect(await refused(web)).toBe(true);
      expect(await refused(api)).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
