import { defineErrorCatalog } from './service-error.js';

/** Errors the kernel itself answers with, before or around a service's handlers. */
export const kernelErrors = defineErrorCatalog({
  KERNEL_VALIDATION_FAILED: { status: 400, message: 'request validation failed' },
  KERNEL_BAD_REQUEST: { status: 400, message: 'bad request' },
  KERNEL_HOST_NOT_ALLOWED: { status: 400, message: 'host not allowed' },
  KERNEL_NOT_FOUND: { status: 404, message: 'route not found' },
  KERNEL_METHOD_NOT_ALLOWED: { status: 405, message: 'method not allowed' },
  KERNEL_PAYLOAD_TOO_LARGE: { status: 413, message: 'request body too large' },
  KERNEL_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'unsupported content type' },
  KERNEL_RATE_LIMITED: { status: 429, message: 'too many requests' },
  KERNEL_INTERNAL: { status: 500, message: 'internal server error' },
  KERNEL_UNAVAILABLE: { status: 503, message: 'service unavailable' },
  KERNEL_TIMEOUT: { status: 504, message: 'request timed out' },
});
