/**
 * `involution kernels list|fetch|verify`: which SPK kernels KERNELS_PATH / KERNEL_SET_TAG /
 * METAKERNEL_PATH point at, downloading them from NAIF where a network exists, and checking that
 * every segment in them reads.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { KERNEL_SETS, locateKernels, openKernels, type KernelLocation, type KernelSetTag } from '../adapters/kernel-files.js';
import { calendarDate } from '../domain/time/julian-day.js';
import { InvolutionError } from '../errors.js';
import { NAIF_PLANETS_URL } from './naif-source.js';


const J2000 = 2451545;

function describeError(error: unknown): string {
  if (error instanceof InvolutionError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Lines describing the kernels each set would load, or why none were found. */
export function listKernels(location: KernelLocation): { lines: string[]; found: boolean } {
  const lines = [`KERNELS_PATH=${location.kernelsPath ?? 'kernels'}${location.metakernelPath ? `  METAKERNEL_PATH=${location.metakernelPath}` : ''}`];
  let found = false;
  const tags = location.metakernelPath ? [location.kernelSetTag ?? 'DE440'] : (Object.keys(KERNEL_SETS) as KernelSetTag[]);
  for (const tag of tags) {
    try {
      const located = locateKernels({ ...location, kernelSetTag: tag });
      found = true;
      lines.push(`${tag}: ${located.source}`);
      for (const file of located.spkFiles) lines.push(`  ${file}  ${(statSync(file).size / 1048576).toFixed(1)} MiB`);
    } catch (error) {
      lines.push(`${tag}: not found (${describeError(error)})`);
    }
  }
  return { lines, found };
}

/**
 * Opens the kernels and evaluates every body at the start, middle and end of its coverage.
 * @returns the report and whether every check passed.
 */
export function verifyKernels(location: KernelLocation): { lines: string[]; ok: boolean } {
  let opened;
  try {
    opened = openKernels(location);
  } catch (error) {
    return { lines: [`verify failed: ${describeError(error)}`], ok: false };
  }
  const lines = opened.located.spkFiles.map((file) => `file ${file}`);
  let ok = true;
  try {
    for (const c of opened.kernel.coverage()) {
      const span = c.endEt - c.startEt;
      const probes = [c.startEt, c.startEt + span / 2, c.endEt];
      let status = 'ok';
      try {
        for (const et of probes) {
          const state = opened.kernel.barycentricState(c.target, et);
          if (![...state.position, ...state.velocity].every(Number.isFinite)) throw new Error('non-finite state');
        }
      } catch (error) {
        ok = false;
        status = `FAILED (${describeError(error)})`;
      }
      const from = calendarDate(J2000 + c.startEt / 86400).year;
      const to = calendarDate(J2000 + c.endEt / 86400).year;
      lines.push(`body ${String(c.target).padStart(7)} center ${String(c.center).padStart(3)}  ${from} to ${to}  ${status}`);
    }
  } finally {
    opened.close();
  }
  lines.push(ok ? 'all segments read' : 'some segments failed');
  return { lines, ok };
}

/**
 * Downloads a kernel set from NAIF into the first KERNELS_PATH directory, then verifies it. Fails
 * with a clear message where there is no network (the file is never left half-written).
 */
export async function fetchKernels(tag: KernelSetTag, location: KernelLocation, log: (line: string) => void, baseUrl = NAIF_PLANETS_URL): Promise<boolean> {
  const dir = resolve((location.kernelsPath ?? 'kernels').split(delimiter).find(Boolean) ?? 'kernels');
  mkdirSync(dir, { recursive: true });
  const names = KERNEL_SETS[tag][0];
  for (const name of names) {
    const target = join(dir, name);
    if (existsSync(target)) {
      log(`${name}: already present in ${dir}`);
      continue;
    }
    const url = new URL(name, baseUrl).toString();
    const partial = `${target}.part`;
    log(`downloading ${url} → ${target}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      await pipeline(Readable.fromWeb(response.body), createWriteStream(partial));
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { force: true });
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      log(
        `could not download ${name} from NAIF (${error instanceof Error ? error.message : String(error)}${cause}). ` +
          `This machine may have no network access: copy ${name} into ${dir} by other means, then run \`involution kernels verify\`. ` +
          'The embedded analytic ephemeris works without kernels.',
      );
      return false;
    }
  }
  const verified = verifyKernels({ kernelsPath: dir, kernelSetTag: tag });
  for (const line of verified.lines) log(line);
  return verified.ok;
}
