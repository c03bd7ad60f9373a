/**
 * Converts any value into plain JSON data, so writing a report can never throw: Errors become
 * `{name, message, code?}`, bigints strings, Dates ISO strings, Maps objects, Sets arrays, non-finite
 * numbers null, functions and symbols disappear, and a reference back to an ancestor becomes
 * "[Circular]". (The original crashed while writing its report, losing the record of what it did.)
 */
export function toJsonSafe(value: unknown): unknown {
  return convert(value, []);
}

function convert(value: unknown, ancestors: unknown[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return null;
  if (ancestors.includes(value)) return '[Circular]';
  const inner = [...ancestors, value];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message };
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out['code'] = convert(code, inner);
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => convert(item, inner) ?? null);
  if (value instanceof Set) return [...value].map((item) => convert(item, inner) ?? null);
  const entries: [string, unknown][] =
    value instanceof Map
      ? [...value.entries()].map(([k, v]) => [String(k), v])
      : Object.entries(value as object);
  const out: Record<string, unknown> = {};
  for (const [key, child] of entries) {
    const converted = convert(child, inner);
    if (converted !== undefined) out[key] = converted;
  }
  return out;
}

/** Pretty JSON text of any value; never throws. */
export function serializeReport(value: unknown): string {
  return `${JSON.stringify(toJsonSafe(value) ?? null, null, 2)}\n`;
}
