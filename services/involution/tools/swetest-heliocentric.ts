/**
 * Heliocentric geometric positions from the real `swetest` (Swiss Ephemeris with Debian's DE431-based
 * files), rotated into the VSOP87 J2000 ecliptic frame the analytic theories use. Shared by the
 * generator (fit-de431-corrections.ts) and the test that checks the committed tables against swetest.
 */
import { execFileSync } from 'node:child_process';
import { transpose, VSOP87_TO_EQUATORIAL_J2000 } from '../src/domain/ephemeris/frames.js';
import { apply, type Vector3 } from '../src/domain/ephemeris/matrix3.js';

export const EPHEMERIS_DIR = '/usr/share/libswe/ephe';

/** Bodies sampled, with swetest's planet letter. */
export const SWETEST_PLANET = {
  Mercury: '2',
  Venus: '3',
  Earth: 'C',
  Mars: '4',
  Jupiter: '5',
  Saturn: '6',
  Uranus: '7',
  Neptune: '8',
  Pluto: '9',
} as const;

export type SampledBody = keyof typeof SWETEST_PLANET;

/**
 * Heliocentric (-hel), geometric (-true: no light time, aberration or deflection), J2000 equator with
 * the IAU 2006 frame bias (-j2000), rectangular with 17 digits (-fJx -ep), input times in TT.
 */
export const SWETEST_OPTIONS = ['-hel', '-true', '-j2000', '-fJx', '-ep', '-head'] as const;

// swetest refuses more output lines than this in one run.
const MAX_ROWS_PER_RUN = 36000;

const EQUATORIAL_TO_VSOP = transpose(VSOP87_TO_EQUATORIAL_J2000);

/** The swetest argument list for `count` instants from `startJd` (TT) every `stepDays`. */
export function swetestArguments(
  body: SampledBody,
  startJd: number,
  count: number,
  stepDays: number,
): string[] {
  return [
    `-edir${EPHEMERIS_DIR}`,
    `-bj${startJd}`,
    `-n${count}`,
    `-s${stepDays}`,
    `-p${SWETEST_PLANET[body]}`,
    ...SWETEST_OPTIONS,
  ];
}

/** swetest's version string, e.g. "2.10.03-deb1". */
export function swetestVersion(): string {
  const out = execFileSync('swetest', ['-h'], { encoding: 'utf8' });
  return /Version:\s*(\S+)/.exec(out)?.[1] ?? 'unknown';
}

function parseRows(output: string, expected: number, args: readonly string[]): Vector3[] {
  const rows: Vector3[] = [];
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.trim().split(/\s+/).map(Number);
    // Anything but "JD x y z" (a warning, a fall-back to the Moshier ephemeris) invalidates the run.
    if (fields.length !== 4 || fields.some((value) => !Number.isFinite(value))) {
      throw new Error(`unexpected swetest output "${line}" from swetest ${args.join(' ')}`);
    }
    rows.push(apply(EQUATORIAL_TO_VSOP, [fields[1]!, fields[2]!, fields[3]!]));
  }
  if (rows.length !== expected) throw new Error(`swetest gave ${rows.length} rows, expected ${expected}`);
  return rows;
}

/**
 * Heliocentric positions (AU, VSOP87 J2000 ecliptic frame) at startJd + i·stepDays (TT), i < count.
 * Time steps are whole or half days so swetest's two-decimal JD column is not needed.
 */
export function swetestHeliocentric(
  body: SampledBody,
  startJd: number,
  count: number,
  stepDays: number,
): Vector3[] {
  const out: Vector3[] = [];
  for (let first = 0; first < count; first += MAX_ROWS_PER_RUN) {
    const rows = Math.min(MAX_ROWS_PER_RUN, count - first);
    const args = swetestArguments(body, startJd + first * stepDays, rows, stepDays);
    const output = execFileSync('swetest', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    out.push(...parseRows(output, rows, args));
  }
  return out;
}

/** The heliocentric position at one instant (TT). */
export function swetestHeliocentricAt(body: SampledBody, jdTt: number): Vector3 {
  return swetestHeliocentric(body, jdTt, 1, 1)[0]!;
}
