/**
 * Vector functions of time stored as Chebyshev polynomials on equal segments of a span (the form JPL's
 * ephemerides use). Holds the generated DE431 corrections and Pluto; see tools/fit-de431-corrections.ts.
 *
 * The generated modules keep coefficients as comma-separated integers (one string per segment: cheap for
 * the compiler and the linter) with one unit per component; decoding multiplies them out once at load.
 */

/** A table as a generated module stores it. */
export interface EncodedChebyshevTable {
  /** First and last Julian day (TT) of the span. */
  start: number;
  end: number;
  /** Number of equal segments over [start, end]. */
  segments: number;
  /** Polynomial degree (degree + 1 coefficients per component and segment). */
  degree: number;
  /** Value of one integer step, per component (its length is the number of components). */
  units: readonly number[];
  /** Per segment, comma-separated integers ordered component → coefficient of T0 … T_degree. */
  coefficients: readonly string[];
}

/** A decoded table, ready to evaluate. */
export interface ChebyshevTable {
  start: number;
  end: number;
  segments: number;
  degree: number;
  components: number;
  segmentDays: number;
  coefficients: Float64Array;
}

/** Decodes a generated table; throws if the coefficient count does not match its shape. */
export function decodeChebyshevTable(encoded: EncodedChebyshevTable): ChebyshevTable {
  const components = encoded.units.length;
  const perSegment = components * (encoded.degree + 1);
  const integers = encoded.coefficients.join(',').split(',');
  if (integers.length !== encoded.segments * perSegment) {
    throw new Error(
      `Chebyshev table holds ${integers.length} coefficients, its shape needs ${encoded.segments * perSegment}`,
    );
  }
  const coefficients = new Float64Array(integers.length);
  for (let i = 0; i < integers.length; i += 1) {
    const component = Math.floor((i % perSegment) / (encoded.degree + 1));
    coefficients[i] = Number(integers[i]) * encoded.units[component]!;
  }
  return {
    start: encoded.start,
    end: encoded.end,
    segments: encoded.segments,
    degree: encoded.degree,
    components,
    segmentDays: (encoded.end - encoded.start) / encoded.segments,
    coefficients,
  };
}

/**
 * Evaluates every component at a Julian day (TT) into `values` and, if given, their rates per day into
 * `rates`. Inside [start, end] returns true (the end belongs to the last segment); outside returns false
 * and writes zeros.
 */
export function evaluateChebyshevTable(
  table: ChebyshevTable,
  jd: number,
  values: Float64Array,
  rates?: Float64Array,
): boolean {
  if (!(jd >= table.start && jd <= table.end)) {
    values.fill(0, 0, table.components);
    rates?.fill(0, 0, table.components);
    return false;
  }
  const segment = Math.min(Math.floor((jd - table.start) / table.segmentDays), table.segments - 1);
  const segmentStart = table.start + segment * table.segmentDays;
  const x = (2 * (jd - segmentStart)) / table.segmentDays - 1;
  const count = table.degree + 1;
  for (let c = 0; c < table.components; c += 1) {
    const base = (segment * table.components + c) * count;
    // T_k(x) and its derivative by the three-term recurrences.
    let tPrevious = 1;
    let t = x;
    let dPrevious = 0;
    let d = 1;
    let value = table.coefficients[base]!;
    let rate = 0;
    for (let k = 1; k < count; k += 1) {
      const coefficient = table.coefficients[base + k]!;
      value += coefficient * t;
      rate += coefficient * d;
      const tNext = 2 * x * t - tPrevious;
      const dNext = 2 * t + 2 * x * d - dPrevious;
      tPrevious = t;
      t = tNext;
      dPrevious = d;
      d = dNext;
    }
    values[c] = value;
    if (rates) rates[c] = (rate * 2) / table.segmentDays;
  }
  return true;
}
