import { ServiceError, type ServiceApp } from '@svc/kernel';
import { IssError } from '../errors.js';

/** Turns an IssError into the kernel's ServiceError (same code and status; the field goes in details). */
export function toServiceError(err: unknown): unknown {
  if (!(err instanceof IssError)) return err;
  const details = err.details ?? (err.field ? [{ field: err.field, message: err.message }] : undefined);
  return new ServiceError(err.code, err.statusCode, err.message, details);
}

/**
 * Wraps every route registered after this call so domain and adapter errors (IssError, which
 * stays free of the HTTP kernel) answer with their catalog code and status instead of a 500.
 */
export function mapIssErrors(app: ServiceApp): void {
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = async function wrapped(this: unknown, request, reply) {
      try {
        return await (handler as (this: unknown, ...args: unknown[]) => unknown).call(this, request, reply);
      } catch (err) {
        throw toServiceError(err);
      }
    };
  });
}
