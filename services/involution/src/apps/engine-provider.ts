/**
 * Chooses the engine's ephemeris at start: the JPL kernels KERNELS_PATH / KERNEL_SET_TAG /
 * METAKERNEL_PATH point at when they are there and usable (with the analytic theories for the lunar
 * points and any body the kernels lack, and Chiron when a kernel holds it), else the embedded analytic
 * provider alone, which refuses Chiron.
 */
import { basename } from 'node:path';
import { openKernels, type KernelLocation, type LocatedKernels } from '../adapters/kernel-files.js';
import { AnalyticEphemerisProvider } from '../domain/ephemeris/analytic-provider.js';
import { analyticBodiesOnly, type ChartEphemeris } from '../domain/chart/chart-ephemeris.js';
import type { SpkKernel } from '../domain/spk/spk-kernel.js';
import { CompositeEphemerisProvider } from '../domain/spk-provider/composite-provider.js';
import { SpkEphemerisProvider } from '../domain/spk-provider/spk-provider.js';
import { InvolutionError } from '../errors.js';

/** Kernels loaded and in use. */
export interface KernelsInUse {
  kernel: SpkKernel;
  located: LocatedKernels;
  provider: SpkEphemerisProvider;
}

/** The engine's providers and how they were chosen. */
export interface EngineEphemeris {
  /** What the routes and the CLI compute with. */
  provider: ChartEphemeris;
  analytic: AnalyticEphemerisProvider;
  /** Present when the kernels answer. */
  kernels: KernelsInUse | undefined;
  /** Why kernels found on disk are not used (unreadable, or without the Earth and the Sun). */
  kernelProblem: string | undefined;
  /** Releases the kernel files. */
  close(): void;
}

/** `jpl-de440s`, `jpl-de441` (both parts), `jpl-de440+chiron` from the files' names. */
export function kernelProviderId(files: readonly string[]): string {
  const names = files.map((file) => basename(file).replace(/\.bsp$/i, '').replace(/_part-\d+$/i, '').toLowerCase());
  return `jpl-${[...new Set(names)].join('+')}`;
}

/**
 * Opens the kernels when found. A missing kernel is the normal analytic setup; kernels that are found
 * but unreadable or unusable are reported in `kernelProblem` (and by /info), not fatal.
 */
export function chooseEphemeris(location: KernelLocation, cwd?: string): EngineEphemeris {
  const analytic = new AnalyticEphemerisProvider();
  const alone = (kernelProblem: string | undefined): EngineEphemeris => ({ provider: analyticBodiesOnly(analytic), analytic, kernels: undefined, kernelProblem, close: () => undefined });
  let opened: ReturnType<typeof openKernels>;
  try {
    opened = openKernels(location, cwd);
  } catch (error) {
    if (error instanceof InvolutionError) return alone(error.code === 'INVOLUTION_KERNEL_NOT_FOUND' ? undefined : error.message);
    throw error;
  }
  try {
    const spk = new SpkEphemerisProvider(opened.kernel, { id: kernelProviderId(opened.located.spkFiles) });
    return {
      provider: new CompositeEphemerisProvider(spk, analytic),
      analytic,
      kernels: { kernel: opened.kernel, located: opened.located, provider: spk },
      kernelProblem: undefined,
      close: () => opened.close(),
    };
  } catch (error) {
    opened.close();
    if (error instanceof InvolutionError) return alone(error.message);
    throw error;
  }
}
