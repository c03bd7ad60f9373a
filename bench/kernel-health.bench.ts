import { fileURLToPath } from 'node:url';
import { startChildServer } from './lib/child-server.js';
import { load } from './lib/load.js';
import { processCpuSeconds } from './lib/process-cpu.js';
import { record, round } from './lib/results.js';

// A kernel service's /health (every kernel hook active: request ids, metrics, helmet, host checks)
// against a bare node:http server answering the same JSON, each in its own process, in one run.
// On a small machine the load generator shares the cores and saturates first on the kernel's larger
// responses (security headers), so the server's own CPU per request is reported too: it is the
// overhead the kernel adds, whatever the client can drive.
const kernelScript = fileURLToPath(new URL('../packages/kernel/test/fixtures/run-demo.ts', import.meta.url));
const bareScript = fileURLToPath(new URL('./peers/bare-health-server.ts', import.meta.url));

console.log('kernel /health vs bare node:http — saturating each for 10 s, then 100 RPS for 10 s');
const rows: (string | number)[][] = [];
const saturated: Record<string, number> = {};
const cpuPerRequest: Record<string, number> = {};
for (const [name, script] of [
  ['bare node:http', bareScript],
  ['kernel service', kernelScript],
] as const) {
  const server = await startChildServer(script);
  try {
    await load(`${server.url}/health`, { durationSeconds: 2 }); // warm-up: JIT and sockets
    const cpuBefore = processCpuSeconds(server.pid);
    const peak = await load(`${server.url}/health`, { connections: 50, durationSeconds: 10 });
    const cpuMicros = ((processCpuSeconds(server.pid) - cpuBefore) * 1e6) / peak.totalRequests;
    const steady = await load(`${server.url}/health`, {
      connections: 10,
      durationSeconds: 10,
      overallRate: 100,
    });
    saturated[name] = peak.requestsPerSecond;
    cpuPerRequest[name] = cpuMicros;
    rows.push([
      name,
      round(peak.requestsPerSecond, 0),
      round(cpuMicros, 1),
      steady.p50Ms,
      steady.p99Ms,
      peak.errors + peak.non2xx + steady.errors + steady.non2xx,
    ]);
  } finally {
    await server.stop();
  }
}
const ratio = (saturated['kernel service'] ?? 0) / (saturated['bare node:http'] ?? 1);
// Capacity: requests one core serves, kernel against bare (bare CPU per request ÷ kernel CPU per request).
const capacity = (cpuPerRequest['bare node:http'] ?? 0) / (cpuPerRequest['kernel service'] ?? 1);
rows.push([
  'kernel / bare',
  `${round(ratio * 100, 1)} %`,
  `${round(capacity * 100, 1)} % capacity`,
  '',
  '',
  '',
]);
record('Kernel /health vs bare node:http (goal: ≥ 70 % of bare, p99 < 5 ms at 100 RPS)', rows, [
  'server',
  'req/s (50 connections)',
  'server CPU µs/request',
  'p50 ms @100 RPS',
  'p99 ms @100 RPS',
  'errors',
]);
