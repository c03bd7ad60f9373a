import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, createWriteStream, fdatasyncSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileChainStore } from '../services/iss/src/adapters/file-chain-store.js';
import { GENESIS_HASH, toLine } from '../services/iss/src/domain/hash-chain.js';
import { createPulse, type PulseRecord } from '../services/iss/src/domain/pulse-record.js';
import { createDescriptorRecord, parseDescriptor, type DescriptorRecord } from '../services/iss/src/domain/spice-descriptor.js';
import { record, round } from './lib/results.js';

// ISS Module v2 (issue 2), in one run:
//  1. durable pulses/s of FileChainStore (concurrent appenders, group commit) against a bare
//     write + fdatasync per append loop on the same disk;
//  2. `iss verify` (compiled dist, own process) on 100k- and 1M-pulse chains: records/s, peak RSS;
//  3. a service-like process (compiled dist) with 1k / 100k / 1M descriptors: open time, RSS,
//     spice_index.json size, and median latency of lookups by id, glyph and a-priori ref.
// ISS_BENCH_RECORDS (default 1,000,000) sizes parts 2 and 3; ISS_BENCH_DRY=1 prints without recording. Data lives under /tmp and is deleted.

const RECORDS = Number(process.env['ISS_BENCH_RECORDS'] ?? 1_000_000);
const DESCRIPTOR_SIZES = [1_000, 100_000, RECORDS].filter((n, i, all) => n <= RECORDS && all.indexOf(n) === i);
const LOOKUPS = 1_000;
const repo = fileURLToPath(new URL('..', import.meta.url));
const dist = join(repo, 'services/iss/dist');
const mb = (bytes: number): number => round(bytes / 2 ** 20, 1);

/** Appends for `ms` milliseconds, one write + fdatasync each: what a naive durable log does. */
function bareFsyncLoop(path: string, ms: number): number {
  const fd = openSync(path, 'a');
  let tip: PulseRecord | null = null;
  let n = 0;
  const start = performance.now();
  try {
    while (performance.now() - start < ms) {
      tip = createPulse(tip, 'BENCH', Date.now());
      writeSync(fd, `${toLine(tip)}\n`);
      fdatasyncSync(fd);
      n += 1;
    }
  } finally {
    closeSync(fd);
  }
  return n / ((performance.now() - start) / 1000);
}

/** FileChainStore.appendPulse from `clients` concurrent callers for `ms` milliseconds. */
async function issAppends(dir: string, clients: number, ms: number): Promise<number> {
  const store = await FileChainStore.open({ dir, nodeId: 'BENCH' });
  let n = 0;
  const start = performance.now();
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() - start < ms) {
          await store.appendPulse();
          n += 1;
        }
      }),
    );
  } finally {
    await store.close();
  }
  return n / ((performance.now() - start) / 1000);
}

async function write(out: WriteStream, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

async function finish(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/**
 * Valid chains written directly (no fsync: this is test data, not the service): the largest size,
 * and every smaller one as its prefix.
 */
async function generateChains(dirs: Map<number, string>): Promise<void> {
  const outs = [...dirs].map(([size, dir]) => ({ size, out: createWriteStream(join(dir, 'glyph_chain.jsonl')) }));
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  let tip: PulseRecord | null = null;
  for (let i = 0; i < Math.max(...dirs.keys()); i++) {
    tip = createPulse(tip, 'BENCH', t0 + i * 1000);
    const line = `${toLine(tip)}\n`;
    for (const { size, out } of outs) if (i < size) await write(out, line);
  }
  for (const { out } of outs) await finish(out);
}

/**
 * A valid descriptor log of the largest size, with every smaller size written alongside as its
 * prefix. Each descriptor names its own two glyphs; four descriptors share each a-priori ref, so a
 * lookup's answer size is the same at every scale.
 */
async function generateDescriptors(dirs: Map<number, string>): Promise<void> {
  const sample = parseDescriptor({
    process_name: 'ISS.BENCH', process_version: '1', capability_level: 3, process_outcome: 'compliant',
    compliance_score: 0.9, apriori_refs: ['ref-0'], aposteriori_refs: ['obs'], glyph_range_start: 'seq:0',
    glyph_range_end: 'seq:1', glyph_count: 2, evidence_required: ['plan'], evidence_provided: ['plan'],
    assessed_by: 'bench', assessment_method: 'ISO/IEC 33020', active_constraints: [],
  });
  const outs = [...dirs].map(([size, dir]) => ({ size, out: createWriteStream(join(dir, 'spice_descriptors.jsonl')) }));
  const max = Math.max(...dirs.keys());
  let tip: DescriptorRecord | null = null;
  for (let i = 0; i < max; i++) {
    const d = { ...sample, glyph_range_start: `seq:${2 * i}`, glyph_range_end: `seq:${2 * i + 1}`, apriori_refs: [`ref-${i >> 2}`] };
    tip = createDescriptorRecord(tip, d, '2026-01-01T00:00:00.000Z', GENESIS_HASH);
    const line = `${toLine(tip)}\n`;
    for (const { size, out } of outs) if (i < size) await write(out, line);
  }
  for (const { out } of outs) await finish(out);
}

/** Runs a command, returning its stdout, wall seconds and peak RSS (GNU time's maximum resident set). */
async function measured(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; seconds: number; peakRss: number }> {
  const child = spawn('/usr/bin/time', ['-f', 'MAXRSS_KB=%M', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const start = performance.now();
  await once(child, 'close');
  const seconds = (performance.now() - start) / 1000;
  const kb = /MAXRSS_KB=(\d+)/.exec(stderr)?.[1];
  if (kb === undefined) throw new Error(`no peak RSS for ${args.join(' ')}: ${stderr}`);
  return { stdout, seconds, peakRss: Number(kb) * 1024 };
}

// The service-like processes: plain node on the compiled store (no tsx loader in their RSS). The
// first opens the store with no spice_index.json (index built from the log, then saved); the second,
// a fresh process like a restarted service, loads the saved index and times LOOKUPS lookups of each
// kind on descriptors spread evenly over the log.
const BUILD = `
const { FileSpiceStore } = await import(process.env.ISS_DIST + '/adapters/spice-store.js');
const dir = process.env.ISS_DIR;
const t = performance.now();
const store = await FileSpiceStore.open({ dir, forensicDir: dir });
const seconds = (performance.now() - t) / 1000;
const state = store.indexState;
await store.close();
process.stdout.write(JSON.stringify({ seconds, state }));
`;
const PROBE = `
const { FileSpiceStore } = await import(process.env.ISS_DIST + '/adapters/spice-store.js');
const dir = process.env.ISS_DIR;
const n = Number(process.env.ISS_N), lookups = Number(process.env.ISS_LOOKUPS);
const t = performance.now();
const store = await FileSpiceStore.open({ dir, forensicDir: dir });
const loadSeconds = (performance.now() - t) / 1000;
const loadState = store.indexState;
const count = await store.count();
globalThis.gc?.();
const { rss, heapUsed } = process.memoryUsage();
const picks = Array.from({ length: lookups }, (_, k) => Math.floor((k * 2654435761) % n));
const ids = [];
{ const want = new Set(picks); for await (const r of store.records()) if (want.has(r.seq)) ids.push([r.seq, r.descriptor_id]); }
const byId = new Map(ids);
const median = async (fn) => {
  const times = [];
  for (const i of picks) { const s = performance.now(); const hits = await fn(i); times.push(performance.now() - s); if (hits < 1) throw new Error('lookup missed ' + i); }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] * 1000;
};
const id = await median(async (i) => ((await store.get(byId.get(i))) ? 1 : 0));
const glyph = await median(async (i) => (await store.findByGlyph('seq:' + 2 * i)).length);
const apriori = await median(async (i) => (await store.findByApriori('ref-' + (i >> 2))).length);
await store.close();
process.stdout.write(JSON.stringify({ count, loadSeconds, loadState, rss, heapUsed, id, glyph, apriori }));
`;

interface BuildResult {
  seconds: number;
  state: string;
}

interface ProbeResult {
  count: number;
  loadSeconds: number;
  loadState: string;
  rss: number;
  heapUsed: number;
  id: number;
  glyph: number;
  apriori: number;
}

const root = mkdtempSync(join(tmpdir(), 'iss-chain-bench-'));
try {
  console.log('building services/iss (tsc -b) so verify and the store run as compiled JS');
  execFileSync('npx', ['tsc', '-b', 'services/iss/tsconfig.build.json'], { cwd: repo, stdio: 'inherit' });

  // 1. Durability: the same disk, one process, the bare loop first then the store.
  const clients = 64;
  const bare = bareFsyncLoop(join(root, 'bare.jsonl'), 5000);
  const iss = await issAppends(join(root, 'durable'), clients, 5000);
  const rows: (string | number)[][] = [
    ['bare write + fdatasync per append', 'durable pulses/s', round(bare, 0), '1 writer, 5 s'],
    ['FileChainStore.appendPulse (group commit)', 'durable pulses/s', round(iss, 0), `${clients} concurrent appenders, 5 s`],
    ['ISS / bare', 'ratio', `${round(iss / bare, 2)}×`, 'goal ≥ 1.0×'],
  ];

  // 2. Verify chains of 100k and 1M pulses with the compiled CLI, each in its own process: peak RSS
  //    should not grow with the chain.
  const chainDirs = new Map([100_000, RECORDS].filter((n, i, all) => n <= RECORDS && all.indexOf(n) === i).map((n) => [n, join(root, `chain-${n}`)]));
  for (const dir of chainDirs.values()) mkdirSync(dir);
  let t = performance.now();
  await generateChains(chainDirs);
  console.log(`generated ${RECORDS} pulses in ${round((performance.now() - t) / 1000, 1)} s`);
  for (const [n, dir] of chainDirs) {
    const verify = await measured([process.execPath, join(dist, 'cli.js'), 'verify', '--dir', dir], { SECRET_KEY: '', CHECKPOINT_KEY_FILE: '' });
    const report = JSON.parse(verify.stdout) as { ok: boolean; chain: { records: number } };
    if (!report.ok || report.chain.records !== n) throw new Error(`verify failed: ${verify.stdout.slice(0, 500)}`);
    const chainBytes = statSync(join(dir, 'glyph_chain.jsonl')).size;
    const label = `iss verify --dir, ${n.toLocaleString('en')} pulses (${mb(chainBytes)} MB)`;
    rows.push(
      [label, 'records/s', round(n / verify.seconds, 0), `${round(verify.seconds, 1)} s wall, process start included`],
      [label, 'peak RSS (GNU time max RSS)', `${mb(verify.peakRss)} MB`, 'goal: flat, < 100 MB'],
    );
    rmSync(dir, { recursive: true, force: true });
  }

  // 3. Descriptors: 1k / 100k / 1M in a service-like process.
  const dirs = new Map(DESCRIPTOR_SIZES.map((n) => [n, join(root, `spice-${n}`)]));
  for (const dir of dirs.values()) mkdirSync(dir);
  t = performance.now();
  await generateDescriptors(dirs);
  console.log(`generated ${RECORDS} descriptors in ${round((performance.now() - t) / 1000, 1)} s`);
  for (const [n, dir] of dirs) {
    const env = { ISS_DIST: dist, ISS_DIR: dir, ISS_N: String(n), ISS_LOOKUPS: String(LOOKUPS) };
    const buildRun = await measured([process.execPath, '--input-type=module', '-e', BUILD], env);
    const build = JSON.parse(buildRun.stdout) as BuildResult;
    const run = await measured([process.execPath, '--expose-gc', '--input-type=module', '-e', PROBE], env);
    const p = JSON.parse(run.stdout) as ProbeResult;
    if (build.state !== 'rebuilt: index missing' || p.count !== n || p.loadState !== 'loaded') {
      throw new Error(`descriptor probe at ${n}: ${buildRun.stdout} ${run.stdout}`);
    }
    const indexBytes = statSync(join(dir, 'spice_index.json')).size;
    const label = `${n.toLocaleString('en')} descriptors`;
    rows.push(
      [label, 'open without index: build + save (peak RSS)', `${round(build.seconds, 2)} s (${mb(buildRun.peakRss)} MB)`, `spice_index.json ${mb(indexBytes)} MB`],
      [label, 'restart: load spice_index.json', `${round(p.loadSeconds, 2)} s`, 'fresh process'],
      [label, 'restart: RSS / JS heap after load (peak RSS)', `${mb(p.rss)} / ${mb(p.heapUsed)} MB (${mb(run.peakRss)} MB)`, 'service-like process, compiled JS'],
      [label, 'median µs: get(id) / glyph / a-priori ref', `${round(p.id, 0)} / ${round(p.glyph, 0)} / ${round(p.apriori, 0)}`, `${LOOKUPS} lookups each`],
    );
    rmSync(dir, { recursive: true, force: true });
  }

  if (process.env['ISS_BENCH_DRY']) console.table(rows);
  else record('ISS chain: group commit vs bare fsync, streaming verify, descriptor index (issue 2)', rows, ['what', 'measure', 'value', 'notes']);
} finally {
  rmSync(root, { recursive: true, force: true });
}
