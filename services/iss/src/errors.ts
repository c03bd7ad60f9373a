import { CatalogError, type CatalogErrorOptions } from '@svc/kernel/errors';

/**
 * The ISS error catalog: every error the service raises carries one of these stable codes and the
 * HTTP status it maps to, so the HTTP layer can answer 4xx naming the offending field.
 */
export const ISS_ERRORS = {
  ISS_VALIDATION: { status: 422, message: 'Invalid input' },
  ISS_NON_FINITE_NUMBER: { status: 422, message: 'Numbers must be finite' },
  ISS_INVALID_STRING: { status: 422, message: 'Strings must be well-formed Unicode' },
  ISS_OUT_OF_RANGE: { status: 400, message: 'Value out of range' },
  ISS_DESCRIPTOR_NOT_FOUND: { status: 404, message: 'Descriptor not found' },
  ISS_PULSE_NOT_FOUND: { status: 404, message: 'Pulse not found' },
  ISS_CHAIN_BROKEN: { status: 409, message: 'The stored chain does not verify' },
  ISS_KEY_INVALID: { status: 500, message: 'Checkpoint signing key is invalid' },
  ISS_STORAGE: { status: 500, message: 'Storage failure' },
  ISS_STORE_CLOSED: { status: 503, message: 'Store is closed' },
} as const;

/** A stable ISS error code. */
export type IssErrorCode = keyof typeof ISS_ERRORS;

/** Error thrown by ISS code; `field` names the offending input field (dotted path) when there is one. */
export class IssError extends CatalogError<IssErrorCode, unknown> {
  constructor(code: IssErrorCode, message?: string, options: CatalogErrorOptions<unknown> = {}) {
    super(code, ISS_ERRORS[code], message, options);
  }
}
