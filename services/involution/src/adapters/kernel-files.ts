/**
 * Finds and opens JPL SPK kernels on disk, following the deployment guide's variables:
 * METAKERNEL_PATH (a SPICE text meta-kernel, wins when set), else KERNEL_SET_TAG (DE440 | DE441)
 * looked up in KERNELS_PATH (one or more directories, separated like PATH). Values come from the
 * service config, never from process.env here.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { InvolutionError } from '../errors.js';
import type { ByteSource } from '../domain/spk/byte-source.js';
import { parseMetakernel } from '../domain/spk/metakernel.js';
import { SpkKernel } from '../domain/spk/spk-kernel.js';

/** The kernel sets the guide names, and the file names NAIF publishes them under. */
export const KERNEL_SETS = {
  DE440: [['de440.bsp'], ['de440s.bsp']],
  DE441: [['de441_part-1.bsp', 'de441_part-2.bsp'], ['de441.bsp']],
} as const;

/** A kernel set tag. */
export type KernelSetTag = keyof typeof KERNEL_SETS;

/** Where to look. */
export interface KernelLocation {
  /** KERNELS_PATH: directories, `path.delimiter`-separated. Default `kernels`. */
  kernelsPath?: string;
  /** KERNEL_SET_TAG. Default DE440. */
  kernelSetTag?: KernelSetTag;
  /** METAKERNEL_PATH. */
  metakernelPath?: string;
}

/** The files chosen and why. */
export interface LocatedKernels {
  source: 'metakernel' | 'kernel-set';
  /** SPK files to load, in load order (later files take precedence). */
  spkFiles: string[];
  /** Non-SPK kernels listed by a meta-kernel (leap seconds, PCK…), not needed by this reader. */
  ignored: string[];
}

/**
 * Resolves the kernel files to load.
 * @throws InvolutionError INVOLUTION_KERNEL_NOT_FOUND naming the variable and the places searched.
 */
export function locateKernels(location: KernelLocation, cwd: string = process.cwd()): LocatedKernels {
  if (location.metakernelPath) {
    const mkPath = resolve(cwd, location.metakernelPath);
    if (!existsSync(mkPath)) {
      throw new InvolutionError('INVOLUTION_KERNEL_NOT_FOUND', `Meta-kernel ${mkPath} does not exist`, { field: 'METAKERNEL_PATH', details: { path: mkPath } });
    }
    const mk = parseMetakernel(readFileSync(mkPath, 'utf8'));
    const spkFiles: string[] = [];
    const ignored: string[] = [];
    for (const entry of mk.kernelsToLoad) {
      // SPICE resolves relative names against the working directory; fall back to the meta-kernel's
      // directory so a kernels folder can be moved as a whole.
      const candidates = isAbsolute(entry) ? [entry] : [resolve(cwd, entry), resolve(dirname(mkPath), entry)];
      const found = candidates.find((c) => existsSync(c));
      if (!/\.bsp$/i.test(entry)) {
        ignored.push(found ?? entry);
        continue;
      }
      if (!found) {
        throw new InvolutionError('INVOLUTION_KERNEL_NOT_FOUND', `Kernel ${entry} listed in ${mkPath} was not found`, {
          field: 'METAKERNEL_PATH',
          details: { entry, searched: candidates },
        });
      }
      spkFiles.push(found);
    }
    return { source: 'metakernel', spkFiles, ignored };
  }
  const tag = location.kernelSetTag ?? 'DE440';
  const dirs = (location.kernelsPath ?? 'kernels').split(delimiter).filter(Boolean).map((d) => resolve(cwd, d));
  for (const names of KERNEL_SETS[tag]) {
    for (const dir of dirs) {
      const paths = names.map((n) => join(dir, n));
      if (paths.every((p) => existsSync(p))) return { source: 'kernel-set', spkFiles: paths, ignored: [] };
    }
  }
  throw new InvolutionError('INVOLUTION_KERNEL_NOT_FOUND', `No ${tag} kernel files in ${dirs.join(', ')}`, {
    field: 'KERNELS_PATH',
    details: { kernelSetTag: tag, searched: dirs, expected: KERNEL_SETS[tag].map((n) => n.join(' + ')) },
  });
}

/** A ByteSource over an open file, using positioned reads (no whole-file buffer). */
export function fileByteSource(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset: number, length: number): Uint8Array {
      const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buf.byteLength) {
        const n = readSync(fd, buf, done, buf.byteLength - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return buf.subarray(0, done);
    },
    close(): void {
      closeSync(fd);
    },
  };
}

/** Loaded kernels and a way to release their file handles. */
export interface OpenedKernels {
  kernel: SpkKernel;
  located: LocatedKernels;
  close(): void;
}

/**
 * Locates and opens the kernels.
 * @throws InvolutionError INVOLUTION_KERNEL_NOT_FOUND / INVOLUTION_KERNEL_INVALID.
 */
export function openKernels(location: KernelLocation, cwd?: string): OpenedKernels {
  const located = locateKernels(location, cwd);
  const kernel = new SpkKernel();
  const sources: { close(): void }[] = [];
  try {
    for (const file of located.spkFiles) {
      const source = fileByteSource(file);
      sources.push(source);
      kernel.load(file, source);
    }
  } catch (e) {
    for (const s of sources) s.close();
    throw e;
  }
  return {
    kernel,
    located,
    close(): void {
      for (const s of sources) s.close();
    },
  };
}
