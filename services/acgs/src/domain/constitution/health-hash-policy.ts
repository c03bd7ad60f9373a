/** The one field `/health` must carry, with exactly the configured hash as its value. */
export const HEALTH_HASH_FIELD = 'constitutional_hash';

export type HashVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'not-json' | 'not-an-object' | 'missing' | 'wrong-field' | 'wrong-type' | 'mismatch';
      readonly message: string;
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Other places a sloppy service might put the hash; named in the refusal so the fix is obvious. */
function misplacedHashField(body: Record<string, unknown>, expected: string): string | undefined {
  for (const [key, value] of Object.entries(body)) {
    if (key === HEALTH_HASH_FIELD) continue;
    if (typeof value === 'string' && value.includes(expected)) return key;
    if (isRecord(value)) {
      const inner = misplacedHashField(value, expected);
      if (inner !== undefined) return `${key}.${inner}`;
    }
  }
  return undefined;
}

/**
 * The exact hash policy for a parsed `/health` body: a JSON object whose own top-level field
 * `constitutional_hash` is a string EQUAL to the configured hash. Refused: the hash inside a longer value
 * (`"hash: cdd01ef066bc6cf2"`, what a substring test would accept), a different case, a field named
 * `constitutional.hash` or nested as `{constitutional: {hash}}`, a non-string value.
 */
export function checkHealthHash(body: unknown, expected: string): HashVerdict {
  if (!isRecord(body))
    return { ok: false, reason: 'not-an-object', message: '/health did not answer a JSON object' };
  if (!Object.hasOwn(body, HEALTH_HASH_FIELD)) {
    const elsewhere = misplacedHashField(body, expected);
    if (elsewhere !== undefined) {
      return {
        ok: false,
        reason: 'wrong-field',
        message: `the hash is in "${elsewhere}"; it must be the value of "${HEALTH_HASH_FIELD}"`,
      };
    }
    return { ok: false, reason: 'missing', message: `/health has no "${HEALTH_HASH_FIELD}" field` };
  }
  const value = body[HEALTH_HASH_FIELD];
  if (typeof value !== 'string') {
    return {
      ok: false,
      reason: 'wrong-type',
      message: `"${HEALTH_HASH_FIELD}" must be a string, got ${value === null ? 'null' : typeof value}`,
    };
  }
  if (value !== expected) {
    return {
      ok: false,
      reason: 'mismatch',
      message: `"${HEALTH_HASH_FIELD}" must be exactly "${expected}", got ${JSON.stringify(value)}`,
    };
  }
  return { ok: true };
}

/** {@link checkHealthHash} on a raw response body. */
export function checkHealthHashText(text: string, expected: string): HashVerdict {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, reason: 'not-json', message: '/health did not answer JSON' };
  }
  return checkHealthHash(body, expected);
}
