/**
 * IANA tzdb history from the ICU data compiled into Node (Intl), with LMT to the second.
 *
 * Decision record. Candidates were (1) the npm `tzdata` JSON evaluated by `timezonecomplete`,
 * (2) the host's /usr/share/zoneinfo TZif files, (3) Node's own ICU. (2) is absent on a bare
 * machine. (1) was installed and rejected: its evaluator contradicts itself on tzdb history
 * (`totalOffset` gives CST for America/Kentucky/Louisville in summer 1921, when tzdb has CDT; its
 * transition list gives +1 for Berlin's 1945 midsummer time, when tzdb has +3). Node 20.20's ICU
 * (78.x, tzdb 2025c) reproduces tzdb exactly in those cases and keeps LMT offsets to the second
 * (Berlin before 1893: +00:53:28), works offline and adds no dependency. ICU does not expose the
 * DST flag or the tzdb abbreviation, so: `isDst` = the offset exceeds the smaller of the offsets of
 * the periods just before and just after the one containing the instant, both found within about a
 * year (see `isDaylightTime`); `isLmt` = before the zone's first transition, when its first
 * offset is not a whole quarter hour (tzdb's LMT lines); the abbreviation is ICU's short English
 * name (EST, CEST… for recent dates; ICU falls back to GMT-5 style where it has no name) or `LMT`.
 * `verifyIcuHistory()` fails fast on Node builds with small or outdated ICU.
 */
import type { TimeZoneDatabase, ZoneOffset } from '../domain/timezone/time-zone-database.js';

const DAY_MS = 86400000;
/** Step and reach of the search for the neighbouring periods' offsets (see `isDaylightTime`). */
const NEIGHBOUR_STEP_MS = 7 * DAY_MS;
const NEIGHBOUR_REACH_MS = 400 * DAY_MS;
/** Largest daylight saving tzdb has (double summer time is +2 h). */
const MAX_SAVE_SECONDS = 7200;
/** Earliest instant probed for a zone's first (LMT) offset: ICU extends it backwards. */
const FIRST_OFFSET_PROBE_MS = Date.UTC(1000, 0, 1);
const SCAN_START_MS = Date.UTC(1700, 0, 1);
const SCAN_END_MS = Date.UTC(2100, 0, 1);

interface ZoneInfo {
  offsetFormat: Intl.DateTimeFormat;
  nameFormat: Intl.DateTimeFormat;
  /** End of local mean time (ms), or −Infinity when the zone never kept LMT. */
  lmtEndMs: number;
}

function parseLongOffset(text: string): number {
  const m = /GMT(?:([+-])(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) throw new Error(`unexpected ICU offset text "${text}"`);
  if (m[1] === undefined) return 0;
  const s = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -s : s;
}

/**
 * The offset of the first period that differs from `offset`, searching from `ms` in `direction`
 * (±1) weekly up to ~13 months, or undefined when the offset holds that long.
 */
function neighbourOffset(offsetAt: (ms: number) => number, ms: number, offset: number, direction: 1 | -1): number | undefined {
  for (let step = NEIGHBOUR_STEP_MS; step <= NEIGHBOUR_REACH_MS; step += NEIGHBOUR_STEP_MS) {
    const other = offsetAt(ms + direction * step);
    if (other !== offset) return other;
  }
  return undefined;
}

/**
 * Whether `offset` at `ms` is daylight time: a period that sits above the offset kept before or
 * after it, by at most two hours, with both neighbouring periods within about a year. Looking at the
 * neighbouring periods rather than at fixed dates half a year away keeps the last hour of summer
 * time right: New York 2021-11-07 01:30 EDT has EDT both 182 days before and 182 days after, but EST
 * on either side of its own period. A period with no change for over a year on one side is standard
 * time (Moscow's all-year +4 of 2011–2014); the cost is that tzdb's multi-year war time (EWT
 * 1942–1945) reads as standard.
 */
function isDaylightTime(offsetAt: (ms: number) => number, ms: number, offset: number): boolean {
  const before = neighbourOffset(offsetAt, ms, offset, -1);
  const after = neighbourOffset(offsetAt, ms, offset, 1);
  if (before === undefined || after === undefined) return false;
  const standard = Math.min(before, after);
  return offset > standard && offset - standard <= MAX_SAVE_SECONDS;
}

/** Creates the adapter over Node's ICU time-zone data. */
export function createTzdb(): TimeZoneDatabase {
  const zones = new Map<string, ZoneInfo | null>();

  const offsetMs = (info: Pick<ZoneInfo, 'offsetFormat'>, ms: number): number => {
    const part = info.offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
    return parseLongOffset(part?.value ?? 'GMT');
  };

  const zoneInfo = (zone: string): ZoneInfo | null => {
    let info = zones.get(zone);
    if (info !== undefined) return info;
    try {
      const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      const nameFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
      const probe = { offsetFormat };
      const first = offsetMs(probe, FIRST_OFFSET_PROBE_MS);
      let lmtEndMs = Number.NEGATIVE_INFINITY;
      if (first % 900 !== 0) {
        // Monthly scan for the first change, then bisection to the second.
        let lo = SCAN_START_MS;
        let hi = Number.NaN;
        for (let t = SCAN_START_MS; t <= SCAN_END_MS; t += 30 * DAY_MS) {
          if (offsetMs(probe, t) !== first) {
            hi = t;
            break;
          }
          lo = t;
        }
        if (!Number.isNaN(hi)) {
          while (hi - lo > 1000) {
            const mid = Math.floor((lo + hi) / 2000) * 1000;
            if (offsetMs(probe, mid) === first) lo = mid;
            else hi = mid;
          }
          lmtEndMs = hi;
        }
      }
      info = { offsetFormat, nameFormat, lmtEndMs };
    } catch {
      info = null;
    }
    zones.set(zone, info);
    return info;
  };

  const requireZone = (zone: string): ZoneInfo => {
    const info = zoneInfo(zone);
    if (!info) throw new RangeError(`unknown time zone ${zone}`);
    return info;
  };

  return {
    version: process.versions['tz'] ?? `icu-${process.versions['icu'] ?? 'unknown'}`,
    hasZone(zone: string): boolean {
      return zoneInfo(zone) !== null;
    },
    offsetAt(zone: string, utcSeconds: number): number {
      return offsetMs(requireZone(zone), Math.floor(utcSeconds * 1000));
    },
    describe(zone: string, utcSeconds: number): ZoneOffset {
      const info = requireZone(zone);
      const ms = Math.floor(utcSeconds * 1000);
      const offsetSeconds = offsetMs(info, ms);
      const isLmt = ms < info.lmtEndMs;
      const isDst = !isLmt && isDaylightTime((t) => offsetMs(info, t), ms, offsetSeconds);
      const name = info.nameFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
      return { offsetSeconds, abbreviation: isLmt ? 'LMT' : name, isDst, isLmt };
    },
  };
}

/**
 * Checks that this Node carries full ICU time-zone history (LMT and pre-1970 rules); returns the
 * problems found (empty when fine). Run it at start-up and in the health check.
 */
export function verifyIcuHistory(db: TimeZoneDatabase = createTzdb()): string[] {
  const problems: string[] = [];
  const check = (zone: string, iso: string, expected: number): void => {
    const got = db.offsetAt(zone, Date.parse(iso) / 1000);
    if (got !== expected) problems.push(`${zone} at ${iso}: offset ${got} s, tzdb says ${expected} s`);
  };
  check('Europe/Berlin', '1879-03-14T12:00:00Z', 3208);
  check('America/Kentucky/Louisville', '1921-06-01T12:00:00Z', -18000);
  check('Europe/Berlin', '1945-06-01T12:00:00Z', 10800);
  check('America/Kentucky/Louisville', '1962-07-03T04:33:00Z', -18000);
  return problems;
}
