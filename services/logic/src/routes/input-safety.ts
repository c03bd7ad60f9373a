/**
 * Input safety checks run on every text before it is parsed or converted: a size limit
 * (LOGIC_MAX_INPUT_SIZE, answered 413) and a suspicious-pattern check (answered 400).
 *
 * The suspicious patterns are shapes no formula and no controlled-English sentence ever needs, and
 * that signal an attempt to smuggle something through the service into a log viewer, a browser or
 * a database downstream:
 * - control characters other than tab, newline and carriage return (C0, DEL, C1; NUL included);
 * - Unicode bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source");
 * - HTML/script injection: `<script`, `<iframe`, `<object`, `<embed`, `<svg`, `<img`, an event
 *   handler attribute inside a tag (`<a onload=`), `javascript:` URLs;
 * - SQL injection: a quote followed by `OR`/`AND` and a tautology (`' OR '1'='1`), a statement
 *   chained after `;` (`; DROP TABLE`), `UNION SELECT`;
 * - shell or template expansion: `$(`, `${`, and backticks.
 * TPTP's `$true`, quoted atoms (`'a'`) and block comments are not affected.
 */
import { LogicError } from '../errors.js';

interface SuspiciousPattern {
  readonly name: string;
  readonly pattern: RegExp;
}

export const SUSPICIOUS_PATTERNS: readonly SuspiciousPattern[] = [
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  { name: 'control character', pattern: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/ },
  { name: 'bidirectional override', pattern: /[\u202A-\u202E\u2066-\u2069]/ },
  { name: 'script injection', pattern: /<\s*\/?\s*(?:script|iframe|object|embed|svg|img)\b/i },
  { name: 'script injection', pattern: /<[^>]*\bon[a-z]+\s*=/i },
  { name: 'script injection', pattern: /\bjavascript\s*:/i },
  { name: 'SQL injection', pattern: /['"]\s*\)?\s*(?:or|and)\s+['"]?\w+['"]?\s*=\s*['"]?\w+/i },
  { name: 'SQL injection', pattern: /;\s*(?:drop|delete|truncate|alter|insert|update|create|exec|grant|shutdown)\s+\w/i },
  { name: 'SQL injection', pattern: /\bunion\s+(?:all\s+)?select\b/i },
  { name: 'shell or template expansion', pattern: /\$\(|\$\{|`/ },
];

/** The first suspicious pattern `text` matches, if any. */
export function findSuspiciousPattern(text: string): string | undefined {
  return SUSPICIOUS_PATTERNS.find(({ pattern }) => pattern.test(text))?.name;
}

/** Throws LOGIC_SUSPICIOUS_INPUT (400) naming the field and the kind of pattern. */
export function checkSuspiciousPatterns(text: string, field: string): void {
  const found = findSuspiciousPattern(text);
  if (found === undefined) return;
  throw new LogicError('LOGIC_SUSPICIOUS_INPUT', `${field}: refused by the suspicious-pattern check (${found})`, {
    field,
    details: { pattern: found, setting: 'LOGIC_SUSPICIOUS_PATTERN_CHECK' },
  });
}

/** Throws LOGIC_INPUT_TOO_LARGE (413) naming the limit when `size` characters exceed `limit`. */
export function checkInputSize(size: number, limit: number, field: string): void {
  if (size <= limit) return;
  throw new LogicError('LOGIC_INPUT_TOO_LARGE', `Input too large: ${field} has ${size} characters, over LOGIC_MAX_INPUT_SIZE=${limit}`, {
    field,
    details: { limit, size, setting: 'LOGIC_MAX_INPUT_SIZE' },
  });
}
