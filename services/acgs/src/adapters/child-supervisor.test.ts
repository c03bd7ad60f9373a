import { waitFor } from '@svc/kernel/testing';
import { describe, expect, it } from 'vitest';
import { ChildSupervisor } from './child-supervisor.js';
import type { SupervisorEvent } from './child-supervisor.js';

describe('ChildSupervisor', () => {
  it('restarts a crashing child with doubling backoff and stops for good on stop()', async () => {
    const events: SupervisorEvent[] = [];
    const supervisor = new ChildSupervisor(
      {
        name: 'crasher',
        command: ['node', '-e', 'setTimeout(() => process.exit(3), 50)'],
        env: {},
        cwd: process.cwd(),
      },
      { initialBackoffMs: 20, maxBackoffMs: 80, onEvent: (event) => events.push(event) },
    );
    supervisor.start();
    await waitFor('three restarts', () => Promise.resolve(supervisor.restarts >= 3), 20_000);
    await supervisor.stop();
    const delays = events
      .filter((e) => e.type === 'restarting')
      .map((e) => (e.type === 'restarting' ? e.delayMs : 0));
    expect(delays.slice(0, 3)).toEqual([20, 40, 80]);
    expect(events.filter((e) => e.type === 'exited').every((e) => e.type === 'exited' && e.code === 3)).toBe(
      true,
    );
    const restarts = supervisor.restarts;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(supervisor.restarts).toBe(restarts);
    expect(supervisor.running).toBe(false);
  });

  it('stops a running child with SIGTERM', async () => {
    const supervisor = new ChildSupervisor({
      name: 'sleeper',
      command: ['node', '-e', 'setInterval(() => {}, 1000)'],
      env: {},
      cwd: process.cwd(),
    });
    supervisor.start();
    expect(supervisor.running).toBe(true);
    await supervisor.stop();
    expect(supervisor.running).toBe(false);
    expect(supervisor.restarts).toBe(0);
  });
});
