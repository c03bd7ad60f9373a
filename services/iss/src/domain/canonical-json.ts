import { IssError } from '../errors.js';

/** A JSON value as accepted by the canonicalizer. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// Lone surrogates are not valid I-JSON (RFC 7493), which RFC 8785 requires; reject rather than guess.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Strings with none of these need no escaping and cannot hold a lone surrogate: the common case.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_CARE = /[\u0000-\u001f"\\\ud800-\udfff]/;

function serializeString(s: string): string {
  if (!NEEDS_CARE.test(s)) return `"${s}"`;
  if (LONE_SURROGATE.test(s)) throw new IssError('ISS_INVALID_STRING');
  // JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 asks: \b \t \n \f \r \" \\ and \u00xx for other controls.
  return JSON.stringify(s);
}

function serializeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new IssError('ISS_NON_FINITE_NUMBER');
  // ECMAScript Number::toString is the serialization RFC 8785 §3.2.2.3 mandates; -0 prints as 0.
  return String(n);
}

const byCodeUnits = (a: [string, unknown], b: [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return serializeNumber(value);
    case 'string':
      return serializeString(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + write(value[i]);
        return `${out}]`;
      }
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      // Default string ordering compares UTF-16 code units, which is what RFC 8785 §3.2.3 specifies.
      entries.sort(byCodeUnits);
      let out = '{';
      for (let i = 0; i < entries.length; i++) {
        const [k, v] = entries[i] as [string, unknown];
        out += `${i > 0 ? ',' : ''}${serializeString(k)}:${write(v)}`;
      }
      return `${out}}`;
    }
    default:
      throw new IssError('ISS_VALIDATION', `Cannot canonicalize a ${typeof value}`);
  }
}

/**
 * RFC 8785 JSON Canonicalization Scheme. Object members whose value is `undefined` are omitted.
 * @example canonicalize({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalize(value: unknown): string {
  return write(value);
}

/** The UTF-8 bytes of {@link canonicalize}. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalize(value), 'utf8');
}
