import { resolve } from 'node:path';
import { repositoryRoot } from '../adapters/acgs-entry.js';
import { loadAcgsConfig } from '../adapters/config-loader.js';
import type { CommandContext } from './command-context.js';

/**
 * Builds a command context from the CLI's environment: loads the four config files (`--config` wins over
 * CONFIG_PATH; embedded defaults otherwise), and fixes the state directory (ACGS_STATE_DIR, default
 * `./.acgs`) and the root service commands run from (ACGS_ROOT, default the repository root).
 */
export async function commandContext(
  env: Readonly<Record<string, string | undefined>>,
  configPath: string | undefined,
): Promise<CommandContext> {
  // ACGS_WORK_DIR moves relative paths (reports, backups, logs) away from the working directory: `acgs up`
  // points its own monitor child at the state directory so the repository root stays clean.
  const cwd = resolve(process.cwd(), env['ACGS_WORK_DIR'] ?? '.');
  const { config } = await loadAcgsConfig({ configPath, env, cwd: process.cwd() });
  const given = configPath ?? env['CONFIG_PATH'];
  return {
    config,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    now: () => Date.now(),
    stateDir: resolve(process.cwd(), env['ACGS_STATE_DIR'] ?? '.acgs'),
    cwd,
    root: resolve(process.cwd(), env['ACGS_ROOT'] ?? repositoryRoot()),
    env,
    configPath: given === undefined || given === '' ? undefined : resolve(process.cwd(), given),
  };
}
