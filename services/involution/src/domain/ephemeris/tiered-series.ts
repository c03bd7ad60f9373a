/**
 * Poisson series (VSOP87, ELP/MPP02) compiled for fast evaluation at several truncation tiers at once.
 *
 * A coordinate is Σ_α t^α Σ_i A_i·f(φ0_i + θ_i(t)), f = cos (VSOP87) or sin (ELP/MPP02), with
 * θ(t) = t(φ1 + t(φ2 + t(φ3 + t φ4))). Three things make it fast without changing which terms are summed:
 *
 * - each term is stored as P·cos θ + Q·sin θ (P, Q from A and φ0 at load), and θ depends only on the
 *   frequency: terms sharing a frequency (across coordinates and powers, ~3× for VSOP87) share one
 *   sine/cosine, computed by fast-trig.ts;
 * - the tiers are nested: a coarser tier keeps a subset of a finer tier's terms (|A|·t_max^α ≥ limit
 *   with a larger limit), and with each power's terms sorted by |A| ascending that subset is a suffix.
 *   One pass therefore gives a fine tier's value and a coarse tier's value and rate, summed in exactly
 *   the order the coarse tier alone would sum them;
 * - frequencies are ordered coarsest tier first, so evaluating a coarse tier computes only its own;
 * - the frequencies are integer combinations of a few fundamental ones, so almost all of them are the sum
 *   or difference of two earlier ones (VSOP87: all but 10–30 per body; ELP/MPP02: all but ~65 of ~2 200):
 *   their sine and cosine come from the angle-addition formulas (6 flops) instead of a fresh evaluation.
 *   A frequency is derived only when the two add up to it within DERIVATION_TOLERANCE radians of phase
 *   over the whole span (the data's rounding leaves ~10⁻¹¹).
 */
import { sinCosInto } from './fast-trig.js';

/** Raw terms of one coordinate: per power of t, rows [A, φ0, φ1, …] (φk beyond the row are 0). */
export interface RawCoordinate {
  readonly powers: readonly (readonly (readonly number[])[])[];
  /** Per tier, finest first (ascending): a term of power α is kept when |A|·timeScale^α ≥ limit. */
  readonly limits: readonly number[];
}

interface CompiledPower {
  /** Per term: the coefficients of cos θ and sin θ, interleaved (P, Q). */
  readonly pq: Float64Array;
  /** Per term: where its frequency's cos θ sits in `trig` (twice the frequency's index; 16 bits halve the traffic). */
  readonly trigIndex: Uint16Array;
  /** Per tier: index of the first term the tier keeps. */
  readonly tierStart: Int32Array;
}

/**
 * Frequencies with their sine and cosine at the last t asked, shared by every series compiled together
 * (the VSOP87 bodies, evaluated at one instant per chart, have a third of their frequencies in common).
 */
export interface FrequencySet {
  /** φ1…φ4 per frequency, flattened (4 per frequency). */
  readonly frequencies: Float64Array;
  readonly linear: boolean;
  /** Per frequency: −1 when evaluated directly, else the indices (≥ 0) of the two it is s₁·a + s₂·b of. */
  readonly derivedFrom: Int32Array;
  readonly derivedTo: Int32Array;
  /** Per frequency: the signs s₁, s₂ (±1). */
  readonly derivedSigns: Float64Array;
  /**
   * The derivations packed for the hot loop, two per frequency: −1 for a direct evaluation, else
   * 4·index + (1 if its sign is −1): `code >> 1` is the offset of the frequency's cos θ in `trig`.
   */
  readonly derivationCodes: Int32Array;
  /** cos θ, sin θ per frequency, and θ′ per frequency (constant for a linear series), at `t`. */
  readonly trig: Float64Array;
  readonly phaseRate: Float64Array;
  /** The t of `trig`, and how many frequencies (a prefix) hold their values and phase rates at it. */
  t: number;
  computed: number;
  ratesComputed: number;
}

/** A compiled multi-coordinate series. */
export interface TieredSeries {
  readonly coordinates: readonly (readonly CompiledPower[])[];
  /** Per tier: how many frequencies (a prefix of the set's) its terms use. */
  readonly frequencyCount: Int32Array;
  /** Per tier: number of terms summed. */
  readonly termCount: readonly number[];
  readonly set: FrequencySet;
}

/** The truncation rule: a term of power α is kept when |A|·timeScale^α ≥ limit. */
function keeps(term: readonly number[], power: number, limit: number, timeScale: number): boolean {
  return Math.abs(term[0] ?? 0) * timeScale ** power >= limit;
}

/** The terms the finest tier keeps, per coordinate and power, in the source's order (what needs storing). */
export function finestTierTerms(
  coordinates: readonly RawCoordinate[],
  timeScale: number,
): (readonly number[])[][][] {
  return coordinates.map((coordinate) =>
    coordinate.powers.map((terms, power) =>
      terms.filter((term) => keeps(term, power, coordinate.limits[0] ?? Infinity, timeScale)),
    ),
  );
}

/**
 * Compiles raw coordinates. `form` says whether a term is A·cos(φ0 + θ) or A·sin(φ0 + θ); `timeScale` is the
 * largest |t| the truncation is tuned for (|t|^α bounds the Poisson factor).
 */
export function compileTieredSeries(
  coordinates: readonly RawCoordinate[],
  form: 'cos' | 'sin',
  timeScale: number,
): TieredSeries {
  return compileTieredSeriesGroup([coordinates], form, timeScale)[0]!;
}

interface Frequency {
  index: number;
  /** The first member using it, and the coarsest tier keeping a term of it. */
  member: number;
  tier: number;
  coefficients: number[];
}

/**
 * Compiles several series sharing one frequency set, for series always evaluated at the same t. The set
 * is ordered member by member (each member's new frequencies, coarsest tier first), so evaluating the
 * first members alone computes only theirs.
 */
export function compileTieredSeriesGroup(
  members: readonly (readonly RawCoordinate[])[],
  form: 'cos' | 'sin',
  timeScale: number,
): TieredSeries[] {
  const tiers = members[0]?.[0]?.limits.length ?? 1;
  // Frequencies by their first coefficient, then compared whole.
  const byFirst = new Map<number, Frequency[]>();
  const frequencyOf = (term: readonly number[], tier: number, member: number): Frequency => {
    const coefficients = [term[2] ?? 0, term[3] ?? 0, term[4] ?? 0, term[5] ?? 0];
    const candidates = byFirst.get(coefficients[0]!) ?? [];
    let found = candidates.find((entry) => entry.coefficients.every((value, k) => value === coefficients[k]));
    if (!found) {
      found = { index: -1, member, tier, coefficients };
      candidates.push(found);
      byFirst.set(coefficients[0]!, candidates);
    } else if (found.member === member) {
      found.tier = Math.max(found.tier, tier);
    }
    return found;
  };
  let linear = true;
  const staged = members.map((coordinates, member) =>
    coordinates.map((coordinate) =>
      coordinate.powers.map((terms, power) => {
        const keptAt = (term: readonly number[], tier: number): boolean =>
          keeps(term, power, coordinate.limits[tier] ?? Infinity, timeScale);
        const kept = terms.filter((term) => keptAt(term, 0));
        // Smallest first, so the sum rounds better; stable, so equal amplitudes keep their order.
        kept.sort((a, b) => Math.abs(a[0] ?? 0) - Math.abs(b[0] ?? 0));
        const tierStart = Int32Array.from({ length: tiers }, (_, tier) => {
          const first = kept.findIndex((term) => keptAt(term, tier));
          return first < 0 ? kept.length : first;
        });
        const frequencies = kept.map((term, i) => {
          if ((term[3] ?? 0) !== 0 || (term[4] ?? 0) !== 0 || (term[5] ?? 0) !== 0) linear = false;
          let tier = 0;
          while (tier + 1 < tiers && i >= tierStart[tier + 1]!) tier += 1;
          return frequencyOf(term, tier, member);
        });
        return { kept, frequencies, tierStart };
      }),
    ),
  );
  // Member by member; within one, coarsest tier's frequencies first (stable within a tier).
  const ordered = [...byFirst.values()]
    .flat()
    .sort(
      (a, b) =>
        a.member - b.member ||
        b.tier - a.tier ||
        Math.abs(a.coefficients[0] ?? 0) - Math.abs(b.coefficients[0] ?? 0),
    );
  ordered.forEach((entry, index) => (entry.index = index));
  if (2 * ordered.length > 0xffff)
    throw new Error(`${ordered.length} frequencies: more than 16-bit trig indices can address`);
  const frequencies = Float64Array.from(ordered.flatMap((entry) => entry.coefficients));
  const derivation = planDerivations(frequencies, timeScale);
  const set: FrequencySet = {
    frequencies,
    linear,
    ...derivation,
    derivationCodes: packDerivations(derivation),
    trig: new Float64Array(2 * ordered.length),
    // A linear series' phase rate is its frequency: set once here.
    phaseRate: Float64Array.from({ length: ordered.length }, (_, i) => (linear ? frequencies[4 * i]! : 0)),
    t: Number.NaN,
    computed: 0,
    ratesComputed: 0,
  };
  return staged.map((coordinates) => {
    const compiled = coordinates.map((powers) =>
      powers.map(({ kept, frequencies: termFrequencies, tierStart }): CompiledPower => {
        const pq = new Float64Array(2 * kept.length);
        kept.forEach((term, i) => {
          const a = term[0] ?? 0;
          const phase = term[1] ?? 0;
          // cos(φ0 + θ) = cos φ0 cos θ − sin φ0 sin θ; sin(φ0 + θ) = sin φ0 cos θ + cos φ0 sin θ.
          pq[2 * i] = form === 'cos' ? a * Math.cos(phase) : a * Math.sin(phase);
          pq[2 * i + 1] = form === 'cos' ? -a * Math.sin(phase) : a * Math.cos(phase);
        });
        const trigIndex = Uint16Array.from(termFrequencies, (entry) => 2 * entry.index);
        return { pq, trigIndex, tierStart };
      }),
    );
    // Per tier: one past the highest frequency a kept term uses.
    const frequencyCount = Int32Array.from({ length: tiers }, (_, tier) => {
      let count = 0;
      for (const powers of compiled) {
        for (const { trigIndex, tierStart } of powers) {
          for (let i = tierStart[tier]!; i < trigIndex.length; i += 1)
            count = Math.max(count, trigIndex[i]! / 2 + 1);
        }
      }
      return count;
    });
    const termCount = Array.from({ length: tiers }, (_, tier) =>
      compiled.reduce(
        (sum, powers) =>
          sum + powers.reduce((s, power) => s + power.trigIndex.length - power.tierStart[tier]!, 0),
        0,
      ),
    );
    return { coordinates: compiled, frequencyCount, termCount, set };
  });
}

/** Largest phase error (radians over |t| ≤ timeScale) a derived frequency may carry. */
const DERIVATION_TOLERANCE = 2e-10;

/**
 * For each frequency (4 polynomial coefficients each), finds two earlier ones with f = s₁·a + s₂·b.
 * Frequencies are looked up by their first coefficient on a grid finer than the tolerance allows.
 */
function planDerivations(
  frequencies: Float64Array,
  timeScale: number,
): Pick<FrequencySet, 'derivedFrom' | 'derivedTo' | 'derivedSigns'> {
  const count = frequencies.length / 4;
  const derivedFrom = new Int32Array(count).fill(-1);
  const derivedTo = new Int32Array(count).fill(-1);
  const derivedSigns = new Float64Array(2 * count);
  const grid = DERIVATION_TOLERANCE / timeScale;
  const byKey = new Map<number, number[]>();
  const phaseError = (i: number, j: number, sj: number, k: number, sk: number): number => {
    let error = 0;
    let scale = timeScale;
    for (let c = 0; c < 4; c += 1) {
      error +=
        Math.abs(frequencies[4 * i + c]! - sj * frequencies[4 * j + c]! - sk * frequencies[4 * k + c]!) *
        scale;
      scale *= timeScale;
    }
    return error;
  };
  for (let i = 0; i < count; i += 1) {
    const fi = frequencies[4 * i]!;
    search: for (let j = 0; j < i; j += 1) {
      for (let sj = 1; sj >= -1; sj -= 2) {
        const rest = fi - sj * frequencies[4 * j]!;
        const key = Math.round(Math.abs(rest) / grid);
        for (let near = key - 1; near <= key + 1; near += 1) {
          const list = byKey.get(near);
          if (!list) continue;
          for (const k of list) {
            const sk = Math.sign(rest) * Math.sign(frequencies[4 * k]!) || 1;
            if (phaseError(i, j, sj, k, sk) <= DERIVATION_TOLERANCE) {
              derivedFrom[i] = j;
              derivedTo[i] = k;
              derivedSigns[2 * i] = sj;
              derivedSigns[2 * i + 1] = sk;
              break search;
            }
          }
        }
      }
    }
    const key = Math.round(Math.abs(fi) / grid);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  return { derivedFrom, derivedTo, derivedSigns };
}

function packDerivations({
  derivedFrom,
  derivedTo,
  derivedSigns,
}: Pick<FrequencySet, 'derivedFrom' | 'derivedTo' | 'derivedSigns'>): Int32Array {
  const codes = new Int32Array(2 * derivedFrom.length);
  derivedFrom.forEach((from, i) => {
    const to = derivedTo[i]!;
    codes[2 * i] = from < 0 ? -1 : 4 * from + (derivedSigns[2 * i]! < 0 ? 1 : 0);
    codes[2 * i + 1] = from < 0 ? -1 : 4 * to + (derivedSigns[2 * i + 1]! < 0 ? 1 : 0);
  });
  return codes;
}

/**
 * cos θ, sin θ of the first `count` frequencies, and θ′ of the first `rateCount` (non-linear series), at t;
 * what the set already holds at this t is kept.
 */
function evaluateFrequencies(set: FrequencySet, t: number, count: number, rateCount: number): void {
  if (set.t !== t) {
    set.t = t;
    set.computed = 0;
    set.ratesComputed = 0;
  }
  const { frequencies: f, trig, phaseRate, derivationCodes } = set;
  const linear = set.linear;
  for (let i = set.computed; i < count; i += 1) {
    const codeA = derivationCodes[2 * i]!;
    if (codeA < 0) {
      const j = 4 * i;
      const phase = linear ? t * f[j]! : t * (f[j]! + t * (f[j + 1]! + t * (f[j + 2]! + t * f[j + 3]!)));
      sinCosInto(phase, trig, 2 * i);
    } else {
      // cos(x ± y), sin(x ± y) from cos x, sin x, cos y, sin y (sin flips with the sign).
      const codeB = derivationCodes[2 * i + 1]!;
      const a = codeA >> 1;
      const b = codeB >> 1;
      const ca = trig[a]!;
      const sa = (codeA & 1 ? -1 : 1) * trig[a + 1]!;
      const cb = trig[b]!;
      const sb = (codeB & 1 ? -1 : 1) * trig[b + 1]!;
      trig[2 * i] = ca * cb - sa * sb;
      trig[2 * i + 1] = sa * cb + ca * sb;
    }
  }
  set.computed = Math.max(set.computed, count);
  if (linear) return;
  for (let i = set.ratesComputed; i < rateCount; i += 1) {
    const j = 4 * i;
    phaseRate[i] = f[j]! + t * (2 * f[j + 1]! + t * (3 * f[j + 2]! + t * 4 * f[j + 3]!));
  }
  set.ratesComputed = Math.max(set.ratesComputed, rateCount);
}

/** Σ P·cos θ + Q·sin θ over terms [from, to) of one power, in two interleaved partial sums. */
function sumTerms(
  pq: Float64Array,
  trigIndex: Uint16Array,
  trig: Float64Array,
  from: number,
  to: number,
): number {
  let even = 0;
  let odd = 0;
  let i = from;
  for (; i + 1 < to; i += 2) {
    const k = trigIndex[i]!;
    const l = trigIndex[i + 1]!;
    even += pq[2 * i]! * trig[k]! + pq[2 * i + 1]! * trig[k + 1]!;
    odd += pq[2 * i + 2]! * trig[l]! + pq[2 * i + 3]! * trig[l + 1]!;
  }
  if (i < to) {
    const k = trigIndex[i]!;
    even += pq[2 * i]! * trig[k]! + pq[2 * i + 1]! * trig[k + 1]!;
  }
  return even + odd;
}

/**
 * Evaluates every coordinate at t: writes, per coordinate c, out[3c] = the value at `valueTier`,
 * out[3c + 1] = the value at `rateTier` and out[3c + 2] = its rate (per unit of t). `rateTier` must be
 * `valueTier` or coarser (a larger index). Pass rateTier = -1 to skip the rate tier.
 */
export function evaluateTiered(
  series: TieredSeries,
  t: number,
  valueTier: number,
  rateTier: number,
  out: Float64Array,
): void {
  const set = series.set;
  evaluateFrequencies(
    set,
    t,
    series.frequencyCount[valueTier]!,
    rateTier < 0 ? 0 : series.frequencyCount[rateTier]!,
  );
  const { trig, phaseRate } = set;
  const coordinates = series.coordinates;
  for (let c = 0; c < coordinates.length; c += 1) {
    const powers = coordinates[c]!;
    let value = 0;
    let coarseValue = 0;
    let coarseRate = 0;
    let tPower = 1;
    let previousPower = 0;
    for (let power = 0; power < powers.length; power += 1) {
      const { pq, trigIndex, tierStart } = powers[power]!;
      const end = trigIndex.length;
      // The coarsest tier's terms are summed last, in one running sum, whatever is asked: so a place
      // (value and rate tiers together) gives the same numbers as the two tiers evaluated separately.
      const split = tierStart[rateTier < 0 ? Math.max(valueTier, tierStart.length - 1) : rateTier]!;
      let sum = sumTerms(pq, trigIndex, trig, tierStart[valueTier]!, split);
      let coarseSum = 0;
      let derivative = 0;
      if (rateTier < 0) {
        for (let i = split; i < end; i += 1) {
          const k = trigIndex[i]!;
          coarseSum += pq[2 * i]! * trig[k]! + pq[2 * i + 1]! * trig[k + 1]!;
        }
      } else {
        for (let i = split; i < end; i += 1) {
          const k = trigIndex[i]!;
          const cosine = trig[k]!;
          const sine = trig[k + 1]!;
          const p = pq[2 * i]!;
          const q = pq[2 * i + 1]!;
          coarseSum += p * cosine + q * sine;
          derivative += (q * cosine - p * sine) * phaseRate[k >> 1]!;
        }
      }
      sum += coarseSum;
      value += sum * tPower;
      coarseValue += coarseSum * tPower;
      coarseRate += derivative * tPower + power * coarseSum * previousPower;
      previousPower = tPower;
      tPower *= t;
    }
    out[3 * c] = value;
    out[3 * c + 1] = rateTier < 0 ? 0 : coarseValue;
    out[3 * c + 2] = rateTier < 0 ? 0 : coarseRate;
  }
}
