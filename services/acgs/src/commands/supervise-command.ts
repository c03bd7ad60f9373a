import { once } from 'node:events';
import { ChildSupervisor } from '../adapters/child-supervisor.js';
import type { ChildSpec } from '../adapters/child-supervisor.js';

/**
 * `acgs supervise` (internal): the detached supervisor of one local-driver service. Reads its child spec
 * from ACGS_SUPERVISE_SPEC, keeps the child running (restart with backoff), and on SIGTERM/SIGINT stops
 * the child and exits 0. Its stdout is the service's log file.
 */
export async function runSupervise(env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const text = env['ACGS_SUPERVISE_SPEC'];
  if (text === undefined) {
    process.stderr.write('acgs supervise: ACGS_SUPERVISE_SPEC is not set (internal command)\n');
    return 2;
  }
  const spec = JSON.parse(text) as ChildSpec;
  const { ACGS_SUPERVISE_SPEC: _omit, ...baseEnv } = env;
  const line = (message: string) =>
    process.stdout.write(`${new Date().toISOString()} [acgs supervise ${spec.name}] ${message}\n`);
  const supervisor = new ChildSupervisor(
    { ...spec, baseEnv },
    {
      output: process.stdout,
      onEvent: (event) => {
        if (event.type === 'started') line(`started pid ${event.pid ?? '?'} (restarts ${event.restarts})`);
        if (event.type === 'exited')
          line(`exited code ${event.code ?? 'null'} signal ${event.signal ?? 'null'}`);
        if (event.type === 'restarting') line(`restarting in ${event.delayMs} ms`);
      },
    },
  );
  supervisor.start();
  const stopSignal = new AbortController();
  await Promise.race([
    once(process, 'SIGTERM', { signal: stopSignal.signal }),
    once(process, 'SIGINT', { signal: stopSignal.signal }),
  ]);
  stopSignal.abort();
  line('stopping');
  await supervisor.stop();
  line('stopped');
  return 0;
}
