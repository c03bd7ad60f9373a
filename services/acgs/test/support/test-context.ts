import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAcgsConfig } from '../../src/domain/config/index.js';
import type { RawAcgsConfig } from '../../src/domain/config/index.js';
import type { CommandContext } from '../../src/commands/command-context.js';

/** The loopback fixture service (test/fixtures/fixture-service.mjs). */
export const FIXTURE = fileURLToPath(new URL('../fixtures/fixture-service.mjs', import.meta.url));
export const HASH = 'cdd01ef066bc6cf2';

/** A fixture service entry for production-config `services`. */
export function fixtureService(
  name: string,
  port: number,
  env: Record<string, string> = {},
  dependsOn: string[] = [],
): Record<string, unknown> {
  return { name, port, command: ['node', FIXTURE], env, depends_on: dependsOn };
}

/** A temporary directory for one test file. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `acgs-${prefix}-`));
}

/** A command context on a temp dir whose output is collected in `lines`. */
export function testContext(
  dir: string,
  raw: RawAcgsConfig,
  env: Record<string, string | undefined> = {},
): CommandContext & { lines: string[]; clock: { now: number | undefined } } {
  const lines: string[] = [];
  const clock: { now: number | undefined } = { now: undefined };
  return {
    config: parseAcgsConfig(raw),
    out: (text) => lines.push(text),
    err: (text) => lines.push(text),
    now: () => clock.now ?? Date.now(),
    stateDir: join(dir, 'state'),
    cwd: dir,
    root: dir,
    env: { PATH: process.env['PATH'], ...env },
    lines,
    clock,
  };
}

/** Production settings that keep tests fast: short health gates, reports in the temp dir. */
export function fastDeployment(dir: string): Record<string, unknown> {
  return { health_timeout_seconds: 15, health_poll_interval_ms: 50, report_directory: join(dir, 'reports') };
}

/** GET a fixture's /health body. */
export async function health(port: number): Promise<{ constitutional_hash: string; version: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return (await response.json()) as { constitutional_hash: string; version: string };
}
