import { STATUS_CODES } from 'node:http';

/** An error with a stable code and an HTTP status: what every handler throws for an expected failure. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export interface ErrorSpec {
  /** HTTP status answered for this error. */
  readonly status: number;
  /** Message used when the thrower gives none. */
  readonly message: string;
}

export type ErrorCatalog<C extends Record<string, ErrorSpec>> = {
  readonly [K in keyof C]: (message?: string, details?: unknown) => ServiceError;
} & { readonly specs: C };

/**
 * Turns a package's list of error codes into factories, so every failure it reports has a stable
 * code and status.
 *
 * @example
 * export const errors = defineErrorCatalog({
 *   ISS_DESCRIPTOR_NOT_FOUND: { status: 404, message: 'descriptor not found' },
 * });
 * throw errors.ISS_DESCRIPTOR_NOT_FOUND(`no descriptor ${id}`);
 */
export function defineErrorCatalog<C extends Record<string, ErrorSpec>>(specs: C): ErrorCatalog<C> {
  const catalog: Record<string, unknown> = { specs };
  for (const [code, spec] of Object.entries(specs)) {
    if (!/^[A-Z][A-Z0-9_]+$/.test(code)) throw new Error(`error code ${code} must be UPPER_SNAKE_CASE`);
    if (!STATUS_CODES[spec.status])
      throw new Error(`error code ${code} has unknown HTTP status ${spec.status}`);
    catalog[code] = (message?: string, details?: unknown) =>
      new ServiceError(code, spec.status, message ?? spec.message, details);
  }
  return catalog as ErrorCatalog<C>;
}
