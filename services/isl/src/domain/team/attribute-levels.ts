/**
 * Attribute values of decision options, qualitative or numeric, on a common 0–1 scale.
 *
 * The original API's options carry attributes like `{speed: "fast", quality: "high"}`; ordinal words
 * map to fixed levels and numbers are min–max scaled across the options being compared.
 */

const LEVELS: ReadonlyMap<string, number> = new Map([
  ['none', 0],
  ['very low', 0],
  ['very_low', 0],
  ['minimal', 0.1],
  ['low', 0.25],
  ['poor', 0.25],
  ['slow', 0.25],
  ['small', 0.25],
  ['weak', 0.25],
  ['medium', 0.5],
  ['moderate', 0.5],
  ['average', 0.5],
  ['fair', 0.5],
  ['mid', 0.5],
  ['good', 0.75],
  ['high', 0.75],
  ['fast', 0.75],
  ['large', 0.75],
  ['strong', 0.75],
  ['very high', 1],
  ['very_high', 1],
  ['excellent', 1],
  ['very fast', 1],
  ['very_fast', 1],
  ['maximal', 1],
  ['yes', 1],
  ['no', 0],
]);

/** Level of one value on 0–1, or undefined when it is neither a number nor a known word. */
export function levelOf(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return LEVELS.get(value.trim().toLowerCase());
  return undefined;
}

/**
 * Scores every option on one attribute, 0–1 (higher is better). Numbers are min–max scaled; an
 * attribute whose values are all equal scores 0.5; unknown words score undefined.
 */
export function attributeScores(values: readonly unknown[]): (number | undefined)[] {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  return values.map((v) => {
    if (typeof v === 'number' && Number.isFinite(v)) return hi > lo ? (v - lo) / (hi - lo) : 0.5;
    return levelOf(v);
  });
}
