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
  /** Term coefficients of cos θ and sin θ, and the term's frequency index. */
  readonly p: Float64Array;
  readonly q: Float64Array;
  readonly frequency: Int32Array;
  /** Per tier: index of the first term the tier keeps. */
  readonly tierStart: Int32Array;
}

/** A compiled multi-coordinate series. */
export interface TieredSeries {
  readonly coordinates: readonly (readonly CompiledPower[])[];
  /** φ1…φ4 per frequency, flattened (4 per frequency). */
  readonly frequencies: Float64Array;
  /** Per tier: how many frequencies (a prefix) its terms use. */
  readonly frequencyCount: Int32Array;
  /** Per tier: number of terms summed. */
  readonly termCount: readonly number[];
  readonly linear: boolean;
  /** Per frequency: −1 when evaluated directly, else the indices (≥ 0) of the two it is s₁·a + s₂·b of. */
  readonly derivedFrom: Int32Array;
  readonly derivedTo: Int32Array;
  /** Per frequency: the signs s₁, s₂ (±1). */
  readonly derivedSigns: Float64Array;
  /** Scratch: cos θ, sin θ per frequency, and θ′ per frequency. */
  readonly trig: Float64Array;
  readonly phaseRate: Float64Array;
}

/**
 * Compiles raw coordinates. `form` says whether a term is A·cos(φ0 + θ) or A·sin(φ0 + θ); `timeScale` is the
 * largest |t| the truncation is tuned for (|t|^α bounds the Poisson factor).
 */
export function compileTieredSeries(coordinates: readonly RawCoordinate[], form: 'cos' | 'sin', timeScale: number): TieredSeries {
  const tiers = coordinates[0]?.limits.length ?? 1;
  interface Frequency {
    index: number;
    tier: number;
    coefficients: number[];
  }
  // Frequencies by their first coefficient, then compared whole.
  const byFirst = new Map<number, Frequency[]>();
  const frequencyOf = (term: readonly number[], tier: number): Frequency => {
    const coefficients = [term[2] ?? 0, term[3] ?? 0, term[4] ?? 0, term[5] ?? 0];
    const candidates = byFirst.get(coefficients[0]!) ?? [];
    let found = candidates.find((entry) => entry.coefficients.every((value, k) => value === coefficients[k]));
    if (found) {
      found.tier = Math.max(found.tier, tier);
    } else {
      found = { index: -1, tier, coefficients };
      candidates.push(found);
      byFirst.set(coefficients[0]!, candidates);
    }
    return found;
  };
  let linear = true;
  const staged = coordinates.map((coordinate) =>
    coordinate.powers.map((terms, power) => {
      const scale = timeScale ** power;
      const keptAt = (term: readonly number[], tier: number): boolean => Math.abs(term[0] ?? 0) * scale >= (coordinate.limits[tier] ?? Infinity);
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
        return frequencyOf(term, tier);
      });
      return { kept, frequencies, tierStart };
    }),
  );
  // Coarsest tier's frequencies first (stable within a tier).
  const ordered = [...byFirst.values()].flat().sort(
    (a, b) => b.tier - a.tier || Math.abs(a.coefficients[0] ?? 0) - Math.abs(b.coefficients[0] ?? 0),
  );
  ordered.forEach((entry, index) => (entry.index = index));
  const frequencies = Float64Array.from(ordered.flatMap((entry) => entry.coefficients));
  const frequencyCount = Int32Array.from({ length: tiers }, (_, tier) => ordered.filter((entry) => entry.tier >= tier).length);
  const compiled = staged.map((powers) =>
    powers.map(({ kept, frequencies: termFrequencies, tierStart }): CompiledPower => {
      const p = new Float64Array(kept.length);
      const q = new Float64Array(kept.length);
      kept.forEach((term, i) => {
        const a = term[0] ?? 0;
        const phase = term[1] ?? 0;
        // cos(φ0 + θ) = cos φ0 cos θ − sin φ0 sin θ; sin(φ0 + θ) = sin φ0 cos θ + cos φ0 sin θ.
        p[i] = form === 'cos' ? a * Math.cos(phase) : a * Math.sin(phase);
        q[i] = form === 'cos' ? -a * Math.sin(phase) : a * Math.cos(phase);
      });
      const frequency = Int32Array.from(termFrequencies, (entry) => entry.index);
      return { p, q, frequency, tierStart };
    }),
  );
  const termCount = Array.from({ length: tiers }, (_, tier) =>
    compiled.reduce((sum, powers) => sum + powers.reduce((s, power) => s + power.p.length - power.tierStart[tier]!, 0), 0),
  );
  const derivation = planDerivations(frequencies, timeScale);
  return {
    coordinates: compiled,
    frequencies,
    frequencyCount,
    termCount,
    linear,
    ...derivation,
    trig: new Float64Array(2 * ordered.length),
    phaseRate: new Float64Array(ordered.length),
  };
}

/** Largest phase error (radians over |t| ≤ timeScale) a derived frequency may carry. */
const DERIVATION_TOLERANCE = 2e-10;

/**
 * For each frequency (4 polynomial coefficients each), finds two earlier ones with f = s₁·a + s₂·b.
 * Frequencies are looked up by their first coefficient on a grid finer than the tolerance allows.
 */
function planDerivations(frequencies: Float64Array, timeScale: number): Pick<TieredSeries, 'derivedFrom' | 'derivedTo' | 'derivedSigns'> {
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
      error += Math.abs(frequencies[4 * i + c]! - sj * frequencies[4 * j + c]! - sk * frequencies[4 * k + c]!) * scale;
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

function evaluateFrequencies(series: TieredSeries, t: number, count: number): void {
  const { frequencies: f, trig, phaseRate, derivedFrom, derivedTo, derivedSigns } = series;
  const linear = series.linear;
  for (let i = 0; i < count; i += 1) {
    const j = 4 * i;
    const a = derivedFrom[i]!;
    if (a < 0) {
      const phase = linear ? t * f[j]! : t * (f[j]! + t * (f[j + 1]! + t * (f[j + 2]! + t * f[j + 3]!)));
      sinCosInto(phase, trig, 2 * i);
    } else {
      // cos(x ± y), sin(x ± y) from cos x, sin x, cos y, sin y (sin flips with the sign).
      const b = derivedTo[i]!;
      const ca = trig[2 * a]!;
      const sa = derivedSigns[2 * i]! * trig[2 * a + 1]!;
      const cb = trig[2 * b]!;
      const sb = derivedSigns[2 * i + 1]! * trig[2 * b + 1]!;
      trig[2 * i] = ca * cb - sa * sb;
      trig[2 * i + 1] = sa * cb + ca * sb;
    }
    phaseRate[i] = linear ? f[j]! : f[j]! + t * (2 * f[j + 1]! + t * (3 * f[j + 2]! + t * 4 * f[j + 3]!));
  }
}

/**
 * Evaluates every coordinate at t: writes, per coordinate c, out[3c] = the value at `valueTier`,
 * out[3c + 1] = the value at `rateTier` and out[3c + 2] = its rate (per unit of t). `rateTier` must be
 * `valueTier` or coarser (a larger index). Pass rateTier = -1 to skip the rate tier.
 */
export function evaluateTiered(series: TieredSeries, t: number, valueTier: number, rateTier: number, out: Float64Array): void {
  evaluateFrequencies(series, t, series.frequencyCount[valueTier]!);
  const { trig, phaseRate } = series;
  const coordinates = series.coordinates;
  for (let c = 0; c < coordinates.length; c += 1) {
    const powers = coordinates[c]!;
    let value = 0;
    let coarseValue = 0;
    let coarseRate = 0;
    let tPower = 1;
    let previousPower = 0;
    for (let power = 0; power < powers.length; power += 1) {
      const { p, q, frequency, tierStart } = powers[power]!;
      const end = p.length;
      const split = rateTier < 0 ? end : tierStart[rateTier]!;
      let sum = 0;
      for (let i = tierStart[valueTier]!; i < split; i += 1) {
        const k = 2 * frequency[i]!;
        sum += p[i]! * trig[k]! + q[i]! * trig[k + 1]!;
      }
      let coarseSum = 0;
      let derivative = 0;
      for (let i = split; i < end; i += 1) {
        const f = frequency[i]!;
        const cosine = trig[2 * f]!;
        const sine = trig[2 * f + 1]!;
        const term = p[i]! * cosine + q[i]! * sine;
        sum += term;
        coarseSum += term;
        derivative += (q[i]! * cosine - p[i]! * sine) * phaseRate[f]!;
      }
      value += sum * tPower;
      coarseValue += coarseSum * tPower;
      coarseRate += derivative * tPower + power * coarseSum * previousPower;
      previousPower = tPower;
      tPower *= t;
    }
    out[3 * c] = value;
    out[3 * c + 1] = coarseValue;
    out[3 * c + 2] = coarseRate;
  }
}
