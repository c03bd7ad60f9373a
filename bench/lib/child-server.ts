import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitFor } from '@svc/kernel/testing';

export interface ChildServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a server script in its own process on a free loopback port: TypeScript through tsx by default,
 * or, given `nodeArguments`, exactly `node <nodeArguments>` (a built service, as it is deployed).
 */
export async function startChildServer(
  script: string,
  env: Record<string, string> = {},
  readyPath = '/health',
  nodeArguments: readonly string[] = ['--import', 'tsx', script],
): Promise<ChildServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, nodeArguments, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${script} on port ${port}`, async () => (await fetch(url + readyPath)).ok, 60_000);
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
