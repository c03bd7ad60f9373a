/**
 * The engine's operational endpoints: GET /info (providers, kernels found, coverage, accuracy) and
 * GET /debug (only when DEBUG=1 outside production), plus its health checks.
 */
import { Gauge, type ServiceApp, type ServiceContext } from '@svc/kernel';
import { locateKernels, openKernels, type KernelSetTag } from '../../adapters/kernel-files.js';
import type { KernelsInUse } from '../../apps/engine-provider.js';
import { AYANAMSAS, AYANAMSA_NAMES } from '../../domain/ayanamsa/ayanamsa-catalog.js';
import { ASPECT_ANGLES, DEFAULT_ORBS } from '../../domain/chart/aspects.js';
import { availableBodies } from '../../domain/chart/chart-ephemeris.js';
import { ACCURACY_TARGETS, ANALYTIC_ACCURACY } from '../../domain/ephemeris/analytic-accuracy.js';
import { CHART_BODIES } from '../../domain/ephemeris/bodies.js';
import { PLUTO_COVERAGE } from '../../domain/ephemeris/pluto-theory.js';
import { HOUSE_SYSTEMS } from '../../domain/houses/house-system.js';
import type { SpkKernel } from '../../domain/spk/spk-kernel.js';
import { calendarDate } from '../../domain/time/julian-day.js';
import { InvolutionError } from '../../errors.js';
import type { EngineState } from './engine-state.js';

const J2000 = 2451545;
const SECONDS_PER_DAY = 86400;

function years(start: number, end: number): { start_jd_tt: number; end_jd_tt: number; start_year: number; end_year: number } {
  return { start_jd_tt: start, end_jd_tt: end, start_year: calendarDate(start).year, end_year: calendarDate(end).year };
}

function kernelBodies(kernel: SpkKernel): Record<string, unknown>[] {
  return kernel.coverage().map((c) => ({
    naif_id: c.target,
    center: c.center,
    ...years(J2000 + c.startEt / SECONDS_PER_DAY, J2000 + c.endEt / SECONDS_PER_DAY),
  }));
}

/**
 * What KERNELS_PATH / KERNEL_SET_TAG / METAKERNEL_PATH point at, with each file's coverage, and whether
 * the engine computes with them (`in_use`, with the coverage they give apparent positions for).
 */
export function kernelReport(state: EngineState): Record<string, unknown> {
  const { kernelSetTag, kernelsPath, metakernelPath } = state.settings;
  const settings = { kernel_set_tag: kernelSetTag, kernels_path: kernelsPath, metakernel_path: metakernelPath || null };
  const inUse = state.ephemeris.kernels;
  if (inUse) {
    return {
      ...settings,
      found: true,
      source: inUse.located.source,
      files: inUse.located.spkFiles,
      bodies: kernelBodies(inUse.kernel),
      in_use: true,
      provider: inUse.provider.id,
      coverage: years(inUse.provider.coverage.start, inUse.provider.coverage.end),
    };
  }
  const location = {
    kernelsPath,
    kernelSetTag: kernelSetTag as KernelSetTag,
    ...(metakernelPath ? { metakernelPath } : {}),
  };
  try {
    locateKernels(location);
    const opened = openKernels(location);
    try {
      return {
        ...settings,
        found: true,
        source: opened.located.source,
        files: opened.located.spkFiles,
        bodies: kernelBodies(opened.kernel),
        in_use: false,
        problem: state.ephemeris.kernelProblem ?? 'found after the engine started; restart to use them',
      };
    } finally {
      opened.close();
    }
  } catch (error) {
    if (error instanceof InvolutionError) return { ...settings, found: false, in_use: false, error: error.message, details: error.details ?? null };
    throw error;
  }
}

/** The /info entry of the kernel provider in use. */
function kernelProviderInfo(inUse: KernelsInUse): Record<string, unknown> {
  const { provider } = inUse;
  const bodyCoverage: Record<string, unknown> = {};
  for (const body of [...CHART_BODIES, 'Chiron'] as const) {
    const c = provider.bodyCoverage(body);
    if (c) bodyCoverage[body] = years(c.start, c.end);
  }
  return {
    id: provider.id,
    kind: 'jpl-spk',
    in_use: true,
    role: 'default',
    files: inUse.located.spkFiles,
    models: {
      ephemeris: 'JPL SPK kernels (segment types 2 and 3), Earth and Moon through the Earth-Moon barycenter, planets at their system barycenters',
      frame: 'ICRF with the IAU 2006 frame bias',
      precession: 'Vondrák, Capitaine & Wallace 2011',
      nutation: 'IAU 2000B',
      corrections: ['light time (iterated on the kernel)', 'solar light deflection', 'annual aberration', 'diurnal aberration and parallax (topocentric)'],
    },
    coverage: years(provider.coverage.start, provider.coverage.end),
    body_coverage: bodyCoverage,
    chiron: provider.chironTarget !== undefined,
    fallback: {
      provider: 'analytic',
      bodies: 'MeanNode, TrueNode, MeanApogee, and any body the kernels lack',
    },
  };
}

/**
 * Whether Chiron can be asked for, from which NAIF id and over which dates; without a kernel that holds
 * it, why not.
 */
export function chironReport(state: EngineState): Record<string, unknown> {
  const spk = state.ephemeris.kernels?.provider;
  const coverage = spk?.bodyCoverage('Chiron');
  if (spk && spk.chironTarget !== undefined && coverage) {
    return { available: true, provider: spk.id, naif_id: spk.chironTarget, coverage: years(coverage.start, coverage.end) };
  }
  return {
    available: false,
    naif_id: null,
    coverage: null,
    reason: spk
      ? `the ${spk.id} kernels hold no segment for Chiron (NAIF 2002060 or 20002060); add one, e.g. through METAKERNEL_PATH`
      : 'the analytic provider has no Chiron; configure a JPL kernel that holds it (NAIF 2002060 or 20002060)',
  };
}

/** Registers /info, /debug (when enabled) and the ephemeris, time_resolver and performance checks. */
export function registerOperationsRoutes(app: ServiceApp, context: ServiceContext<unknown>, state: EngineState, icuProblems: readonly string[]): void {
  const { provider } = state;

  app.get('/info', { schema: { summary: 'Providers, kernels found, coverage and accuracy', tags: ['operations'] } }, () => ({
    service: 'involution-engine',
    version: state.settings.version,
    default_provider: provider.id,
    providers: [
      {
        id: state.ephemeris.analytic.id,
        kind: 'analytic',
        in_use: true,
        role: state.ephemeris.kernels ? 'fallback' : 'default',
        models: {
          planets: 'VSOP87B (Bretagnon & Francou 1988), FK5 rotation; Mars to Neptune corrected to DE431 over 1800–2400',
          moon: 'ELP/MPP02 (Chapront & Francou 2003, DE405 fit)',
          pluto: 'piecewise Chebyshev fit to DE431, 1800–2400',
          nodes_and_apogee: 'Chapront mean elements; osculating true node',
          precession: 'Vondrák, Capitaine & Wallace 2011',
          nutation: 'IAU 2000B',
          delta_t: 'Stephenson-Morrison-Hohenkerk 2016 + IERS table + extrapolation (Swiss Ephemeris 2.10 default)',
          corrections: ['light time', 'solar light deflection', 'annual aberration', 'diurnal aberration and parallax (topocentric)'],
        },
        coverage: years(state.ephemeris.analytic.coverage.start, state.ephemeris.analytic.coverage.end),
        body_coverage: { Pluto: years(PLUTO_COVERAGE.start, PLUTO_COVERAGE.end) },
        accuracy: {
          reference: 'Swiss Ephemeris 2.10 (DE431 files), apparent geocentric longitude, arcseconds, per span of years',
          targets_arcsec: ACCURACY_TARGETS,
          measured_arcsec: ANALYTIC_ACCURACY,
          note: 'Within 1″ (Moon 2″, true node 5″) over 1800–2400, where Mars to Pluto are fitted to DE431 (as reproduced by Swiss Ephemeris); outside it VSOP87 drifts from DE431 by arcseconds and Pluto is unavailable. Use a JPL SPK kernel there.',
        },
      },
      ...(state.ephemeris.kernels ? [kernelProviderInfo(state.ephemeris.kernels)] : []),
    ],
    kernels: kernelReport(state),
    bodies: availableBodies(provider),
    default_bodies: CHART_BODIES,
    chiron: chironReport(state),
    ayanamsas: AYANAMSA_NAMES.map((name) => ({ name, display_name: AYANAMSAS[name].name, kind: AYANAMSAS[name].kind, swe_mode: AYANAMSAS[name].sweMode })),
    house_systems: HOUSE_SYSTEMS,
    aspects: { angles: ASPECT_ANGLES, default_orbs: DEFAULT_ORBS },
    calendar: 'birth_time years are astronomical (0 = 1 BC); Julian calendar before 1582-10-15 unless calendar says otherwise',
    time_resolver: { tzdb_version: state.time.db.version, boundary_source: state.time.locator.source },
  }));

  if (context.debugEnabled) {
    app.get('/debug', { schema: { summary: 'Runtime state (DEBUG=1, never in production)', tags: ['operations'] } }, () => ({
      pid: process.pid,
      node_version: process.version,
      memory: process.memoryUsage(),
      uptime_seconds: process.uptime(),
      provider: provider.id,
      cache: { enabled: state.cache.enabled, ...state.cache.stats() },
      counters: state.counters,
      latency_ms: state.latency.percentiles() ?? null,
      settings: state.settings,
    }));
  }

  context.addHealthCheck('ephemeris', () => {
    // J2000 when covered (the Sun at 280.37°), else the middle of the kernels checked against the analytic theory.
    const { start, end } = provider.coverage;
    const probe = J2000 >= start && J2000 <= end ? J2000 : (start + end) / 2;
    const sun = provider.position('Sun', probe, { withoutSpeed: true });
    const { analytic } = state.ephemeris;
    const expected = probe === J2000 ? 280.37 : analytic.supports('Sun', probe) ? analytic.position('Sun', probe, { withoutSpeed: true }).longitude : sun.longitude;
    const ok = Number.isFinite(sun.longitude) && Math.abs(((sun.longitude - expected + 540) % 360) - 180) < 0.1;
    return {
      status: ok ? 'ok' : 'fail',
      provider: provider.id,
      coverage: years(provider.coverage.start, provider.coverage.end),
      kernel_set_tag: state.settings.kernelSetTag,
      kernels_loaded: state.ephemeris.kernels?.located.spkFiles.length ?? 0,
    };
  });
  context.addHealthCheck('time_resolver', () => ({
    status: icuProblems.length === 0 ? 'ok' : 'degraded',
    tzdb_version: state.time.db.version,
    boundary_source: state.time.locator.source,
    ...(icuProblems.length > 0 ? { problems: icuProblems } : {}),
  }));
  context.addHealthCheck('performance', () => {
    const latency = state.latency.percentiles();
    return {
      // The guide alerts at p95 > 1000 ms; report degraded well before that, once enough requests
      // were seen that one cold start cannot decide it.
      status: latency && latency.samples >= 50 && latency.p95 > 500 ? 'degraded' : 'ok',
      latency_p50_ms: latency?.p50 ?? null,
      latency_p95_ms: latency?.p95 ?? null,
      latency_p99_ms: latency?.p99 ?? null,
      samples: latency?.samples ?? 0,
      target_p95_ms: 10,
      cache: { enabled: state.cache.enabled, ...state.cache.stats(), not_modified: state.counters.notModified },
    };
  });

  new Gauge({
    name: 'involution_engine_position_answers',
    help: 'Chart answers since start, by how they were served: computed, cache (position cache hit), not_modified (304)',
    labelNames: ['served'],
    registers: [context.metrics],
    collect() {
      this.set({ served: 'computed' }, state.counters.computed);
      this.set({ served: 'cache' }, state.counters.cacheHits);
      this.set({ served: 'not_modified' }, state.counters.notModified);
    },
  });

  const timed = new Set(['/calculate', '/houses', '/v1/chart', '/calculate-with-time-resolution']);
  app.addHook('onResponse', async (request, reply) => {
    if (timed.has(request.routeOptions.url ?? '')) state.latency.record(reply.elapsedTime);
  });
}
