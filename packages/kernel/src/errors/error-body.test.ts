import { describe, expect, it } from 'vitest';
import { toErrorBody } from './error-body.js';
import { defineErrorCatalog, ServiceError } from './service-error.js';

describe('defineErrorCatalog', () => {
  const errors = defineErrorCatalog({ DEMO_MISSING: { status: 404, message: 'no such thing' } });

  it('makes factories carrying the code, status and default message', () => {
    const error = errors.DEMO_MISSING();
    expect(error).toBeInstanceOf(ServiceError);
    expect([error.code, error.statusCode, error.message]).toEqual(['DEMO_MISSING', 404, 'no such thing']);
    expect(errors.DEMO_MISSING('thing 7 is gone').message).toBe('thing 7 is gone');
  });

  it('refuses codes that are not UPPER_SNAKE_CASE and unknown statuses', () => {
    expect(() => defineErrorCatalog({ badCode: { status: 400, message: 'x' } })).toThrow(/UPPER_SNAKE_CASE/);
    expect(() => defineErrorCatalog({ BAD_STATUS: { status: 799, message: 'x' } })).toThrow(
      /unknown HTTP status/,
    );
  });
});

describe('toErrorBody', () => {
  it('renders a ServiceError with its details', () => {
    const body = toErrorBody(new ServiceError('ISS_X', 409, 'conflict here', { index: 3 }), 'req-1');
    expect(body).toEqual({
      statusCode: 409,
      code: 'ISS_X',
      error: 'Conflict',
      message: 'conflict here',
      details: { index: 3 },
      requestId: 'req-1',
    });
  });

  it('names the field of a schema error, including a missing property', () => {
    const thrown = {
      statusCode: 400,
      code: 'FST_ERR_VALIDATION',
      validationContext: 'body',
      validation: [
        { instancePath: '/latitude', message: 'must be <= 90', params: {} },
        {
          instancePath: '',
          message: "must have required property 'name'",
          params: { missingProperty: 'name' },
        },
      ],
    };
    const body = toErrorBody(thrown, 'req-2', { validationStatus: 422 });
    expect(body.statusCode).toBe(422);
    expect(body.code).toBe('KERNEL_VALIDATION_FAILED');
    expect(body.details).toEqual([
      { field: 'body/latitude', message: 'must be <= 90' },
      { field: 'body/name', message: "must have required property 'name'" },
    ]);
  });

  it("answers a service's own catalogued error class with its code, status and field", () => {
    class DomainError extends Error {
      readonly statusCode = 422;
      constructor(
        readonly code: string,
        message: string,
        readonly field?: string,
        readonly details?: unknown,
      ) {
        super(message);
      }
    }
    const thrown = new DomainError('INVOLUTION_UNKNOWN_BODY', 'unknown body "Vulcan"', 'bodies[2]', {
      valid: ['Sun', 'Moon'],
    });
    expect(toErrorBody(thrown, 'r')).toEqual({
      statusCode: 422,
      code: 'INVOLUTION_UNKNOWN_BODY',
      error: 'Unprocessable Entity',
      message: 'unknown body "Vulcan"',
      details: { field: 'bodies[2]', valid: ['Sun', 'Moon'] },
      requestId: 'r',
    });
  });

  it('does not mistake a Node system error for a catalogued one', () => {
    const thrown = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ERR_SOCKET_BAD_PORT',
      statusCode: 400,
    });
    expect(toErrorBody(thrown, 'r').code).toBe('KERNEL_BAD_REQUEST');
  });

  it('maps a too-large body to 413 with a stable code', () => {
    const body = toErrorBody(
      { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large' },
      'r',
    );
    expect([body.statusCode, body.code]).toEqual([413, 'KERNEL_PAYLOAD_TOO_LARGE']);
  });

  it('hides the message and stack of an unexpected error', () => {
    const body = toErrorBody(new TypeError('secret internals at /srv/app.js:12'), 'r');
    expect(body).toEqual({
      statusCode: 500,
      code: 'KERNEL_INTERNAL',
      error: 'Internal Server Error',
      message: 'internal server error',
      requestId: 'r',
    });
  });
});
