import { boolean, object, string } from './config-schema.js';
import type { SchemaType } from './config-schema.js';

/** The guide's constitutional hash; every file's `constitutional_validation.hash` defaults to it. */
export const DEFAULT_CONSTITUTIONAL_HASH = 'cdd01ef066bc6cf2';

/** The `namespace` key every file repeats: a Kubernetes namespace name (DNS-1123 label). */
export const namespaceSchema = string({
  default: 'acgs-system',
  pattern: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
  patternName: 'a DNS-1123 label (lowercase letters, digits, "-"; at most 63 characters)',
});

/** The `constitutional_validation` block every file repeats. */
export const constitutionalValidationSchema = object({
  enabled: boolean({ default: true }),
  // A hex digest; the exact value is compared by equality, never as a substring.
  hash: string({
    default: DEFAULT_CONSTITUTIONAL_HASH,
    pattern: /^[0-9a-f]{8,128}$/,
    patternName: 'lowercase hex string of 8 to 128 characters',
  }),
  strict_mode: boolean({ default: true }),
});

export type ConstitutionalValidation = SchemaType<typeof constitutionalValidationSchema>;
