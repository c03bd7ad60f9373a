import { ServiceError } from '@svc/kernel';
import { LogicError } from '../errors.js';

/** A catalogued LogicError as the kernel's ServiceError, so the error body keeps its code and field. */
export function toServiceError(error: unknown): unknown {
  if (!(error instanceof LogicError)) return error;
  const details = { ...(error.field === undefined ? {} : { field: error.field }), ...error.details };
  return new ServiceError(error.code, error.statusCode, error.message, details);
}

/** Runs a handler body, answering LogicErrors with their own code and status. */
export async function answering<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toServiceError(error);
  }
}
