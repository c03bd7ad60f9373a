/**
 * The guide's serverless deployment: an AWS Lambda handler for API Gateway events (REST API v1:
 * `httpMethod`/`path`; HTTP API v2: `rawPath`/`requestContext.http.method`), with the body as a
 * string, base64-encoded when `isBase64Encoded`.
 *
 * Routes: `POST /convert` (also the default for `/` and an absent path, as in the guide's
 * one-function deployment), `POST /convert/batch`, `POST /prove`, `POST /parse`,
 * `GET /capabilities`, `GET /health`. Input over LOGIC_MAX_INPUT_SIZE answers 400
 * `{"error":"Input too large"}` exactly as the guide's handler does; other errors answer
 * `{"error", "code", "field"}` with their status and never expose internals.
 */
import { ProofCache } from '../adapters/cache/index.js';
import { LogicError } from '../errors.js';
import { loadConfig, type LogicConfig } from '../config.js';
import { LogicRuntime } from '../routes/logic-runtime.js';
import { checkLogic } from '../routes/prove-request.js';

export interface ApiGatewayEvent {
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly httpMethod?: string;
  readonly path?: string;
  readonly rawPath?: string;
  readonly requestContext?: { readonly http?: { readonly method?: string; readonly path?: string } };
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

export interface ApiGatewayResult {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type LambdaHandler = (event: ApiGatewayEvent) => Promise<ApiGatewayResult>;

class BadRequest extends Error {}

function reply(statusCode: number, body: unknown): ApiGatewayResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function readBody(event: ApiGatewayEvent): Record<string, unknown> {
  if (event.body === undefined || event.body === null || event.body === '') return {};
  const text = event.isBase64Encoded === true ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequest('Invalid JSON body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadRequest('The body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new BadRequest(`Missing field: ${name} (a string)`);
  return value;
}

function stringList(body: Record<string, unknown>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new BadRequest(`Field ${name} must be a list of strings`);
  return value;
}

function optionalNumber(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new BadRequest(`Field ${name} must be a positive integer`);
  return value;
}

function tooLarge(size: number, config: LogicConfig): void {
  if (size > config.maxInputSize) throw new LogicError('LOGIC_INPUT_TOO_LARGE');
}

async function route(runtime: LogicRuntime, method: string, path: string, event: ApiGatewayEvent): Promise<ApiGatewayResult> {
  const config = runtime.config;
  if (method === 'GET' && path === '/health') return reply(200, { status: 'healthy' });
  if (method === 'GET' && path === '/capabilities') return reply(200, runtime.capabilities());
  if (method !== 'POST') return reply(404, { error: `No route for ${method} ${path}` });
  const body = readBody(event);
  switch (path) {
    case '':
    case '/':
    case '/convert': {
      const text = stringField(body, 'text');
      tooLarge(text.length, config);
      const result = runtime.convert(text);
      return reply(200, { success: result.success, fol: result.fol, confidence: result.confidence });
    }
    case '/convert/batch': {
      const texts = stringList(body, 'texts') ?? [];
      return reply(200, { results: await runtime.convertBatch(texts, { parallel: true }) });
    }
    case '/prove': {
      const goal = stringField(body, 'goal');
      const axioms = stringList(body, 'axioms') ?? [];
      tooLarge(goal.length + axioms.reduce((n, a) => n + a.length, 0), config);
      const logic = checkLogic(body['logic']);
      const timeout = optionalNumber(body, 'timeout_ms');
      // prove() checks it (an integer in 0–64) like every other caller's.
      const ltlBound = body['ltl_bound'] as number | undefined;
      return reply(
        200,
        await runtime.prove({
          goal,
          axioms,
          ...(logic === undefined ? {} : { logic }),
          ...(timeout === undefined ? {} : { timeout_ms: timeout }),
          ...(ltlBound === undefined ? {} : { ltl_bound: ltlBound }),
        }),
      );
    }
    case '/parse': {
      const formula = stringField(body, 'formula');
      tooLarge(formula.length, config);
      return reply(200, runtime.parse(formula, 'formula', checkLogic(body['logic'])));
    }
    default:
      return reply(404, { error: `No route for ${method} ${path}` });
  }
}

/** Warm invocations share an in-memory proof cache (L1); Lambda has no disk worth an L3. */
function lambdaRuntime(config: LogicConfig): LogicRuntime {
  const cache = config.enableCache ? new ProofCache({ maxSize: config.cacheMaxSize, ttlSeconds: config.cacheTtlSeconds }) : null;
  return new LogicRuntime(config, { cache });
}

/** A handler over a runtime of its own (built lazily, then reused across warm invocations). */
export function createLambdaHandler(config?: LogicConfig): LambdaHandler {
  let runtime: LogicRuntime | undefined;
  return async (event) => {
    try {
      runtime ??= lambdaRuntime(config ?? loadConfig());
      const method = (event.httpMethod ?? event.requestContext?.http?.method ?? 'POST').toUpperCase();
      const path = (event.rawPath ?? event.path ?? event.requestContext?.http?.path ?? '/').replace(/\/+$/, '');
      return await route(runtime, method, path, event);
    } catch (error) {
      if (error instanceof BadRequest) return reply(400, { error: error.message });
      if (error instanceof LogicError) {
        if (error.code === 'LOGIC_INPUT_TOO_LARGE') return reply(400, { error: 'Input too large' });
        return reply(error.statusCode, { error: error.message, code: error.code, ...(error.field === undefined ? {} : { field: error.field }) });
      }
      return reply(500, { error: 'Internal error' });
    }
  };
}

/**
 * The Lambda entry point (`handler: dist/serverless/lambda-handler.handler`), configured from the
 * environment like the service (LOGIC_MAX_INPUT_SIZE, LOGIC_MAX_PROOF_TIME, …).
 *
 * @example
 * await handler({ httpMethod: 'POST', path: '/convert', body: '{"text":"All cats are animals"}' })
 * // { statusCode: 200, body: '{"success":true,"fol":"∀x (Cat(x) → Animal(x))","confidence":1}', … }
 */
export const handler: LambdaHandler = createLambdaHandler();
