import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { startChildServer } from './lib/child-server.js';
import { record, round } from './lib/results.js';
import {
  AnalyticEphemerisProvider,
  CHART_BODIES,
  chartPositions,
} from '../services/involution/src/domain/ephemeris/index.js';
import { housesAtUt } from '../services/involution/src/domain/houses/houses-at-time.js';

// Involution's embedded ephemeris against swetest (Swiss Ephemeris 2.10, DE431 files) computing the same
// charts — Sun … Pluto apparent geocentric positions with speeds, plus Placidus cusps — at the same
// instants and places; then POST /calculate latency over HTTP and the memory a chart-computing process holds.

const SWETEST = '/usr/bin/swetest';
const EPHE = '/usr/share/libswe/ephe';
const PLACES = [
  { latitude: 48.8566, longitude: 2.3522 },
  { latitude: 37.7749, longitude: -122.4194 },
  { latitude: -33.8688, longitude: 151.2093 },
  { latitude: 55.7558, longitude: 37.6173 },
  { latitude: 19.076, longitude: 72.8777 },
] as const;
/** Charts per place; swetest prints at most 36 525 lines per run (~1 200 charts of 30 lines). */
const PER_PLACE = 1000;
const STEP_DAYS = 1.37;
const FIRST_JD_UT = 2415020.5; // 1900-01-01
const SPREAD_DAYS = 36000; // places start up to ~100 years apart
const TOTAL = PLACES.length * PER_PLACE;
const BODY_COUNT = CHART_BODIES.length;
const REPEATS = 3;

const starts = PLACES.map((_, i) => FIRST_JD_UT + (SPREAD_DAYS * i) / PLACES.length + 0.123 * i);

// --- our domain code ---------------------------------------------------------------------------------
const provider = new AnalyticEphemerisProvider();
const ourLongitudes = new Float64Array(TOTAL * BODY_COUNT);
const ourCusps = new Float64Array(TOTAL * 12);

function computeOurCharts(): void {
  let chart = 0;
  PLACES.forEach((place, p) => {
    let jdUt = starts[p]!;
    for (let i = 0; i < PER_PLACE; i += 1, chart += 1) {
      const bodies = chartPositions(provider, jdUt).bodies;
      CHART_BODIES.forEach(
        (body, b) => (ourLongitudes[chart * BODY_COUNT + b] = bodies[body]?.longitude ?? Number.NaN),
      );
      housesAtUt('placidus', jdUt, place).cusps.forEach((cusp, c) => (ourCusps[chart * 12 + c] = cusp));
      jdUt += STEP_DAYS; // swetest steps by repeated addition too
    }
  });
}

function timeOurs(): { wallMs: number; cpuMs: number } {
  computeOurCharts(); // warm-up: JIT
  let wallMs = Infinity;
  let cpuMs = Infinity;
  for (let r = 0; r < REPEATS; r += 1) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    computeOurCharts();
    wallMs = Math.min(wallMs, performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { wallMs, cpuMs };
}

// --- swetest -------------------------------------------------------------------------------------------
/** CPU seconds of reaped children (utime + stime of waited-for children, /proc/self/stat fields 16–17). */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ = 100 on Linux
}

function swetestArgs(p: number, jdUt: number, count: number): string[] {
  const place = PLACES[p]!;
  return [
    `-edir${EPHE}`,
    `-bj${jdUt}`,
    '-ut',
    '-p0123456789',
    '-fPlbRs',
    `-house${place.longitude},${place.latitude},P`,
    '-head',
    `-n${count}`,
    `-s${STEP_DAYS}`,
  ];
}

function runSwetest(args: string[]): string {
  return execFileSync(SWETEST, args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
}

/** Longitudes of the bodies and cusps in swetest's output, chart by chart. */
function parseSwetest(output: string): { longitudes: number[]; cusps: number[] } {
  const longitudes: number[] = [];
  const cusps: number[] = [];
  for (const line of output.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === 'house') cusps.push(Number(parts[2]));
    else if ((CHART_BODIES as readonly string[]).includes(parts[0] ?? '')) longitudes.push(Number(parts[1]));
  }
  return { longitudes, cusps };
}

function timeSwetestBatched(): { wallMs: number; cpuMs: number; outputs: string[] } {
  let wallMs = Infinity;
  let cpuMs = Infinity;
  let outputs: string[] = [];
  for (let r = 0; r < REPEATS; r += 1) {
    const cpu = childCpuSeconds();
    const start = performance.now();
    outputs = PLACES.map((_, p) => runSwetest(swetestArgs(p, starts[p]!, PER_PLACE)));
    wallMs = Math.min(wallMs, performance.now() - start);
    cpuMs = Math.min(cpuMs, (childCpuSeconds() - cpu) * 1000);
  }
  return { wallMs, cpuMs, outputs };
}

/** One swetest process per chart, as a service shelling out per request would run it. */
function timeSwetestPerProcess(charts: number): { wallMs: number; cpuMs: number } {
  const cpu = childCpuSeconds();
  const start = performance.now();
  for (let i = 0; i < charts; i += 1) {
    const p = i % PLACES.length;
    const result = spawnSync(
      SWETEST,
      swetestArgs(p, starts[p]! + Math.floor(i / PLACES.length) * STEP_DAYS, 1),
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`swetest failed: ${result.stderr}`);
  }
  return { wallMs: performance.now() - start, cpuMs: (childCpuSeconds() - cpu) * 1000 };
}

function arcsecApart(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d) * 3600;
}

const ratePerSecond = (count: number, ms: number): number => round((count / ms) * 1000, 0);

// Other work on a small host inflates every timing here (CPU time included, through shared cores and
// caches): the titles carry the 1-minute load average at the start of each part.
const load = (): string => `load average ${round(loadavg()[0] ?? Number.NaN, 1)} at start`;
const chartLoad = load();
console.log(
  `charts (${BODY_COUNT} bodies + Placidus cusps): ${TOTAL} charts = ${PLACES.length} places × ${PER_PLACE} instants ${STEP_DAYS} days apart, best of ${REPEATS}`,
);
const ours = timeOurs();
const chartRows: (string | number)[][] = [
  [
    'Involution analytic (in-process)',
    TOTAL,
    round(ours.wallMs, 0),
    ratePerSecond(TOTAL, ours.wallMs),
    ratePerSecond(TOTAL, ours.cpuMs),
    round((ours.cpuMs / TOTAL) * 1000, 1),
  ],
];
if (existsSync(SWETEST)) {
  const version = runSwetest(['-h']).match(/Version: *([\w.-]+)/)?.[1] ?? '2.10';
  const batched = timeSwetestBatched();
  const perProcessCharts = 200;
  const single = timeSwetestPerProcess(perProcessCharts);
  // Same charts? Compare every body longitude and cusp (our accuracy bounds allow a few arcseconds).
  const theirs = batched.outputs.map(parseSwetest);
  const theirLongitudes = theirs.flatMap((t) => t.longitudes);
  const theirCusps = theirs.flatMap((t) => t.cusps);
  if (theirLongitudes.length !== TOTAL * BODY_COUNT || theirCusps.length !== TOTAL * 12) {
    throw new Error(`swetest printed ${theirLongitudes.length / BODY_COUNT} charts, expected ${TOTAL}`);
  }
  const worstBody = theirLongitudes.reduce(
    (worst, value, i) => Math.max(worst, arcsecApart(value, ourLongitudes[i]!)),
    0,
  );
  const worstCusp = theirCusps.reduce(
    (worst, value, i) => Math.max(worst, arcsecApart(value, ourCusps[i]!)),
    0,
  );
  chartRows.push(
    [
      `swetest ${version}, ${PER_PLACE} charts per process run`,
      TOTAL,
      round(batched.wallMs, 0),
      ratePerSecond(TOTAL, batched.wallMs),
      ratePerSecond(TOTAL, batched.cpuMs),
      round((batched.cpuMs / TOTAL) * 1000, 1),
    ],
    [
      `swetest ${version}, one process run per chart`,
      perProcessCharts,
      round(single.wallMs, 0),
      ratePerSecond(perProcessCharts, single.wallMs),
      ratePerSecond(perProcessCharts, single.cpuMs),
      round((single.cpuMs / perProcessCharts) * 1000, 1),
    ],
    [
      'Involution / swetest (batched)',
      '',
      '',
      `${round(batched.wallMs / ours.wallMs, 2)} ×`,
      `${round(batched.cpuMs / ours.cpuMs, 2)} ×`,
      '',
    ],
    [
      'Involution / swetest (process per chart)',
      '',
      '',
      `${round(single.wallMs / perProcessCharts / (ours.wallMs / TOTAL), 1)} ×`,
      `${round(single.cpuMs / perProcessCharts / (ours.cpuMs / TOTAL), 1)} ×`,
      '',
    ],
    [
      'same charts? largest Δλ of a body, of a cusp',
      '',
      '',
      `${round(worstBody, 2)}″`,
      `${round(worstCusp, 3)}″`,
      '',
    ],
  );
} else {
  console.log(`swetest not found at ${SWETEST}: install the swetest Debian package to compare`);
}
record(
  `Involution chart computation vs swetest (10 bodies + Placidus houses, same instants and places; ${chartLoad})`,
  chartRows,
  ['engine', 'charts', 'wall ms', 'charts/s (wall)', 'charts/s (CPU)', 'CPU µs/chart'],
);

// --- HTTP: POST /calculate -----------------------------------------------------------------------------
const REQUESTS = 1000;

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** Sends `amount` POST /calculate requests, each for a different birth time (no cache hits), on one connection. */
function postCalculate(
  url: string,
  amount: number,
  offset: number,
): Promise<{ latencies: number[]; failures: number }> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))
    throw new Error(`benchmarks only target loopback, not ${url}`);
  let sent = offset;
  const latencies: number[] = [];
  let failures = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/calculate`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: 1,
        amount,
        requests: [
          {
            setupRequest: (request) => {
              sent += 1;
              const place = PLACES[sent % PLACES.length]!;
              // The guide's body, one hour and a bit later each time.
              const birthTime = new Date(Date.UTC(1950, 0, 1) + sent * 3_700_000).toISOString();
              return {
                ...request,
                body: JSON.stringify({
                  birth_time: birthTime,
                  ...place,
                  elevation: 25,
                  zodiac: 'tropical',
                  ayanamsa: 'lahiri',
                }),
              };
            },
          },
        ],
      },
      (error: unknown) =>
        error
          ? reject(error instanceof Error ? error : new Error('autocannon failed'))
          : resolve({ latencies, failures }),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) failures += 1;
    });
  });
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN) / 1024, 1);
}

// The built engine, run by plain node as deployed (acgs up, deploy/): with the young generation capped at
// 1 MiB (the deployed flag) for the latency figures, and also without it for the memory table.
const engineCli = fileURLToPath(new URL('../services/involution/dist/cli.js', import.meta.url));
const DEPLOYED_FLAGS = ['--max-semi-space-size=1', '--max-old-space-size=160'];
const serverRss: [string, number][] = [];
async function runEngine(flags: readonly string[], measureLatency: boolean): Promise<void> {
  const server = await startChildServer(
    engineCli,
    { ENABLE_POSITION_CACHE: 'false', RATE_LIMIT_REQUESTS: '10000000', KERNELS_PATH: '/nonexistent-kernels' },
    '/health',
    [...flags, engineCli, 'serve', 'engine'],
  );
  try {
    const httpLoad = load();
    await postCalculate(server.url, 300, 1_000_000); // warm-up: JIT and the socket
    const { latencies, failures } = await postCalculate(server.url, REQUESTS, 0);
    serverRss.push([
      `engine server (node ${[...flags, 'dist/cli.js'].join(' ')}) after ${REQUESTS + 300} charts`,
      rssMegabytes(server.pid),
    ]);
    if (!measureLatency) return;
    const sorted = [...latencies].sort((a, b) => a - b);
    record(
      `Involution POST /calculate latency (guide body, 10 bodies, a new instant per request, position cache off, 1 connection; ${httpLoad})`,
      [
        [
          REQUESTS,
          round(percentile(sorted, 0.5), 2),
          round(percentile(sorted, 0.95), 2),
          round(percentile(sorted, 0.99), 2),
          round(sorted.at(-1) ?? Number.NaN, 2),
          failures,
        ],
      ],
      ['requests', 'p50 ms', 'p95 ms (goal < 3)', 'p99 ms', 'max ms', 'non-200'],
    );
  } finally {
    await server.stop();
  }
}
if (!existsSync(engineCli)) {
  console.log(`HTTP part skipped: ${engineCli} does not exist (run npm run build)`);
} else {
  await runEngine(DEPLOYED_FLAGS, true);
  await runEngine([], false);
}

// --- memory ----------------------------------------------------------------------------------------------
// Bundled and run by plain node, as the built service runs: under tsx, the loader's own thread and
// compiler would be counted too.
const memoryScript = fileURLToPath(new URL('./peers/involution-chart-memory.ts', import.meta.url));
const bundleDirectory = mkdtempSync(join(tmpdir(), 'involution-memory-'));
const bundle = join(bundleDirectory, 'chart-memory.mjs');
type Memory = { rssBefore: number; rss: number; heapUsed: number };
const measure = (flags: string[]): Memory =>
  JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', ...flags, bundle], { encoding: 'utf8' }),
  ) as Memory;
let memory: Memory;
// V8 grows the young generation up to 3 × 16 MB when a process allocates fast; capping it is a deployment flag.
let cappedMemory: Memory;
let emptyRss: number;
try {
  await build({
    entryPoints: [memoryScript],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
  });
  memory = measure([]);
  cappedMemory = measure(['--max-semi-space-size=4']);
  emptyRss = Number(
    execFileSync(process.execPath, ['-e', 'console.log(process.memoryUsage().rss)'], { encoding: 'utf8' }),
  );
} finally {
  rmSync(bundleDirectory, { recursive: true, force: true });
}
const mb = (bytes: number): number => round(bytes / 2 ** 20, 1);
const memoryRows: (string | number)[][] = [
  ['plain node, nothing loaded', mb(emptyRss), ''],
  ['plain node: ephemeris + houses loaded (series compiled)', mb(memory.rssBefore), ''],
  ['… and 5 000 charts computed', mb(memory.rss), mb(memory.heapUsed)],
  ['… the same with node --max-semi-space-size=4', mb(cappedMemory.rss), mb(cappedMemory.heapUsed)],
];
for (const [process, rss] of serverRss) memoryRows.push([process, rss, '']);
record('Involution memory (budget: RSS < 110 MB)', memoryRows, ['process', 'RSS MB', 'heap used MB']);
