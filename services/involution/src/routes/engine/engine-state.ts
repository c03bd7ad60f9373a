/**
 * What the engine's routes share: the provider, the cache, the time sources and counters. Built once
 * per app in apps/engine-app.ts.
 */
import type { PositionCache } from '../../adapters/position-cache.js';
import type { EngineEphemeris } from '../../apps/engine-provider.js';
import type { ChartEphemeris } from '../../domain/chart/chart-ephemeris.js';
import type { LatencyWindow } from '../latency-window.js';
import type { TimeSources } from '../time/time-answer.js';

/** Engine settings the routes read (a subset of the config). */
export interface EngineSettings {
  version: string;
  kernelSetTag: string;
  kernelsPath: string;
  metakernelPath: string;
  cacheTtlSeconds: number;
}

/** Shared engine state. */
export interface EngineState {
  /** What positions are computed with: the kernels (with analytic fallback) or the analytic theories. */
  provider: ChartEphemeris;
  /** How `provider` was chosen: the kernels in use, or why found kernels are not. */
  ephemeris: Pick<EngineEphemeris, 'analytic' | 'kernels' | 'kernelProblem'>;
  cache: PositionCache;
  time: TimeSources;
  latency: LatencyWindow;
  settings: EngineSettings;
  /** Requests answered 304 / from the cache / computed, since start. */
  counters: { notModified: number; cacheHits: number; computed: number };
}
