import { CatalogError, type CatalogErrorOptions } from '@svc/kernel/errors';

/**
 * The Involution Engine's one error catalog.
 *
 * Each entry is a stable code with its HTTP status and a short title. Domain code throws
 * `InvolutionError` with one of these codes plus the offending `field` and `details`, so the HTTP
 * layer can answer a 4xx that names the field. Append new codes at the end of the map.
 */
export const INVOLUTION_ERRORS = {
  INVOLUTION_INVALID_INPUT: { status: 422, title: 'Invalid input' },
  INVOLUTION_DATE_INVALID: { status: 422, title: 'Calendar date does not exist' },
  INVOLUTION_UNKNOWN_BODY: { status: 422, title: 'Unknown body' },
  INVOLUTION_OUT_OF_RANGE: { status: 422, title: 'Instant is outside the provider coverage' },
  INVOLUTION_BODY_UNSUPPORTED: { status: 422, title: 'Body is not available from this provider' },
  INVOLUTION_UNKNOWN_HOUSE_SYSTEM: { status: 422, title: 'Unknown house system' },
  INVOLUTION_HOUSES_POLAR: { status: 422, title: 'House system is undefined at this latitude' },
  INVOLUTION_UNKNOWN_AYANAMSA: { status: 422, title: 'Unknown ayanamsa' },
  INVOLUTION_UNKNOWN_TIMEZONE: { status: 422, title: 'Unknown time zone' },
  INVOLUTION_LOCAL_TIME_AMBIGUOUS: { status: 422, title: 'Local time is ambiguous or skipped' },
  INVOLUTION_KERNEL_NOT_FOUND: { status: 503, title: 'Ephemeris kernel not found' },
  INVOLUTION_KERNEL_INVALID: { status: 503, title: 'Ephemeris kernel is malformed' },
  INVOLUTION_ENGINE_UNAVAILABLE: { status: 502, title: 'Ephemeris engine did not answer' },
  HISTORICAL_REQUIRED: { status: 422, title: 'Historical ephemeris required' },
} as const;

/** A stable error code from the catalog. */
export type InvolutionErrorCode = keyof typeof INVOLUTION_ERRORS;

/** A domain error carrying a catalog code, the offending input field and structured details. */
export class InvolutionError extends CatalogError<InvolutionErrorCode, Record<string, unknown>> {
  constructor(code: InvolutionErrorCode, message: string, options: CatalogErrorOptions<Record<string, unknown>> = {}) {
    super(code, INVOLUTION_ERRORS[code], message, options);
  }
}
