/**
 * Runs the real Swiss Ephemeris `swetest` (Debian package `swe-basic-data` supplies the DE431-based files
 * for 1800–2400) and parses its output. Used only by tests: Swiss Ephemeris is AGPL and never a runtime
 * dependency. Every value a test compares against comes from a fresh swetest run; `command()` gives the
 * exact command line so each fixture can name its generator.
 */
import { execFileSync } from 'node:child_process';

export const EPHEMERIS_DIR = '/usr/share/libswe/ephe';

/** swetest's version line, e.g. "2.10.03-deb1". */
export function swetestVersion(): string {
  const out = execFileSync('swetest', ['-h'], { encoding: 'utf8' });
  return /Version:\s*(\S+)/.exec(out)?.[1] ?? 'unknown';
}

/** The argument list of one swetest run. */
export function swetestArgs(extra: readonly string[]): string[] {
  return [`-edir${EPHEMERIS_DIR}`, ...extra];
}

/** The command line, for fixture provenance. */
export function command(extra: readonly string[]): string {
  return ['swetest', ...swetestArgs(extra)].join(' ');
}

/** Runs swetest and returns its stdout. */
export function runSwetest(extra: readonly string[]): string {
  return execFileSync('swetest', swetestArgs(extra), { encoding: 'utf8' });
}

/** swetest's body labels → our body names. */
export const SWETEST_BODY_NAMES: Record<string, string> = {
  Sun: 'Sun',
  Moon: 'Moon',
  Mercury: 'Mercury',
  Venus: 'Venus',
  Mars: 'Mars',
  Jupiter: 'Jupiter',
  Saturn: 'Saturn',
  Uranus: 'Uranus',
  Neptune: 'Neptune',
  Pluto: 'Pluto',
  'mean Node': 'MeanNode',
  'true Node': 'TrueNode',
  'mean Apogee': 'MeanApogee',
};

/** One swetest row in `-fPlbRs` format. */
export interface SwetestRow {
  body: string;
  longitude: number;
  latitude: number;
  distance: number;
  speed: number;
}

/** Parses `-fPlbRs -head` output (name, longitude, latitude, distance AU, speed). */
export function parseRows(output: string): SwetestRow[] {
  const rows: SwetestRow[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s*$/.exec(line.trim());
    if (!match) continue;
    const body = SWETEST_BODY_NAMES[match[1]!.trim()];
    if (!body) continue;
    rows.push({
      body,
      longitude: Number(match[2]),
      latitude: Number(match[3]),
      distance: Number(match[4]),
      speed: Number(match[5]),
    });
  }
  return rows;
}

/** Mulberry32: a small seeded PRNG so the sampled instants are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Signed longitude difference a − b in arcseconds, wrapped to (−648000, 648000]. */
export function arcsecDifference(a: number, b: number): number {
  return (((((a - b) % 360) + 540) % 360) - 180) * 3600;
}
