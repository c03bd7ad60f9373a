/** Kernel discovery on a real temporary directory, with kernels written by our SPK writer. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateKernels, openKernels } from '../../src/adapters/kernel-files.js';
import { writeSpk } from '../../src/domain/spk/spk-writer.js';
import type { InvolutionError } from '../../src/errors.js';

let root: string;

function tinyKernel(target: number, center: number, x: number): Uint8Array {
  return writeSpk('tiny', [{ target, center, frame: 1, dataType: 2, name: `T${target}`, init: 0, intervalLength: 86400, records: [[[x, 0], [0, 0], [0, 0]]] }]);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kernels-'));
  mkdirSync(join(root, 'a'));
  mkdirSync(join(root, 'b'));
  writeFileSync(join(root, 'b', 'de440s.bsp'), tinyKernel(3, 0, 1));
  writeFileSync(join(root, 'b', 'de441_part-1.bsp'), tinyKernel(3, 0, 2));
  writeFileSync(join(root, 'b', 'de441_part-2.bsp'), tinyKernel(399, 3, 5));
  writeFileSync(
    join(root, 'b', 'set.tm'),
    "KPL/MK\n\\begindata\nPATH_VALUES = ( '" + join(root, 'b') + "' )\nPATH_SYMBOLS = ( 'K' )\nKERNELS_TO_LOAD = ( '$K/de441_part-1.bsp', 'de441_part-2.bsp', '$K/naif0012.tls' )\n\\begintext\n",
  );
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('locateKernels', () => {
  it('finds DE440 as de440s.bsp along a KERNELS_PATH list', () => {
    const located = locateKernels({ kernelsPath: [join(root, 'a'), join(root, 'b')].join(':'), kernelSetTag: 'DE440' });
    expect(located).toEqual({ source: 'kernel-set', spkFiles: [join(root, 'b', 'de440s.bsp')], ignored: [] });
  });

  it('finds both DE441 parts', () => {
    expect(locateKernels({ kernelsPath: join(root, 'b'), kernelSetTag: 'DE441' }).spkFiles).toEqual([
      join(root, 'b', 'de441_part-1.bsp'),
      join(root, 'b', 'de441_part-2.bsp'),
    ]);
  });

  it('prefers METAKERNEL_PATH, resolving symbols and names relative to the meta-kernel, skipping non-SPK kernels', () => {
    const located = locateKernels({ kernelSetTag: 'DE440', metakernelPath: join(root, 'b', 'set.tm') }, root);
    expect(located.source).toBe('metakernel');
    expect(located.spkFiles).toEqual([join(root, 'b', 'de441_part-1.bsp'), join(root, 'b', 'de441_part-2.bsp')]);
    expect(located.ignored).toEqual([join(root, 'b', 'naif0012.tls')]);
  });

  it('throws INVOLUTION_KERNEL_NOT_FOUND naming KERNELS_PATH and the directories searched', () => {
    let error: InvolutionError | undefined;
    try {
      locateKernels({ kernelsPath: join(root, 'a'), kernelSetTag: 'DE441' });
    } catch (e) {
      error = e as InvolutionError;
    }
    expect(error?.code).toBe('INVOLUTION_KERNEL_NOT_FOUND');
    expect(error?.field).toBe('KERNELS_PATH');
    expect(error?.details?.['searched']).toEqual([join(root, 'a')]);
  });
});

describe('openKernels', () => {
  it('loads the files and chains Earth → EMB → SSB across the two DE441 parts', () => {
    const opened = openKernels({ kernelsPath: join(root, 'b'), kernelSetTag: 'DE441' });
    try {
      expect(opened.kernel.barycentricState(399, 0).position).toEqual([7, 0, 0]);
    } finally {
      opened.close();
    }
  });
});
