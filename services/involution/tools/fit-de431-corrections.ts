/**
 * Generator of src/domain/ephemeris/de431-corrections.data.ts and pluto-de431.data.ts.
 *
 *   npx tsx services/involution/tools/fit-de431-corrections.ts
 *
 * Samples DE431 as reproduced by Swiss Ephemeris (Debian's `swetest` with the `swe-basic-data` files)
 * daily over 1800–2400 TT, heliocentric and geometric in the VSOP87 J2000 frame, then per body fits
 * piecewise Chebyshev polynomials on the even days (each segment's fit overlapping its neighbours by 5%): to VSOP87B's residual ΔL, ΔB, ΔR for the planets
 * that drift from DE431, and to Pluto's position itself. The odd days and seeded random instants,
 * none of them used by the fit, measure what the rounded tables reproduce; the figures go into the
 * generated files' headers. Needs swetest; takes about a minute.
 */
import { writeFileSync } from 'node:fs';
import { angleDifference, displacement, toSpherical, vsop87Residual } from './de431-residuals.js';
import { fitChebyshev } from './least-squares-chebyshev.js';
import {
  swetestHeliocentric,
  swetestHeliocentricAt,
  SWETEST_OPTIONS,
  swetestVersion,
  EPHEMERIS_DIR,
} from './swetest-heliocentric.js';
import { ARCSEC } from '../src/domain/ephemeris/angles.js';
import type { Vector3 } from '../src/domain/ephemeris/matrix3.js';
import {
  decodeChebyshevTable,
  evaluateChebyshevTable,
  type EncodedChebyshevTable,
} from '../src/domain/ephemeris/piecewise-chebyshev.js';
import type { VsopBody } from '../src/domain/ephemeris/planetary-theory.js';
import { seededRandom } from '../test/oracle/swetest-oracle.js';

/** 1800-01-01 and 2400-01-01, TT: the span of Swiss Ephemeris' sepl_18.se1 file. */
const SPAN_START = 2378496.5;
const SPAN_END = 2597641.5;
const SPAN_DAYS = SPAN_END - SPAN_START;
const RANDOM_CHECKS = 100;
/** Fraction of a segment's length its fit also samples on either side (cuts the jumps between segments 4×). */
const OVERLAP = 0.05;

interface Plan {
  segments: number;
  degree: number;
  /** Smallest distance from the Earth (AU): turns a heliocentric error into a worst geocentric one. */
  nearest: number;
}

// Segment lengths and degrees chosen so each table reproduces its residual to ≲ 0.05″ seen from the Earth
// at the body's nearest; what is left is short-period (the theory's truncated terms), not worth storing.
const CORRECTION_PLANS: Partial<Record<VsopBody, Plan>> = {
  Mars: { segments: 300, degree: 12, nearest: 0.37 },
  Jupiter: { segments: 75, degree: 12, nearest: 3.9 },
  Saturn: { segments: 75, degree: 12, nearest: 7.9 },
  Uranus: { segments: 38, degree: 10, nearest: 17.2 },
  Neptune: { segments: 38, degree: 10, nearest: 28.7 },
};
const PLUTO_PLAN: Plan = { segments: 75, degree: 10, nearest: 28.6 };

/** Integer steps of the stored coefficients: 10 µas for ΔL and ΔB, 1e-10 AU for ΔR, 1e-9 AU for Pluto. */
const ANGLE_UNIT = 1e-5 * ARCSEC;
const DISTANCE_UNIT = 1e-10;
const PLUTO_UNIT = 1e-9;

const here = new URL('../src/domain/ephemeris/', import.meta.url);

/**
 * Fits daily samples (index = days after SPAN_START) with one Chebyshev polynomial per segment and
 * component, by least squares on the even days of the segment and OVERLAP of its length on either side,
 * and encodes the coefficients as integers in `units`.
 */
function fitTable(
  samples: readonly (readonly number[])[],
  plan: Plan,
  units: readonly number[],
): EncodedChebyshevTable {
  const segmentDays = SPAN_DAYS / plan.segments;
  const margin = OVERLAP * segmentDays;
  const integers: number[] = [];
  for (let segment = 0; segment < plan.segments; segment += 1) {
    const from = segment * segmentDays;
    const first = Math.max(0, 2 * Math.ceil((from - margin) / 2));
    const last = Math.min(SPAN_DAYS, from + segmentDays + margin);
    const x: number[] = [];
    const rows: (readonly number[])[] = [];
    for (let day = first; day <= last; day += 2) {
      x.push((2 * (day - from)) / segmentDays - 1);
      rows.push(samples[day]!);
    }
    units.forEach((unit, component) => {
      const coefficients = fitChebyshev(
        x,
        rows.map((row) => row[component]!),
        plan.degree,
      );
      integers.push(...coefficients.map((c) => Math.round(c / unit)));
    });
  }
  return {
    start: SPAN_START,
    end: SPAN_END,
    segments: plan.segments,
    degree: plan.degree,
    units,
    coefficients: segmentStrings(integers, units.length * (plan.degree + 1)),
  };
}

/** The integers as one comma-separated string per segment. */
function segmentStrings(integers: readonly number[], perSegment: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < integers.length; i += perSegment) out.push(integers.slice(i, i + perSegment).join(','));
  return out;
}

/** A table as TypeScript source (what Prettier would print). */
function tableLiteral(table: EncodedChebyshevTable, indent: string): string {
  const inner = `${indent}  `;
  return [
    '{',
    `${inner}start: ${table.start},`,
    `${inner}end: ${table.end},`,
    `${inner}segments: ${table.segments},`,
    `${inner}degree: ${table.degree},`,
    `${inner}units: [${table.units.join(', ')}],`,
    `${inner}coefficients: [`,
    ...table.coefficients.map((segment) => `${inner}  '${segment}',`),
    `${inner}],`,
    `${indent}}`,
  ].join('\n');
}

interface Check {
  /** Largest error seen from the Earth at the body's nearest, arcseconds. */
  geocentric: number;
  /** Largest heliocentric longitude error, arcseconds. */
  longitude: number;
  samples: number;
}

function updateCheck(check: Check, error: readonly number[], at: readonly number[], nearest: number): void {
  check.geocentric = Math.max(check.geocentric, displacement(error, at) / nearest / ARCSEC);
  check.longitude = Math.max(check.longitude, Math.abs(error[0]!) / ARCSEC);
  check.samples += 1;
}

function correctionFor(
  body: VsopBody,
  plan: Plan,
): { table: EncodedChebyshevTable; odd: Check; random: Check; raw: Check } {
  const positions = swetestHeliocentric(body, SPAN_START, SPAN_DAYS + 1, 1);
  const residuals = positions.map((position, day) => vsop87Residual(body, SPAN_START + day, position));
  const table = fitTable(residuals, plan, [ANGLE_UNIT, ANGLE_UNIT, DISTANCE_UNIT]);
  const decoded = decodeChebyshevTable(table);
  const value = new Float64Array(3);
  const odd: Check = { geocentric: 0, longitude: 0, samples: 0 };
  const raw: Check = { geocentric: 0, longitude: 0, samples: 0 };
  for (let day = 1; day <= SPAN_DAYS; day += 2) {
    evaluateChebyshevTable(decoded, SPAN_START + day, value);
    const residual = residuals[day]!;
    const at = toSpherical(positions[day]!);
    updateCheck(
      odd,
      residual.map((r, c) => r - value[c]!),
      at,
      plan.nearest,
    );
    updateCheck(raw, residual, at, plan.nearest);
  }
  const random: Check = { geocentric: 0, longitude: 0, samples: 0 };
  const next = seededRandom(431);
  for (let i = 0; i < RANDOM_CHECKS; i += 1) {
    const jd = SPAN_START + SPAN_DAYS * next();
    const position = swetestHeliocentricAt(body, jd);
    const residual = vsop87Residual(body, jd, position);
    evaluateChebyshevTable(decoded, jd, value);
    updateCheck(
      random,
      residual.map((r, c) => r - value[c]!),
      toSpherical(position),
      plan.nearest,
    );
  }
  return { table, odd, random, raw };
}

function plutoTable(): { table: EncodedChebyshevTable; odd: Check; random: Check } {
  const positions = swetestHeliocentric('Pluto', SPAN_START, SPAN_DAYS + 1, 1);
  const table = fitTable(positions, PLUTO_PLAN, [PLUTO_UNIT, PLUTO_UNIT, PLUTO_UNIT]);
  const decoded = decodeChebyshevTable(table);
  const value = new Float64Array(3);
  const check = (jd: number, truth: Vector3, into: Check): void => {
    evaluateChebyshevTable(decoded, jd, value);
    const [l, b, r] = toSpherical([value[0]!, value[1]!, value[2]!]);
    const at = toSpherical(truth);
    updateCheck(into, [angleDifference(l, at[0]), b - at[1], r - at[2]], at, PLUTO_PLAN.nearest);
  };
  const odd: Check = { geocentric: 0, longitude: 0, samples: 0 };
  for (let day = 1; day <= SPAN_DAYS; day += 2) check(SPAN_START + day, positions[day]!, odd);
  const random: Check = { geocentric: 0, longitude: 0, samples: 0 };
  const next = seededRandom(431);
  for (let i = 0; i < RANDOM_CHECKS; i += 1) {
    const jd = SPAN_START + SPAN_DAYS * next();
    check(jd, swetestHeliocentricAt('Pluto', jd), random);
  }
  return { table, odd, random };
}

function describe(check: Check): string {
  return `${check.geocentric.toFixed(4)}″ (heliocentric longitude ${check.longitude.toFixed(4)}″, ${check.samples} samples)`;
}

function header(title: string, lines: readonly string[]): string {
  const version = swetestVersion();
  return [
    '/**',
    ` * ${title}`,
    ' *',
    ' * GENERATED by services/involution/tools/fit-de431-corrections.ts: do not edit; rerun the generator.',
    ` * Generated ${new Date().toISOString().slice(0, 10)} from DE431 as reproduced by Swiss Ephemeris ${version} with`,
    ` * Debian's swe-basic-data files, sampled daily 1800-01-01 to 2400-01-01 TT with`,
    ` *   swetest -edir${EPHEMERIS_DIR} -bj<JD TT> -n<N> -s1 -p<planet> ${SWETEST_OPTIONS.join(' ')}`,
    ' * (heliocentric, geometric, J2000 equator with frame bias), rotated into the VSOP87 J2000 ecliptic',
    ' * frame by Bretagnon’s matrix (frames.ts). Piecewise Chebyshev least-squares fits on the even days;',
    ' * the errors below are measured on the odd days and on 100 seeded random instants, none used by the',
    ' * fit, and are worst cases seen from the Earth at the body’s nearest approach.',
    ' * JPL’s DE431 is public domain; the fit and these coefficients are ours.',
    ' *',
    ...lines.map((line) => ` * ${line}`),
    ' */',
  ].join('\n');
}

function main(): void {
  const corrections: Partial<Record<VsopBody, EncodedChebyshevTable>> = {};
  const lines: string[] = [];
  for (const [body, plan] of Object.entries(CORRECTION_PLANS) as [VsopBody, Plan][]) {
    const { table, odd, random, raw } = correctionFor(body, plan);
    corrections[body] = table;
    const years = (SPAN_DAYS / plan.segments / 365.25).toFixed(1);
    lines.push(
      `${body}: ${plan.segments} segments of ${years} years, degree ${plan.degree}; uncorrected ${describe(raw)};`,
      `  left after the fit: odd days ${describe(odd)}; random ${describe(random)}`,
    );
    console.error(lines.slice(-2).join('\n'));
  }
  const correctionsModule = [
    header(
      'DE431 − VSOP87B residuals (ΔL, ΔB in 1e-5″, ΔR in 1e-10 AU) as piecewise Chebyshev tables.',
      lines,
    ),
    "import type { EncodedChebyshevTable } from './piecewise-chebyshev.js';",
    "import type { VsopBody } from './planetary-theory.js';",
    '',
    'export const DE431_CORRECTIONS: Readonly<Partial<Record<VsopBody, EncodedChebyshevTable>>> = {',
    ...Object.entries(corrections).map(([body, table]) => `  ${body}: ${tableLiteral(table, '  ')},`),
    '};',
    '',
  ].join('\n');
  writeFileSync(new URL('de431-corrections.data.ts', here), correctionsModule);

  const pluto = plutoTable();
  const plutoLines = [
    `Pluto (system barycentre, heliocentric x, y, z in 1e-9 AU): ${PLUTO_PLAN.segments} segments of ${(SPAN_DAYS / PLUTO_PLAN.segments / 365.25).toFixed(1)} years, degree ${PLUTO_PLAN.degree};`,
    `  odd days ${describe(pluto.odd)}; random ${describe(pluto.random)}`,
  ];
  console.error(plutoLines.join('\n'));
  const plutoModule = [
    header('Heliocentric Pluto as a piecewise Chebyshev table (VSOP87 J2000 ecliptic frame).', plutoLines),
    "import type { EncodedChebyshevTable } from './piecewise-chebyshev.js';",
    '',
    `export const PLUTO_DE431: EncodedChebyshevTable = ${tableLiteral(pluto.table, '')};`,
    '',
  ].join('\n');
  writeFileSync(new URL('pluto-de431.data.ts', here), plutoModule);
}

main();
