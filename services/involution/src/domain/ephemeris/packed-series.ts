/**
 * The series terms the ephemeris keeps, packed as base64 of little-endian float64s, so that a process
 * loads a few hundred kilobytes of numbers instead of parsing astronomia's data modules (5 MB of
 * JavaScript object literals for ELP/MPP02 alone, which V8 keeps as source, bytecode and literal
 * boilerplates: tens of megabytes of resident memory). Base64 of the exact doubles round-trips bit for
 * bit, so the compiled series are the ones astronomia's data would give.
 *
 * Layout: coordinate count; per coordinate its power count; per power its term count; then every term's
 * `width` numbers, coordinate by coordinate, power by power, in the source's order.
 */

/** Terms per coordinate and power of t, each `[A, φ0, φ1, …]` as in astronomia's data files. */
export type SeriesTerms = readonly (readonly (readonly (readonly number[])[])[])[];

/** Packs terms of a fixed `width` (numbers per term). */
export function packSeries(coordinates: SeriesTerms, width: number): string {
  const numbers: number[] = [coordinates.length];
  for (const powers of coordinates) numbers.push(powers.length);
  for (const powers of coordinates) for (const terms of powers) numbers.push(terms.length);
  for (const powers of coordinates) {
    for (const terms of powers) {
      for (const term of terms) {
        if (term.length > width)
          throw new Error(`a term has ${term.length} numbers, more than the width ${width}`);
        for (let k = 0; k < width; k += 1) numbers.push(term[k] ?? 0);
      }
    }
  }
  const bytes = new Uint8Array(Float64Array.from(numbers).buffer);
  return Buffer.from(bytes).toString('base64');
}

/** Unpacks what packSeries wrote; throws when the text does not hold the shape it announces. */
export function unpackSeries(packed: string, width: number): number[][][][] {
  const bytes = Buffer.from(packed, 'base64');
  if (bytes.length % 8 !== 0) throw new Error('packed series: not a whole number of float64s');
  // Copy into an aligned buffer: Buffer.from may hand back a slice of a shared, unaligned pool.
  const numbers = new Float64Array(Uint8Array.from(bytes).buffer);
  let next = 0;
  const read = (): number => {
    if (next >= numbers.length) throw new Error('packed series: truncated');
    return numbers[next++]!;
  };
  const powerCounts = Array.from({ length: read() }, read);
  const termCounts = powerCounts.map((powers) => Array.from({ length: powers }, read));
  const coordinates = termCounts.map((powers) =>
    powers.map((terms) => Array.from({ length: terms }, () => Array.from({ length: width }, read))),
  );
  if (next !== numbers.length) throw new Error('packed series: trailing numbers');
  return coordinates;
}
