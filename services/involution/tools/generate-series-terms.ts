/**
 * Generator of src/domain/ephemeris/series-terms.data.ts: the VSOP87B and ELP/MPP02 terms the finest
 * truncation tier keeps (series-truncation.ts), taken from astronomia's data modules and packed by
 * packed-series.ts, so the service never loads those modules.
 *
 *   npx tsx services/involution/tools/generate-series-terms.ts
 *
 * Rerun it after changing a truncation budget; series-terms.data.test.ts fails until then.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seriesTermsModule } from './series-terms-module.js';

const target = fileURLToPath(new URL('../src/domain/ephemeris/series-terms.data.ts', import.meta.url));
writeFileSync(target, seriesTermsModule());
console.log(`wrote ${target}`);
