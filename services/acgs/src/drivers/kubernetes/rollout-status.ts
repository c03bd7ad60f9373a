import type { V1Deployment } from '@kubernetes/client-node';

/** Where a Deployment's rollout stands, as `kubectl rollout status` decides it. */
export interface RolloutState {
  readonly done: boolean;
  readonly failed: boolean;
  readonly message: string;
}

/**
 * The rollout status of a Deployment from its status and conditions: failed when the Progressing condition
 * says ProgressDeadlineExceeded; done when the controller has observed the latest generation and every
 * desired replica is updated and available; otherwise still progressing (with the reason why).
 */
export function rolloutState(deployment: V1Deployment): RolloutState {
  const name = deployment.metadata?.name ?? '?';
  const generation = deployment.metadata?.generation ?? 0;
  const status = deployment.status ?? {};
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { done: false, failed: true, message: `deployment "${name}" exceeded its progress deadline` };
  }
  if ((status.observedGeneration ?? 0) < generation) {
    return { done: false, failed: false, message: 'waiting for the controller to observe the new spec' };
  }
  const desired = deployment.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const total = status.replicas ?? 0;
  if (updated < desired)
    return { done: false, failed: false, message: `${updated} of ${desired} updated replicas` };
  if (total > updated)
    return { done: false, failed: false, message: `${total - updated} old replicas pending termination` };
  if (available < updated)
    return { done: false, failed: false, message: `${available} of ${updated} updated replicas available` };
  return { done: true, failed: false, message: `deployment "${name}" successfully rolled out` };
}
