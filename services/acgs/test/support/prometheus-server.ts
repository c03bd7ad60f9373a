import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@svc/kernel/testing';
import { stringify } from 'yaml';

export interface TestPrometheus {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's `prometheus` on a free loopback port with a generated config scraping the given targets
 * every second (label `service` = name, as the suite's scrape configs set it) and a temp storage dir.
 */
export async function startPrometheus(targets: Record<string, number>): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'acgs-prom-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'prometheus.yml'),
    stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      scrape_configs: Object.entries(targets).map(([service, target]) => ({
        job_name: service,
        static_configs: [{ targets: [`127.0.0.1:${target}`], labels: { service } }],
      })),
    }),
  );
  const child = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor('prometheus to be ready', async () => (await fetch(`${url}/-/ready`)).ok, 30_000);
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
