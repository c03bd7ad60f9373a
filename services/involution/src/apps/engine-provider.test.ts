import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSpk } from '../domain/spk/spk-writer.js';
import { chooseEphemeris, kernelProviderId } from './engine-provider.js';

describe('kernelProviderId', () => {
  it('names the provider after the kernel files, one name for both DE441 parts', () => {
    expect(kernelProviderId(['/k/de440s.bsp'])).toBe('jpl-de440s');
    expect(kernelProviderId(['/k/de441_part-1.bsp', '/k/de441_part-2.bsp'])).toBe('jpl-de441');
    expect(kernelProviderId(['/k/DE440.BSP', '/k/chiron.bsp'])).toBe('jpl-de440+chiron');
  });
});

describe('chooseEphemeris', () => {
  const dir = mkdtempSync(join(tmpdir(), 'involution-choose-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stays analytic without a word when no kernel is there', () => {
    const chosen = chooseEphemeris({ kernelsPath: join(dir, 'missing') });
    expect(chosen.provider.id).toBe('analytic-vsop87b-elpmpp02');
    expect(chosen.kernels).toBeUndefined();
    expect(chosen.kernelProblem).toBeUndefined();
  });

  it('stays analytic, saying why, when the kernel is not an SPK', () => {
    writeFileSync(join(dir, 'de440s.bsp'), new Uint8Array(2048));
    const chosen = chooseEphemeris({ kernelsPath: dir });
    expect(chosen.provider.id).toBe('analytic-vsop87b-elpmpp02');
    expect(chosen.kernelProblem).toBeTypeOf('string');
  });

  it('stays analytic when the kernel lacks the Earth', () => {
    writeFileSync(
      join(dir, 'de440s.bsp'),
      writeSpk('SUN ONLY', [{ target: 10, center: 0, frame: 1, dataType: 2, name: 'SUN', init: 0, intervalLength: 86400 * 32, records: [[[1, 0], [2, 0], [3, 0]]] }]),
    );
    expect(chooseEphemeris({ kernelsPath: dir }).kernelProblem).toContain('do not give the Earth');
  });
});
