/**
 * ISO/IEC 33020 process capability levels from process attribute (PA) ratings.
 * Ratings: N (not, 0–15 %), P (partially, >15–50 %), L (largely, >50–85 %), F (fully, >85 %).
 * Level k is achieved iff every PA of level k is rated at least L and every PA of levels below k is F.
 */

/** A PA rating. */
export type PaRating = 'N' | 'P' | 'L' | 'F';

/** The nine process attributes, grouped by the level they belong to. */
export const PROCESS_ATTRIBUTES_BY_LEVEL: readonly (readonly string[])[] = [
  ['PA1.1'],
  ['PA2.1', 'PA2.2'],
  ['PA3.1', 'PA3.2'],
  ['PA4.1', 'PA4.2'],
  ['PA5.1', 'PA5.2'],
];

/** Every PA key, e.g. "PA2.1". */
export const PROCESS_ATTRIBUTES: readonly string[] = PROCESS_ATTRIBUTES_BY_LEVEL.flat();

const RANK: Record<PaRating, number> = { N: 0, P: 1, L: 2, F: 3 };

/** Ratings keyed by PA; a PA that is not rated counts as N. */
export type PaRatings = Partial<Record<string, PaRating>>;

/**
 * Capability level (0..5) the ratings support.
 * @example capabilityLevel({ 'PA1.1': 'F', 'PA2.1': 'L', 'PA2.2': 'F' }) // 2
 */
export function capabilityLevel(ratings: PaRatings): number {
  let level = 0;
  for (let k = 1; k <= 5; k++) {
    const own = PROCESS_ATTRIBUTES_BY_LEVEL[k - 1] ?? [];
    const ownOk = own.every((pa) => RANK[ratings[pa] ?? 'N'] >= RANK.L);
    const lowerFully = PROCESS_ATTRIBUTES_BY_LEVEL.slice(0, k - 1)
      .flat()
      .every((pa) => (ratings[pa] ?? 'N') === 'F');
    if (!ownOk || !lowerFully) break;
    level = k;
  }
  return level;
}

/** What the report needs from one descriptor. */
export interface CapabilityInput {
  descriptor_id: string;
  process_name: string;
  process_version: string;
  capability_level: number;
  process_attributes?: PaRatings | undefined;
}

/** Per-process profile in the report (latest descriptor wins). */
export interface ProcessProfile {
  process_name: string;
  descriptors: number;
  latest_descriptor_id: string;
  process_version: string;
  declared_level: number;
  derived_level: number | null;
  effective_level: number;
  supported: boolean;
  process_attributes: PaRatings | null;
}

/** The capability report. */
export interface CapabilityReport {
  total_descriptors: number;
  /** Count of descriptors per effective level "0".."5". */
  distribution: Record<string, number>;
  median_level: number | null;
  /** Descriptors whose declared level exceeds what their PA ratings support. */
  unsupported_claims: { descriptor_id: string; process_name: string; declared_level: number; derived_level: number }[];
  processes: ProcessProfile[];
}

/** Judges one descriptor: derived level from ratings (if any) and whether the declared level is supported. */
export function assessCapability(input: CapabilityInput): {
  derived_level: number | null;
  effective_level: number;
  supported: boolean;
} {
  if (!input.process_attributes) {
    return { derived_level: null, effective_level: input.capability_level, supported: true };
  }
  const derived = capabilityLevel(input.process_attributes);
  return { derived_level: derived, effective_level: derived, supported: input.capability_level <= derived };
}

/**
 * Builds the report incrementally (constant memory per process, histogram for the median), so it
 * can be fed by streaming over the descriptor log.
 */
export class CapabilityReportBuilder {
  private readonly counts = [0, 0, 0, 0, 0, 0];
  private readonly unsupported: CapabilityReport['unsupported_claims'] = [];
  private readonly profiles = new Map<string, ProcessProfile>();
  private total = 0;

  /** Adds one descriptor (in log order). */
  add(input: CapabilityInput): void {
    const a = assessCapability(input);
    this.total += 1;
    this.counts[a.effective_level] = (this.counts[a.effective_level] ?? 0) + 1;
    if (!a.supported && a.derived_level !== null) {
      this.unsupported.push({
        descriptor_id: input.descriptor_id,
        process_name: input.process_name,
        declared_level: input.capability_level,
        derived_level: a.derived_level,
      });
    }
    const previous = this.profiles.get(input.process_name);
    this.profiles.set(input.process_name, {
      process_name: input.process_name,
      descriptors: (previous?.descriptors ?? 0) + 1,
      latest_descriptor_id: input.descriptor_id,
      process_version: input.process_version,
      declared_level: input.capability_level,
      derived_level: a.derived_level,
      effective_level: a.effective_level,
      supported: a.supported,
      process_attributes: input.process_attributes ?? null,
    });
  }

  /** The report so far. */
  build(): CapabilityReport {
    const distribution: Record<string, number> = {};
    this.counts.forEach((c, level) => (distribution[String(level)] = c));
    return {
      total_descriptors: this.total,
      distribution,
      median_level: medianFromHistogram(this.counts),
      unsupported_claims: [...this.unsupported],
      processes: [...this.profiles.values()].sort((a, b) => (a.process_name < b.process_name ? -1 : 1)),
    };
  }
}

/** Median of the values described by a histogram (counts[v] = how many v); mean of the two middles if even. */
export function medianFromHistogram(counts: readonly number[]): number | null {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (let v = 0; v < counts.length; v++) {
      seen += counts[v] ?? 0;
      if (rank < seen) return v;
    }
    return counts.length - 1;
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}
