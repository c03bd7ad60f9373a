// Loads the analytic provider in a fresh process, computes charts (10 bodies + Placidus houses) and prints
// the resident set size as JSON: what a process pays for the embedded ephemeris. rssBefore is taken after
// the imports, which compile the series.
import { AnalyticEphemerisProvider, chartPositions } from '../../services/involution/src/domain/ephemeris/index.js';
import { housesAtUt } from '../../services/involution/src/domain/houses/houses-at-time.js';

const baseline = process.memoryUsage().rss;
const provider = new AnalyticEphemerisProvider();
let checksum = 0;
for (let i = 0; i < 5000; i += 1) {
  const jdUt = 2415020.5 + i * 13.7;
  checksum += chartPositions(provider, jdUt).bodies.Sun?.longitude ?? 0;
  checksum += housesAtUt('placidus', jdUt, { latitude: 48.85, longitude: 2.35 }).cusps[0] ?? 0;
}
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) gc();
const usage = process.memoryUsage();
console.log(JSON.stringify({ rssBefore: baseline, rss: usage.rss, heapUsed: usage.heapUsed, checksum }));
