/**
 * The Inference Service Layer's one error catalog.
 *
 * Each entry is a stable code with its HTTP status and a short title. Domain code throws
 * `IslError` with one of these codes plus the offending `field` and `details`, so the HTTP
 * layer can answer a 4xx that names the field. Append new codes at the end of the map.
 */
import { ServiceError } from '@svc/kernel';

export const ISL_ERRORS = {
  ISL_INVALID_INPUT: { status: 400, title: 'Invalid input' },
  ISL_GRAPH_CYCLE: { status: 400, title: 'Graph contains a directed cycle' },
  ISL_GRAPH_SELF_LOOP: { status: 400, title: 'Graph contains a self-loop' },
  ISL_GRAPH_DUPLICATE_NODE: { status: 400, title: 'Graph declares a node twice' },
  ISL_GRAPH_UNKNOWN_NODE: { status: 400, title: 'Edge or query refers to a node not in the graph' },
  ISL_GRAPH_TOO_LARGE: { status: 422, title: 'Graph exceeds the size limit for this computation' },
  ISL_NOT_IDENTIFIABLE: { status: 422, title: 'Causal effect is not identifiable from the graph' },
  ISL_DATA_INVALID: { status: 400, title: 'Data rows or CSV are malformed' },
  ISL_ESTIMATION_FAILED: { status: 422, title: 'Effect could not be estimated from the data' },
  ISL_EXPRESSION_INVALID: { status: 400, title: 'Structural equation is not a valid safe expression' },
  ISL_MODEL_INVALID: { status: 400, title: 'Structural causal model is malformed' },
  ISL_MODEL_CYCLE: { status: 400, title: 'Structural equations depend on each other in a cycle' },
  ISL_MODEL_UNKNOWN_SYMBOL: { status: 400, title: 'Equation refers to a symbol the model does not define' },
  ISL_EVIDENCE_INCONSISTENT: { status: 422, title: 'Evidence cannot be explained by the model' },
  ISL_UNKNOWN_CONCEPT: { status: 400, title: 'Unknown teaching concept' },
  ISL_QUERY_NOT_FOUND: { status: 404, title: 'Preference query not found or expired' },
  ISL_STORAGE_UNAVAILABLE: { status: 503, title: 'User-state storage (Redis) is unavailable' },
  ISL_COMPUTE_TIMEOUT: { status: 504, title: 'Computation exceeded its time limit' },
  ISL_COMPUTE_OVERLOADED: { status: 503, title: 'Too many computations are waiting; retry later' },
} as const;

/** A stable error code from the catalog. */
export type IslErrorCode = keyof typeof ISL_ERRORS;

/**
 * A domain error carrying a catalog code, the offending input field and structured details.
 * It is a kernel `ServiceError`, so the kernel's error handler answers with the catalog status,
 * code and message (which names the field); `details` go to the body as given.
 */
export class IslError extends ServiceError {
  declare readonly code: IslErrorCode;
  declare readonly details: Record<string, unknown> | undefined;
  readonly field: string | undefined;

  constructor(
    code: IslErrorCode,
    message: string,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(code, ISL_ERRORS[code].status, message, options.details);
    this.name = 'IslError';
    this.field = options.field;
  }
}

/**
 * The error as the HTTP body should carry it: the kernel's body sends `code`, `message` and `details`
 * only, so the offending `field` is merged into `details` (`{ field, ...details }`).
 */
export function toWireError(error: IslError): ServiceError {
  if (error.field === undefined) return error;
  return new ServiceError(error.code, error.statusCode, error.message, {
    field: error.field,
    ...error.details,
  });
}
