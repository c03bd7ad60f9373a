import { describe, expect, it } from 'vitest';
import { waitUntilHealthy } from './health-gate.js';
import type { ProbeResult } from './service-probe.js';

const answers = (...results: Partial<ProbeResult>[]) => {
  let i = 0;
  return () => {
    const result = results[Math.min(i, results.length - 1)] as Partial<ProbeResult>;
    i += 1;
    return Promise.resolve({ healthy: false, responseTimeMs: 1, message: 'x', ...result });
  };
};

describe('waitUntilHealthy', () => {
  it('returns on the first healthy answer with the attempt count', async () => {
    const gate = await waitUntilHealthy(answers({}, {}, { healthy: true, message: 'ok' }), {
      timeoutMs: 5000,
      intervalMs: 1,
    });
    expect(gate).toMatchObject({ healthy: true, attempts: 3, last: { message: 'ok' } });
  });

  it('gives up after three definitive failures in a row, not before', async () => {
    const wrongHash = { hashValid: false, statusCode: 200 };
    const gate = await waitUntilHealthy(answers(wrongHash, {}, wrongHash, wrongHash, wrongHash), {
      timeoutMs: 5000,
      intervalMs: 1,
      definitiveFailure: (r) => r.hashValid === false,
    });
    expect(gate).toMatchObject({ healthy: false, attempts: 5 });
  });

  it('stops waiting when the process is known dead', async () => {
    const gate = await waitUntilHealthy(answers({}), { timeoutMs: 5000, intervalMs: 1, alive: () => false });
    expect(gate).toMatchObject({ healthy: false, attempts: 1 });
  });
});
