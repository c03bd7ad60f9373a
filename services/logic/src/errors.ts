import { CatalogError, type CatalogErrorOptions } from '@svc/kernel/errors';

/**
 * The Logic Module's error catalog: every error the service raises on purpose has a stable code
 * and an HTTP status here, so the HTTP layer can answer 4xx naming the offending field.
 */

export interface ErrorSpec {
  readonly status: number;
  readonly message: string;
}

export const ERRORS = {
  LOGIC_PARSE_ERROR: { status: 400, message: 'The formula could not be parsed' },
  LOGIC_FORMULA_TOO_DEEP: { status: 400, message: 'The formula is nested deeper than the configured limit' },
  LOGIC_TOO_MANY_QUANTIFIERS: { status: 400, message: 'The formula has more quantifiers than the configured limit' },
  LOGIC_TPTP_INCLUDE_UNSUPPORTED: { status: 400, message: 'TPTP include() directives are not supported; inline the axioms' },
  LOGIC_TPTP_UNSUPPORTED_ROLE: { status: 400, message: 'The TPTP formula role is not supported' },
  LOGIC_MULTIPLE_CONJECTURES: { status: 400, message: 'A problem may have at most one conjecture' },
  LOGIC_UNPRINTABLE_FORMULA: { status: 400, message: 'The formula contains constructs this output language cannot express' },
  LOGIC_MODAL_NOT_TRANSLATED: { status: 400, message: 'Modal operators must be translated to first-order logic before proving' },
  LOGIC_ENGINE_UNAVAILABLE: { status: 503, message: 'The requested prover engine is not available' },
  LOGIC_ENGINE_FAILED: { status: 502, message: 'The prover engine failed' },
  LOGIC_INPUT_TOO_LARGE: { status: 413, message: 'The input is larger than the configured limit' },
  LOGIC_MODAL_UNSUPPORTED: { status: 400, message: 'The modal operator is not supported in the requested logic' },
  LOGIC_SUSPICIOUS_INPUT: { status: 400, message: 'The input contains a pattern refused by the suspicious-pattern check' },
  LOGIC_NOT_CONVERTIBLE: { status: 400, message: 'The text is neither a formula nor English the converter can read' },
  LOGIC_BATCH_TOO_LARGE: { status: 413, message: 'The batch has more items than the configured limit' },
  LOGIC_INVALID_OPTION: { status: 400, message: 'An option of the request has a value outside its allowed set' },
} as const satisfies Record<string, ErrorSpec>;

export type LogicErrorCode = keyof typeof ERRORS;

/** An expected, catalogued failure: carries a stable code, its HTTP status and the field at fault. */
export class LogicError extends CatalogError<LogicErrorCode, Readonly<Record<string, unknown>>> {
  constructor(code: LogicErrorCode, message?: string, options: CatalogErrorOptions<Readonly<Record<string, unknown>>> = {}) {
    super(code, ERRORS[code], message, options);
  }
}
