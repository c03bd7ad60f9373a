/**
 * VSOP87 series (Bretagnon & Francou 1988) compiled into typed arrays and evaluated.
 *
 * The astronomia data files hold, per coordinate (L, B, R of VSOP87B: heliocentric spherical, ecliptic and
 * dynamical equinox J2000) and per power α of τ (Julian millennia TDB from J2000), terms [A, B, C] meaning
 * τ^α · A cos(B + C τ). We drop the terms that cannot move the geocentric direction by more than a set
 * angle within the supported span, which keeps the sums a few times shorter at a cost of milliarcseconds.
 */

/** One compiled coordinate: per power of τ, a flat [A, B, C, A, B, C, …] array. */
export type CompiledCoordinate = readonly Float64Array[];

/** A compiled VSOP87B body: longitude, latitude (radians) and radius (AU). */
export interface CompiledVsop87 {
  readonly name: string;
  readonly l: CompiledCoordinate;
  readonly b: CompiledCoordinate;
  readonly r: CompiledCoordinate;
  readonly terms: number;
}

/** Raw astronomia VSOP87 data. */
export interface Vsop87Data {
  L: Record<string, number[][]>;
  B: Record<string, number[][]>;
  R: Record<string, number[][]>;
}

/** How much truncation a compiled series may introduce. */
export interface TruncationBudget {
  /** Largest geocentric angle (radians) one dropped term may cause. 0 keeps every term. */
  angle: number;
  /** Largest |τ| (millennia) the series will be used at. */
  tauMax: number;
  /** Mean heliocentric distance of the body (AU). */
  meanDistance: number;
  /** Smallest geocentric distance of the body (AU); angles scale with 1/this. */
  minGeocentricDistance: number;
}

function compileCoordinate(raw: Record<string, number[][]>, threshold: (power: number) => number, tauMax: number): Float64Array[] {
  const powers: Float64Array[] = [];
  const count = Object.keys(raw).length;
  for (let power = 0; power < count; power += 1) {
    const terms = raw[String(power)] ?? [];
    const limit = threshold(power);
    const kept = terms.filter((term) => Math.abs(term[0] ?? 0) * Math.max(tauMax, 1e-3) ** power >= limit);
    // Smallest first, so the sum rounds better.
    kept.sort((a, b) => Math.abs(a[0] ?? 0) - Math.abs(b[0] ?? 0));
    powers.push(Float64Array.from(kept.flatMap((term) => [term[0] ?? 0, term[1] ?? 0, term[2] ?? 0])));
  }
  return powers;
}

/** Compiles astronomia's VSOP87B data for one body under a truncation budget. */
export function compileVsop87(name: string, data: Vsop87Data, budget: TruncationBudget): CompiledVsop87 {
  const angularLimit = (budget.angle * budget.minGeocentricDistance) / budget.meanDistance;
  const radialLimit = budget.angle * budget.minGeocentricDistance;
  const l = compileCoordinate(data.L, () => angularLimit, budget.tauMax);
  const b = compileCoordinate(data.B, () => angularLimit, budget.tauMax);
  const r = compileCoordinate(data.R, () => radialLimit, budget.tauMax);
  const terms = [...l, ...b, ...r].reduce((sum, array) => sum + array.length / 3, 0);
  return { name, l, b, r, terms };
}

/** Value of one compiled coordinate at τ (Julian millennia TDB from J2000). */
export function evaluateCoordinate(coordinate: CompiledCoordinate, tau: number): number {
  let result = 0;
  let tauPower = 1;
  for (const terms of coordinate) {
    let sum = 0;
    for (let i = 0; i < terms.length; i += 3) {
      sum += terms[i]! * Math.cos(terms[i + 1]! + terms[i + 2]! * tau);
    }
    result += sum * tauPower;
    tauPower *= tau;
  }
  return result;
}

/** Value and rate (per Julian millennium) of one compiled coordinate at τ. */
export function evaluateCoordinateWithRate(coordinate: CompiledCoordinate, tau: number): [number, number] {
  let value = 0;
  let rate = 0;
  let tauPower = 1;
  let previousPower = 0;
  for (let power = 0; power < coordinate.length; power += 1) {
    const terms = coordinate[power]!;
    let sum = 0;
    let derivative = 0;
    for (let i = 0; i < terms.length; i += 3) {
      const a = terms[i]!;
      const argument = terms[i + 1]! + terms[i + 2]! * tau;
      sum += a * Math.cos(argument);
      derivative -= a * terms[i + 2]! * Math.sin(argument);
    }
    value += sum * tauPower;
    rate += derivative * tauPower + power * sum * previousPower;
    previousPower = tauPower;
    tauPower *= tau;
  }
  return [value, rate];
}
