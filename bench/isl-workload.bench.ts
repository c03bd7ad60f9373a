import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startChildServer } from './lib/child-server.js';
import { record, round } from './lib/results.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile, runClosedLoop, summarize } from './peers/isl-closed-loop.js';
import { ISL_WORKLOAD } from './peers/isl-workload-requests.js';

// The ISL deployment guide's benchmark workload (causal, counterfactual, preference, teaching) against
// `isl serve` in its own process, at concurrency 10 and 100: closed-loop clients with a fixed number of
// iterations each run, latency measured per request, exact percentiles from the raw samples.
// The result cache is off so that every request computes (the workload repeats its bodies); rate limits
// are off because all clients share one IP. Compute threads are the service's default (auto).
const serveScript = fileURLToPath(new URL('./peers/isl-serve.ts', import.meta.url));
const CONCURRENCIES = [10, 100] as const;
const ITERATIONS: Record<(typeof CONCURRENCIES)[number], number> = { 10: 200, 100: 300 };
const GOAL_P95_MS = 100;
/** The issue: heavy work runs off the event loop, so /health p95 stays under 50 ms while it runs. */
const HEALTH_GOAL_P95_MS = 50;
const WARM_UP_ITERATIONS = 10;

console.log(
  `ISL workload — ${ISL_WORKLOAD.length} scenarios × concurrency ${CONCURRENCIES.join(' and ')}, ` +
    `${ITERATIONS[10]} / ${ITERATIONS[100]} iterations each`,
);
const server = await startChildServer(serveScript, {
  DISABLE_RATE_LIMIT: '1',
  ENABLE_CACHE: 'false',
  SECRET_KEY: 'isl-workload-benchmark-secret',
});
// The machine is shared: the load average at the start says how much of it the run had.
const loadAtStart = round(loadavg()[0] ?? 0, 1);
const rows: (string | number)[][] = [];
const healthRows: (string | number)[][] = [];
const missed: string[] = [];

/** Polls /health every 20 ms until `work` settles; returns each probe's latency in ms. */
async function probeHealthDuring(work: Promise<unknown>): Promise<number[]> {
  let done = false;
  void work.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${server.url}/health`);
    await response.arrayBuffer();
    latencies.push(response.ok ? performance.now() - started : Number.POSITIVE_INFINITY);
    await sleep(20);
  }
  return latencies;
}
try {
  for (const scenario of ISL_WORKLOAD) {
    await runClosedLoop(server.url, 2, WARM_UP_ITERATIONS, scenario.iteration('warm')); // JIT, sockets, threads
    for (const concurrency of CONCURRENCIES) {
      const running = runClosedLoop(
        server.url,
        concurrency,
        ITERATIONS[concurrency],
        scenario.iteration(`c${concurrency}`),
      );
      const [run, health] = await Promise.all([running, probeHealthDuring(running)]);
      const sortedHealth = [...health].sort((a, b) => a - b);
      const healthP95 = percentile(sortedHealth, 0.95);
      healthRows.push([
        scenario.name,
        concurrency,
        health.length,
        round(percentile(sortedHealth, 0.5), 1),
        round(healthP95, 1),
        round(percentile(sortedHealth, 0.99), 1),
        healthP95 < HEALTH_GOAL_P95_MS ? 'pass' : 'FAIL',
      ]);
      for (const stats of summarize(run.samples)) {
        const guideMet = stats.p95Ms < scenario.guideTargetSeconds * 1000 && stats.successRate === 1;
        const goal =
          concurrency === 10 ? (stats.p95Ms < GOAL_P95_MS && stats.successRate === 1 ? 'pass' : 'FAIL') : '';
        if (goal === 'FAIL') missed.push(stats.endpoint);
        rows.push([
          stats.endpoint,
          concurrency,
          stats.requests,
          `${round(stats.successRate * 100, 1)} %`,
          round((stats.requests / run.wallMs) * 1000, 0),
          round(stats.p50Ms, 1),
          round(stats.p95Ms, 1),
          round(stats.p99Ms, 1),
          `< ${scenario.guideTargetSeconds} s: ${guideMet ? 'pass' : 'FAIL'}`,
          goal,
        ]);
      }
    }
  }
} finally {
  await server.stop();
}
record(
  `ISL guide workload (guide: p95 < 2.0 s causal/counterfactual, < 1.5 s preference/teaching; goal: p95 < ${GOAL_P95_MS} ms at concurrency 10; load average ${loadAtStart} at start)`,
  rows,
  [
    'endpoint',
    'concurrency',
    'requests',
    'success',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'guide p95',
    `goal p95 < ${GOAL_P95_MS} ms @10`,
  ],
);
if (missed.length > 0) console.log(`goal missed at concurrency 10: ${missed.join(', ')}`);
record(
  `ISL /health while the workload runs (goal: p95 < ${HEALTH_GOAL_P95_MS} ms; load average ${loadAtStart} at start)`,
  healthRows,
  [
    'workload running',
    'concurrency',
    '/health probes',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    `goal p95 < ${HEALTH_GOAL_P95_MS} ms`,
  ],
);
