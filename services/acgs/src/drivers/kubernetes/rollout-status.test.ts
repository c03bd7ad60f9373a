import type { V1Deployment } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { rolloutState } from './rollout-status.js';

const deployment = (status: V1Deployment['status'], generation = 2, replicas = 3): V1Deployment => ({
  metadata: { name: 'iss', generation },
  spec: { replicas, selector: {}, template: {} },
  status,
});

describe('rolloutState', () => {
  it('is done when the latest generation is observed and every replica is updated and available', () => {
    expect(
      rolloutState(
        deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
      ),
    ).toEqual({
      done: true,
      failed: false,
      message: 'deployment "iss" successfully rolled out',
    });
  });

  it('fails at once on ProgressDeadlineExceeded', () => {
    const state = rolloutState(
      deployment({
        observedGeneration: 2,
        replicas: 4,
        updatedReplicas: 1,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      }),
    );
    expect(state).toEqual({
      done: false,
      failed: true,
      message: 'deployment "iss" exceeded its progress deadline',
    });
  });

  it('waits while the controller lags, replicas are not updated, old ones linger or new ones are not available', () => {
    const messages = [
      deployment({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
      deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 3 }),
      deployment({ observedGeneration: 2, replicas: 4, updatedReplicas: 3, availableReplicas: 3 }),
      deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }),
    ].map((d) => rolloutState(d));
    expect(messages.map((m) => `${m.done}/${m.failed}: ${m.message}`)).toEqual([
      'false/false: waiting for the controller to observe the new spec',
      'false/false: 1 of 3 updated replicas',
      'false/false: 1 old replicas pending termination',
      'false/false: 2 of 3 updated replicas available',
    ]);
  });
});
