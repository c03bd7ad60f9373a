/**
 * SPK writer and reader cross-checked with an independent implementation, Debian's python3-jplephem:
 * jplephem reads the files we write and returns the states our reader returns (and the values of
 * the Chebyshev coefficients we put in); our reader reads files written by jplephem's own DAF writer
 * (`python3 -m jplephem excerpt`) and returns jplephem's states.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryByteSource } from '../../src/domain/spk/byte-source.js';
import { readDaf } from '../../src/domain/spk/daf-file.js';
import { NAIF, SpkKernel } from '../../src/domain/spk/spk-kernel.js';
import { writeSpk, type SpkSegmentInput } from '../../src/domain/spk/spk-writer.js';
import { seededRandom } from '../houses/swetest-oracle.js';

const PYTHON = '/usr/bin/python3';
const DAY = 86400;
// 675 s = 1/128 day: these epochs are exact in binary both as seconds and as day fractions, so
// jplephem's (jd, fraction) input carries no rounding of its own.
const EPOCHS = Array.from({ length: 40 }, (_, i) => (i * 37 + 5) * 675 * 4);

const JPLEPHEM_STATES = `
import json, sys
from jplephem.spk import SPK
path, queries = sys.argv[1], json.loads(sys.argv[2])
kernel = SPK.open(path)
out = []
for center, target, et in queries:
    seg = kernel[center, target]
    p, v = seg.compute_and_differentiate(2451545.0, et / 86400.0)
    out.append([list(map(float, p[:3])), list(map(float, (v[:3] / 86400.0) if seg.data_type == 2 else p[3:6]))])
print(json.dumps({"states": out, "segments": [[s.center, s.target, s.frame, s.data_type, s.start_second, s.end_second, s.source.decode() if isinstance(s.source, bytes) else s.source] for s in kernel.segments]}))
`;

function chebyshevRecord(random: () => number, components: number, degree: number, scale: number): number[][] {
  return Array.from({ length: components }, () => Array.from({ length: degree + 1 }, (_, k) => (random() * 2 - 1) * scale / (k + 1) ** 3));
}

function segment(random: () => number, target: number, center: number, dataType: 2 | 3, scale: number, name: string): SpkSegmentInput {
  const components = dataType === 2 ? 3 : 6;
  return {
    target,
    center,
    frame: 1,
    dataType,
    name,
    init: 0,
    intervalLength: 16 * DAY,
    records: Array.from({ length: 4 }, () => chebyshevRecord(random, components, 9, scale)),
  };
}

let dir: string;
let ownPath: string;
let ownBytes: Uint8Array;
let segments: SpkSegmentInput[];

function jplephem(path: string, queries: [number, number, number][]) {
  const out = execFileSync(PYTHON, ['-c', JPLEPHEM_STATES, path, JSON.stringify(queries)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out) as { states: [number[], number[]][]; segments: [number, number, number, number, number, number, string][] };
}

function expectClose(actual: readonly number[], expected: readonly number[], relative: number): void {
  actual.forEach((a, i) => {
    const e = expected[i]!;
    expect(Math.abs(a - e)).toBeLessThanOrEqual(Math.max(1e-9, Math.abs(e) * relative));
  });
}

beforeAll(() => {
  const random = seededRandom(0x5b4);
  segments = [
    segment(random, NAIF.EMB, NAIF.SSB, 2, 1.5e8, 'EMB wrt SSB (type 2)'),
    segment(random, NAIF.EARTH, NAIF.EMB, 3, 5e3, 'EARTH wrt EMB (type 3)'),
    segment(random, NAIF.MOON, NAIF.EMB, 2, 4e5, 'MOON wrt EMB (type 2)'),
    segment(random, NAIF.SUN, NAIF.SSB, 3, 1e6, 'SUN wrt SSB (type 3)'),
  ];
  dir = mkdtempSync(join(tmpdir(), 'spk-test-'));
  ownPath = join(dir, 'own.bsp');
  ownBytes = writeSpk('involution test kernel', segments);
  writeFileSync(ownPath, ownBytes);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('SPK writer read by jplephem', () => {
  it('lists the four segments with our ids, frame, type, coverage and names', () => {
    const { segments: listed } = jplephem(ownPath, []);
    expect(listed).toEqual([
      [0, 3, 1, 2, 0, 64 * DAY, 'EMB wrt SSB (type 2)'],
      [3, 399, 1, 3, 0, 64 * DAY, 'EARTH wrt EMB (type 3)'],
      [3, 301, 1, 2, 0, 64 * DAY, 'MOON wrt EMB (type 2)'],
      [0, 10, 1, 3, 0, 64 * DAY, 'SUN wrt SSB (type 3)'],
    ]);
  });

  it('gives c₀ − c₂ + c₄ − … at each record midpoint (Tₖ(0) = cos(kπ/2)), the coefficients we wrote', () => {
    const emb = segments[0]!;
    const queries = emb.records.map((_, i): [number, number, number] => [0, 3, (i + 0.5) * 16 * DAY]);
    const { states } = jplephem(ownPath, queries);
    emb.records.forEach((record, i) => {
      const expected = record.map((c) => c.reduce((sum, ck, k) => sum + (k % 2 === 0 ? (k % 4 === 0 ? ck : -ck) : 0), 0));
      expectClose(states[i]![0], expected, 1e-15);
    });
  });
});

describe('SPK reader against jplephem', () => {
  it('matches jplephem on every segment of our file at 40 epochs (positions and velocities)', () => {
    const kernel = new SpkKernel();
    kernel.load('own.bsp', memoryByteSource(ownBytes));
    const queries: [number, number, number][] = [];
    for (const s of segments) for (const et of EPOCHS) queries.push([s.center, s.target, et]);
    const { states } = jplephem(ownPath, queries);
    queries.forEach(([center, target, et], i) => {
      const ours = kernel.relativeState(target, center, et);
      const [p, v] = states[i]!;
      expectClose(ours.position, p, 2e-15);
      expectClose(ours.velocity, v, 1e-13);
    });
  });

  it('chains through the barycenters: Moon from Earth = (EMB→Moon) − (EMB→Earth), Sun from Earth via SSB', () => {
    const kernel = new SpkKernel();
    kernel.load('own.bsp', memoryByteSource(ownBytes));
    const queries: [number, number, number][] = [];
    for (const et of EPOCHS) queries.push([3, 301, et], [3, 399, et], [0, 3, et], [0, 10, et]);
    const { states } = jplephem(ownPath, queries);
    EPOCHS.forEach((et, i) => {
      const [moon, earth, emb, sun] = [states[4 * i]!, states[4 * i + 1]!, states[4 * i + 2]!, states[4 * i + 3]!];
      const geoMoon = kernel.relativeState(NAIF.MOON, NAIF.EARTH, et);
      expectClose(geoMoon.position, [0, 1, 2].map((k) => moon[0][k]! - earth[0][k]!), 1e-15);
      const geoSun = kernel.relativeState(NAIF.SUN, NAIF.EARTH, et);
      expectClose(geoSun.position, [0, 1, 2].map((k) => sun[0][k]! - (emb[0][k]! + earth[0][k]!)), 1e-15);
      const bary = kernel.barycentricState(NAIF.EARTH, et);
      expectClose(bary.velocity, [0, 1, 2].map((k) => emb[1][k]! + earth[1][k]!), 1e-13);
    });
  });

  it("reads a file written by jplephem's DAF writer (excerpt) and matches jplephem on it", () => {
    const excerptPath = join(dir, 'excerpt.bsp');
    execFileSync(PYTHON, ['-m', 'jplephem', 'excerpt', '2000/01/10', '2000/02/10', ownPath, excerptPath], { encoding: 'utf8' });
    const bytes = new Uint8Array(readFileSync(excerptPath));
    const daf = readDaf(memoryByteSource(bytes));
    expect(daf.summaries).toHaveLength(4);
    const kernel = new SpkKernel();
    kernel.load('excerpt.bsp', memoryByteSource(bytes));
    const inside = EPOCHS.filter((et) => et >= 10 * DAY && et <= 40 * DAY);
    expect(inside.length).toBeGreaterThan(5);
    const queries: [number, number, number][] = [];
    for (const s of segments) for (const et of inside) queries.push([s.center, s.target, et]);
    const { states } = jplephem(excerptPath, queries);
    queries.forEach(([center, target, et], i) => {
      const ours = kernel.relativeState(target, center, et);
      expectClose(ours.position, states[i]![0], 2e-15);
      expectClose(ours.velocity, states[i]![1], 1e-13);
    });
  });

  it('reads a BIG-IEEE file the same as jplephem does', () => {
    const bigPath = join(dir, 'big.bsp');
    const bigBytes = writeSpk('big-endian kernel', segments, { littleEndian: false });
    writeFileSync(bigPath, bigBytes);
    const daf = readDaf(memoryByteSource(bigBytes));
    expect(daf.littleEndian).toBe(false);
    const kernel = new SpkKernel();
    kernel.load('big.bsp', memoryByteSource(bigBytes));
    const queries: [number, number, number][] = segments.map((s) => [s.center, s.target, EPOCHS[7]!]);
    const { states } = jplephem(bigPath, queries);
    queries.forEach(([center, target, et], i) => {
      const ours = kernel.relativeState(target, center, et);
      expectClose(ours.position, states[i]![0], 2e-15);
      expectClose(ours.velocity, states[i]![1], 1e-13);
    });
  });

  it('reports INVOLUTION_OUT_OF_RANGE outside the coverage and INVOLUTION_BODY_UNSUPPORTED for a missing body', () => {
    const kernel = new SpkKernel();
    kernel.load('own.bsp', memoryByteSource(ownBytes));
    expect(() => kernel.relativeState(NAIF.MOON, NAIF.EARTH, 65 * DAY)).toThrow(expect.objectContaining({ code: 'INVOLUTION_OUT_OF_RANGE' }));
    expect(() => kernel.relativeState(NAIF.MARS_BARYCENTER, NAIF.EARTH, DAY)).toThrow(expect.objectContaining({ code: 'INVOLUTION_BODY_UNSUPPORTED' }));
    expect(kernel.coverage().map((c) => c.target)).toEqual([3, 10, 301, 399]);
  });

  it('rejects a file that is not a DAF with INVOLUTION_KERNEL_INVALID', () => {
    const kernel = new SpkKernel();
    expect(() => kernel.load('junk', memoryByteSource(new Uint8Array(2048).fill(65)))).toThrow(expect.objectContaining({ code: 'INVOLUTION_KERNEL_INVALID' }));
  });
});
