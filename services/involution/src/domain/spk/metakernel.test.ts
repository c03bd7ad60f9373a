import { describe, expect, it } from 'vitest';
import { parseMetakernel } from './metakernel.js';

const META = String.raw`KPL/MK

   Meta-kernel for the historical set. Text outside data sections is ignored:
   KERNELS_TO_LOAD = ( 'ignored.bsp' )

\begindata

   PATH_VALUES  = ( '/data/kernels', '/very/long/path/that/is/split/acr+',
                    'oss/two/strings' )
   PATH_SYMBOLS = ( 'KERNELS', 'LONG' )

   KERNELS_TO_LOAD = ( '$KERNELS/de441_part-1.bsp'
                       '$KERNELS/de441_part-2.bsp',
                       '$LONG/naif0012.tls' )
   KERNELS_TO_LOAD += 'relative/it''s.bsp'

\begintext
   end
`;

describe('parseMetakernel', () => {
  it('substitutes path symbols, joins "+" continuations, honours += and doubled quotes', () => {
    const mk = parseMetakernel(META);
    expect(mk.pathSymbols).toEqual(['KERNELS', 'LONG']);
    expect(mk.pathValues).toEqual(['/data/kernels', '/very/long/path/that/is/split/across/two/strings']);
    expect(mk.kernelsToLoad).toEqual([
      '/data/kernels/de441_part-1.bsp',
      '/data/kernels/de441_part-2.bsp',
      '/very/long/path/that/is/split/across/two/strings/naif0012.tls',
      "relative/it's.bsp",
    ]);
  });

  it('rejects an undefined symbol with INVOLUTION_KERNEL_INVALID naming METAKERNEL_PATH', () => {
    const text = "\\begindata\nKERNELS_TO_LOAD = ( '$NOPE/de440.bsp' )\n";
    expect(() => parseMetakernel(text)).toThrow(expect.objectContaining({ code: 'INVOLUTION_KERNEL_INVALID', field: 'METAKERNEL_PATH' }));
  });
});
