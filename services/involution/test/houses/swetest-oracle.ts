/**
 * Runs Debian's `swetest` (Swiss Ephemeris 2.10, AGPL: test-only oracle, never a runtime dependency)
 * and parses its labelled, comma-separated output.
 */
import { execFileSync } from 'node:child_process';

/** House cusps 1–12 and the angles swetest reports for one instant. */
export interface SwetestHouses {
  cusps: number[];
  ascendant: number;
  mc: number;
  armc: number;
  vertex: number;
  eastPoint: number;
}

/**
 * Houses from one swetest run over `steps` instants jdUt, jdUt + step, … (one process for many
 * instants keeps the oracle sweep fast).
 */
export function swetestHouseSeries(jdUt: number, step: number, steps: number, lon: number, lat: number, letter: string): SwetestHouses[] {
  const out = execFileSync('swetest', [`-bj${jdUt}`, '-ut', `-n${steps}`, `-s${step}`, '-p', `-house${lon},${lat},${letter}`, '-fPl', '-head', '-g,'], { encoding: 'utf8' });
  const blocks: Map<string, number>[] = [];
  for (const line of out.split('\n')) {
    const parts = line.split(',').map((p) => p.trim());
    if (parts.length < 2 || parts[0] === '') continue;
    if (parts[0] === 'house  1') blocks.push(new Map());
    blocks[blocks.length - 1]?.set(parts[0]!, Number(parts[1]));
  }
  if (blocks.length !== steps) throw new Error(`swetest gave ${blocks.length} house blocks, expected ${steps}`);
  return blocks.map((rows) => {
    const get = (label: string): number => {
      const v = rows.get(label);
      if (v === undefined || Number.isNaN(v)) throw new Error(`swetest gave no "${label}" near ${jdUt} ${lon} ${lat} ${letter}`);
      return v;
    };
    return {
      cusps: Array.from({ length: 12 }, (_, i) => get(`house ${String(i + 1).padStart(2, ' ')}`)),
      ascendant: get('Ascendant'),
      mc: get('MC'),
      armc: get('ARMC'),
      vertex: get('Vertex'),
      eastPoint: get('equat. Asc.'),
    };
  });
}

/** House cusps 1–12 and the angles swetest reports for a UT Julian day and place. */
export function swetestHouses(jdUt: number, lon: number, lat: number, letter: string): SwetestHouses {
  return swetestHouseSeries(jdUt, 1, 1, lon, lat, letter)[0]!;
}

/** Small seeded PRNG (mulberry32) so the sampled instants and places are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Absolute angular difference in arc seconds. */
export function arcsecDiff(a: number, b: number): number {
  let d = Math.abs(a - b) % 360;
  if (d > 180) d = 360 - d;
  return d * 3600;
}
