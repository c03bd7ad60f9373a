// ISS benchmark (not a test): durable pulses/s against a bare fsync-per-append loop on the same
// disk, streaming verify throughput and peak RSS on a large chain, and RSS / lookup latency with
// many descriptors indexed. Run: node --import tsx services/iss/test/bench/iss-bench.ts
// ISS_BENCH_RECORDS (default 1,000,000) sizes the verify and descriptor parts.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, openSync, closeSync, writeSync, fdatasyncSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileChainStore } from '../../src/adapters/file-chain-store.js';
import { FileSpiceStore } from '../../src/adapters/spice-store.js';
import { verifyStorageFiles } from '../../src/adapters/storage-verifier.js';
import { GENESIS_HASH, toLine } from '../../src/domain/hash-chain.js';
import { createPulse, type PulseRecord } from '../../src/domain/pulse-record.js';
import { createDescriptorRecord, parseDescriptor, type DescriptorRecord } from '../../src/domain/spice-descriptor.js';

const RECORDS = Number(process.env['ISS_BENCH_RECORDS'] ?? 1_000_000);
const self = fileURLToPath(import.meta.url);

function peakRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function durablePulses(dir: string): Promise<void> {
  const bareN = 2000;
  const fd = openSync(join(dir, 'bare.jsonl'), 'a');
  const line = `${toLine(createPulse(null, 'BENCH', Date.now()))}\n`;
  let t = performance.now();
  for (let i = 0; i < bareN; i++) {
    writeSync(fd, line);
    fdatasyncSync(fd);
  }
  const bare = bareN / ((performance.now() - t) / 1000);
  closeSync(fd);

  const store = await FileChainStore.open({ dir: join(dir, 'chain'), nodeId: 'BENCH' });
  const n = 20_000;
  const clients = 64;
  let issued = 0;
  t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < n) {
        issued += 1;
        await store.appendPulse();
      }
    }),
  );
  const ours = n / ((performance.now() - t) / 1000);
  await store.close();
  console.log(`durable pulses/s: iss ${ours.toFixed(0)} (${clients} concurrent clients, group commit) vs bare fsync loop ${bare.toFixed(0)} → ${(ours / bare).toFixed(2)}×`);
}

async function writeLines(path: string, n: number, make: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) if (!out.write(`${make(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Child: verify a chain of RECORDS pulses, print throughput and peak RSS. */
async function verifyChild(dir: string): Promise<void> {
  const stop = peakRss();
  const t = performance.now();
  const report = await verifyStorageFiles({ storagePath: dir, spicePath: dir });
  const secs = (performance.now() - t) / 1000;
  const records = report.chain.records + report.descriptors.records;
  console.log(
    `verify: ${report.chain.records} pulses + ${report.descriptors.records} descriptors in ${secs.toFixed(1)} s = ${(records / secs).toFixed(0)} records/s, ok=${report.ok}, peak RSS ${mb(stop())} (tsx loader included)`,
  );
}

/** Child: open a store with RECORDS descriptors (index rebuild), print RSS and lookup latency. */
async function descriptorChild(dir: string): Promise<void> {
  const stop = peakRss();
  let t = performance.now();
  const store = await FileSpiceStore.open({ dir, forensicDir: dir });
  const openSecs = (performance.now() - t) / 1000;
  const count = await store.count();
  const ids: string[] = [];
  for await (const r of store.records()) if (r.seq % Math.max(1, Math.floor(count / 1000)) === 0) ids.push(r.descriptor_id);
  t = performance.now();
  for (const id of ids) await store.get(id);
  const perLookup = (performance.now() - t) / ids.length;
  console.log(`descriptors: ${count} indexed (${store.indexState}) in ${openSecs.toFixed(1)} s, RSS ${mb(process.memoryUsage().rss)} (peak ${mb(stop())}), get(id) ${(perLookup * 1000).toFixed(0)} µs`);
  await store.close();
}

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  if (mode === 'verify-child') return verifyChild(dir as string);
  if (mode === 'descriptor-child') return descriptorChild(dir as string);

  const root = mkdtempSync(join(tmpdir(), 'iss-bench-'));
  try {
    await durablePulses(root);

    const chainDir = join(root, 'big');
    let tip: PulseRecord | null = null;
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    execFileSync('mkdir', ['-p', chainDir]);
    await writeLines(join(chainDir, 'glyph_chain.jsonl'), RECORDS, (i) => {
      tip = createPulse(tip, 'BENCH', t0 + i);
      return toLine(tip);
    });
    const sample = parseDescriptor({
      process_name: 'P', process_version: '1', capability_level: 3, process_outcome: 'compliant', compliance_score: 0.9,
      apriori_refs: ['r'], aposteriori_refs: ['o'], glyph_range_start: 'a', glyph_range_end: 'b', glyph_count: 1,
      evidence_required: [], evidence_provided: [], assessed_by: 'x', assessment_method: 'y', active_constraints: [],
    });
    let dtip: DescriptorRecord | null = null;
    await writeLines(join(chainDir, 'spice_descriptors.jsonl'), RECORDS, (i) => {
      dtip = createDescriptorRecord(dtip, { ...sample, glyph_count: i + 1, glyph_range_start: `g${i % 1000}` }, '2026-01-01T00:00:00.000Z', GENESIS_HASH);
      return toLine(dtip);
    });
    const run = (m: string) => execFileSync(process.execPath, ['--import', 'tsx', self, m, chainDir], { stdio: 'inherit' });
    run('verify-child');
    run('descriptor-child');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
