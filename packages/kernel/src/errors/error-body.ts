import { STATUS_CODES } from 'node:http';
import { ServiceError } from './service-error.js';

/** The one error body every service answers with. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  details?: unknown;
  requestId: string;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  field?: string;
  details?: unknown;
  validation?: {
    instancePath?: string;
    message?: string;
    params?: Record<string, unknown>;
    keyword?: string;
  }[];
  validationContext?: string;
}

/** Fastify's own 4xx codes, mapped to the kernel's stable codes. */
const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'KERNEL_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'KERNEL_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'KERNEL_BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'KERNEL_BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'KERNEL_BAD_REQUEST',
  FST_ERR_VALIDATION: 'KERNEL_VALIDATION_FAILED',
};

export interface ErrorBodyOptions {
  /** Status for schema validation failures: 400 (default) or 422, per service. */
  readonly validationStatus?: 400 | 422;
}

/**
 * Turns anything thrown into the error body and its status. Unknown errors become a 500 whose
 * message says nothing about internals; the caller logs the original.
 */
export function toErrorBody(thrown: unknown, requestId: string, options: ErrorBodyOptions = {}): ErrorBody {
  if (thrown instanceof ServiceError) {
    return body(thrown.statusCode, thrown.code, thrown.message, requestId, thrown.details);
  }
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as FastifyLikeError;
  if (isCataloguedError(error)) {
    return body(error.statusCode, error.code, error.message ?? '', requestId, detailsWithField(error));
  }
  if (error.validation) {
    const details = error.validation.map((issue) => ({
      field: fieldPath(error.validationContext, issue.instancePath, issue.params),
      message: issue.message ?? 'invalid',
    }));
    const summary = details.map((d) => `${d.field} ${d.message}`).join('; ');
    return body(options.validationStatus ?? 400, 'KERNEL_VALIDATION_FAILED', summary, requestId, details);
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = (error.code && FASTIFY_CODES[error.code]) ?? codeForStatus(status);
    return body(status, code, error.message ?? STATUS_CODES[status] ?? 'bad request', requestId);
  }
  return body(500, 'KERNEL_INTERNAL', 'internal server error', requestId);
}

/**
 * A service's own error class needs not extend ServiceError: anything carrying a stable catalog code
 * (UPPER_SNAKE, not a Fastify or Node code) and an HTTP status is answered as that error.
 */
function isCataloguedError(
  error: FastifyLikeError,
): error is FastifyLikeError & { code: string; statusCode: number } {
  return (
    typeof error.code === 'string' &&
    /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(error.code) &&
    !/^(FST|ERR)_/.test(error.code) &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode <= 599
  );
}

/** The offending field travels in `details.field`, so a client can point at it. */
function detailsWithField(error: FastifyLikeError): unknown {
  if (error.field === undefined) return error.details;
  if (error.details === undefined) return { field: error.field };
  if (typeof error.details === 'object' && error.details !== null && !Array.isArray(error.details)) {
    return { field: error.field, ...error.details };
  }
  return { field: error.field, info: error.details };
}

function body(
  statusCode: number,
  code: string,
  message: string,
  requestId: string,
  details?: unknown,
): ErrorBody {
  const result: ErrorBody = {
    statusCode,
    code,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    requestId,
  };
  if (details !== undefined) result.details = details;
  return result;
}

function codeForStatus(status: number): string {
  if (status === 404) return 'KERNEL_NOT_FOUND';
  if (status === 405) return 'KERNEL_METHOD_NOT_ALLOWED';
  if (status === 413) return 'KERNEL_PAYLOAD_TOO_LARGE';
  if (status === 415) return 'KERNEL_UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'KERNEL_RATE_LIMITED';
  return 'KERNEL_BAD_REQUEST';
}

/** `body/latitude`, or `body/name` for a missing required property (ajv reports those on the parent). */
function fieldPath(
  context: string | undefined,
  instancePath = '',
  params: Record<string, unknown> = {},
): string {
  const missing = params['missingProperty'];
  const extra = params['additionalProperty'];
  const leaf = typeof missing === 'string' ? `/${missing}` : typeof extra === 'string' ? `/${extra}` : '';
  return `${context ?? 'request'}${instancePath}${leaf}`;
}
