import { RevisionStore } from '../adapters/revision-store.js';
import type { CommandContext } from '../commands/command-context.js';
import { LocalRuntime } from './local/local-runtime.js';
import { RevisionedDriver } from './revisioned-driver.js';

export type DriverKind = 'local' | 'kubernetes';

/** The local driver's runtime for a command context. */
export function localRuntime(ctx: CommandContext): LocalRuntime {
  const production = ctx.config.production;
  return new LocalRuntime({
    stateDir: ctx.stateDir,
    cwd: ctx.root,
    constitutionalHash: production.constitutional_validation.hash,
    hashRequired: production.constitutional_validation.enabled,
    baseEnv: ctx.env,
    pollIntervalMs: production.deployment.health_poll_interval_ms,
  });
}

/**
 * The driver a command uses: `local` (supervised child processes, the embedded default) or `kubernetes`
 * (Deployments through @kubernetes/client-node; KUBECONFIG or ACGS_KUBE_SERVER select the cluster).
 */
export async function createDriver(ctx: CommandContext, kind: DriverKind): Promise<RevisionedDriver> {
  if (kind === 'kubernetes') {
    const { kubernetesRuntime } = await import('./kubernetes/kubernetes-runtime.js');
    return new RevisionedDriver(await kubernetesRuntime(ctx), new RevisionStore(ctx.stateDir, 'kubernetes'));
  }
  return new RevisionedDriver(localRuntime(ctx), new RevisionStore(ctx.stateDir, 'local'));
}
