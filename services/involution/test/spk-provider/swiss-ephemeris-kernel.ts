/**
 * Test kernels fitted to Swiss Ephemeris (the real libswe the swetest oracle uses, with its DE431-derived
 * .se1 files), called through Python's ctypes for full double precision (swetest prints 9 decimals of an
 * AU, 150 m — too coarse for the Moon). SE gives geometric barycentric ICRS states; the kernel stores
 * them in the DE layout, and SE's apparent places are then the truth the SPK provider's must match.
 */
import { execFileSync } from 'node:child_process';
import { fitChebyshevRecords } from '../../src/domain/spk-provider/chebyshev-fit.js';
import { tdbMinusTt } from '../../src/domain/spk-provider/icrf-frame.js';
import { KM_PER_AU } from '../../src/domain/ephemeris/lunar-theory.js';
import { NAIF } from '../../src/domain/spk/spk-kernel.js';
import type { SpkSegmentInput } from '../../src/domain/spk/spk-writer.js';
import { EMRAT } from './analytic-kernel.js';

const SCRIPT = `
import ctypes, json, sys
swe = ctypes.CDLL('libswe.so.2')
swe.swe_set_ephe_path(b'/usr/share/libswe/ephe')
swe.swe_calc.argtypes = [ctypes.c_double, ctypes.c_int, ctypes.c_int32, ctypes.POINTER(ctypes.c_double), ctypes.c_char_p]
swe.swe_calc.restype = ctypes.c_int32
req = json.loads(sys.stdin.read())
if req.get('topo'):
    swe.swe_set_topo.argtypes = [ctypes.c_double, ctypes.c_double, ctypes.c_double]
    swe.swe_set_topo(*req['topo'])
xx = (ctypes.c_double * 6)()
serr = ctypes.create_string_buffer(256)
out = []
for jd in req['jds']:
    row = []
    for ipl in req['bodies']:
        if swe.swe_calc(jd, ipl, req['flags'], xx, serr) < 0 or serr.value.startswith(b'error'):
            raise SystemExit(serr.value.decode())
        row.append(list(xx))
    out.append(row)
print(json.dumps(out))
`;

/** SE body numbers. */
export const SE = { SUN: 0, MOON: 1, MERCURY: 2, VENUS: 3, MARS: 4, JUPITER: 5, SATURN: 6, URANUS: 7, NEPTUNE: 8, PLUTO: 9, EARTH: 14, CHIRON: 15 } as const;
/** SE flags. */
export const SEFLG = { SWIEPH: 2, TRUEPOS: 16, J2000: 32, SPEED: 256, NOGDEFL: 512, NOABERR: 1024, EQUATORIAL: 2048, XYZ: 4096, BARYCTR: 16384, TOPOCTR: 32768, ICRS: 131072 } as const;

/**
 * swe_calc for each body at each Julian day (TT): rows of [x0..x5] per jd, per body. `topo`: east
 * longitude, latitude (degrees), elevation (m) for SEFLG_TOPOCTR.
 */
export function sweCalc(jds: readonly number[], bodies: readonly number[], flags: number, topo?: readonly [number, number, number]): number[][][] {
  const out = execFileSync('/usr/bin/python3', ['-c', SCRIPT], { input: JSON.stringify({ jds, bodies, flags, topo }), encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as number[][][];
}

const GEOMETRIC_BARYCENTRIC_ICRS =
  SEFLG.SWIEPH | SEFLG.TRUEPOS | SEFLG.J2000 | SEFLG.NOGDEFL | SEFLG.NOABERR | SEFLG.EQUATORIAL | SEFLG.XYZ | SEFLG.BARYCTR | SEFLG.ICRS;

const PLANETS: readonly [number, number][] = [
  [NAIF.MERCURY_BARYCENTER, SE.MERCURY],
  [NAIF.VENUS_BARYCENTER, SE.VENUS],
  [NAIF.MARS_BARYCENTER, SE.MARS],
  [NAIF.JUPITER_BARYCENTER, SE.JUPITER],
  [NAIF.SATURN_BARYCENTER, SE.SATURN],
  [NAIF.URANUS_BARYCENTER, SE.URANUS],
  [NAIF.NEPTUNE_BARYCENTER, SE.NEPTUNE],
  [NAIF.PLUTO_BARYCENTER, SE.PLUTO],
];

/** Extra segments: Chiron (SE body 15, from seas_18.se1) under a NAIF id, relative to the barycenter or the Sun. */
export interface SwissEphemerisExtras {
  chiron?: { target: number; center: typeof NAIF.SSB | typeof NAIF.SUN };
}

/**
 * DE-layout segments (Sun, EMB, planets from 0; Earth, Moon from 3) fitted to SE's barycentric states,
 * plus Chiron when `extras.chiron` asks for it (last in the list): centred on the barycenter as SE gives
 * it, or on the Sun as JPL Horizons writes small-body SPKs.
 */
export function swissEphemerisSegments(startJd: number, records: number, granuleDays: number, degree: number, extras: SwissEphemerisExtras = {}): SpkSegmentInput[] {
  const init = (startJd - 2451545) * 86400;
  const intervalLength = granuleDays * 86400;
  // Sample every Chebyshev node once through one Python run, then fit from the table.
  const ets: number[] = [];
  fitChebyshevRecords((et) => (ets.push(et), [0]), init, intervalLength, records, degree);
  const jdTts = ets.map((et) => {
    const jdTdb = 2451545 + et / 86400;
    return jdTdb - tdbMinusTt(jdTdb) / 86400;
  });
  const bodies = [SE.SUN, SE.EARTH, SE.MOON, ...PLANETS.map(([, se]) => se), ...(extras.chiron ? [SE.CHIRON] : [])];
  const rows = sweCalc(jdTts, bodies, GEOMETRIC_BARYCENTRIC_ICRS);
  const table = new Map(ets.map((et, i) => [et, rows[i]!.map((state) => state.slice(0, 3).map((au) => au * KM_PER_AU))]));
  const at = (et: number, k: number): number[] => table.get(et)![k]!;
  const segment = (target: number, center: number, name: string, f: (et: number) => number[]): SpkSegmentInput => ({
    target,
    center,
    frame: 1,
    dataType: 2,
    name,
    init,
    intervalLength,
    records: fitChebyshevRecords(f, init, intervalLength, records, degree),
  });
  const share = 1 / (1 + EMRAT);
  const geocentricMoon = (et: number): number[] => at(et, 2).map((m, i) => m - at(et, 1)[i]!);
  const { chiron } = extras;
  const chironState = (et: number): number[] => {
    const barycentric = at(et, 3 + PLANETS.length);
    return chiron?.center === NAIF.SUN ? barycentric.map((c, i) => c - at(et, 0)[i]!) : barycentric;
  };
  return [
    segment(NAIF.SUN, NAIF.SSB, 'SUN (SWISS EPHEMERIS)', (et) => at(et, 0)),
    segment(NAIF.EMB, NAIF.SSB, 'EMB (SWISS EPHEMERIS)', (et) => at(et, 1).map((e, i) => e + geocentricMoon(et)[i]! * share)),
    segment(NAIF.EARTH, NAIF.EMB, 'EARTH (SWISS EPHEMERIS)', (et) => geocentricMoon(et).map((m) => -m * share)),
    segment(NAIF.MOON, NAIF.EMB, 'MOON (SWISS EPHEMERIS)', (et) => geocentricMoon(et).map((m) => m * EMRAT * share)),
    ...PLANETS.map(([naif], k) => segment(naif, NAIF.SSB, `BODY ${naif} (SWISS EPHEMERIS)`, (et) => at(et, 3 + k))),
    ...(chiron ? [segment(chiron.target, chiron.center, 'CHIRON (SWISS EPHEMERIS)', chironState)] : []),
  ];
}
