/**
 * Turns the domain's InvolutionError into the kernel's ServiceError, so every expected failure answers
 * the one error body with its catalog code and the offending field in `details.field`.
 */
import { ServiceError } from '@svc/kernel';
import { InvolutionError } from '../errors.js';

/** The kernel error for a domain error; anything else is returned unchanged (a 500 to the kernel). */
export function toServiceError(error: unknown): unknown {
  if (!(error instanceof InvolutionError)) return error;
  const details: Record<string, unknown> = { ...(error.field === undefined ? {} : { field: error.field }), ...error.details };
  return new ServiceError(error.code, error.statusCode, error.message, details);
}

/**
 * Runs domain code, rethrowing its errors as ServiceErrors.
 * @example const chart = runDomain(() => computePositions(provider, input, bodies));
 */
export function runDomain<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toServiceError(error);
  }
}
