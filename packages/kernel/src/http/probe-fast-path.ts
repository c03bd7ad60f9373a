import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Probe, ProbeAnswer } from '../health/health-routes.js';

export interface ProbeFastPathSettings {
  /** Exact paths answered here (`/health`, `/ready`). */
  readonly probes: ReadonlyMap<string, Probe>;
  /** The headers every kernel response carries (helmet's), set on probe answers too. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request id for the incoming `x-request-id` header (the same rule Fastify's genReqId uses). */
  readonly requestId: (incoming: string | string[] | undefined) => string;
  /** Counts the answer in the HTTP metrics, as Fastify's onResponse hook does. */
  readonly observe: (method: string, route: string, statusCode: number, seconds: number) => void;
  /** True while requests must take the full pipeline: draining, or probes being logged (debug). */
  readonly bypass: () => boolean;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** The options Fastify passes a server factory (its own, with defaults applied), as far as HTTP/1 uses them. */
interface FactoryOptions {
  readonly http?: ServerOptions;
  readonly keepAliveTimeout?: number;
  readonly requestTimeout?: number;
  readonly connectionTimeout?: number;
  readonly maxRequestsPerSocket?: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Fastify's `serverFactory`: an HTTP/1 server that answers `GET /health` and `GET /ready` itself, before
 * Fastify's request pipeline, and hands every other request to Fastify. Orchestrators and load balancers
 * call the probes constantly, so they should cost little more than a bare node:http answer (the pattern
 * of @godaddy/terminus). The answer is the same as the Fastify routes' (one `createProbes` computes it)
 * with the same headers, request id and metrics. Anything else goes to Fastify: another method, a query
 * string, draining (`connection: close`, 503 on closing) and debug logging (probes are logged at debug
 * level); with CORS configured the kernel does not use this server at all. The server gets the options
 * Fastify would set on its own.
 */
export function probeFastPathServer(settings: ProbeFastPathSettings) {
  const fixedHeaders = Object.entries(settings.headers).flat();
  const answer = (
    request: IncomingMessage,
    response: ServerResponse,
    started: number,
    result: ProbeAnswer,
  ) => {
    const body = JSON.stringify(result.body);
    response.writeHead(result.statusCode, [
      'x-request-id',
      settings.requestId(request.headers['x-request-id']),
      ...fixedHeaders,
      'content-type',
      JSON_TYPE,
      'content-length',
      String(Buffer.byteLength(body)),
    ]);
    response.end(body);
    settings.observe('GET', request.url ?? '', result.statusCode, (performance.now() - started) / 1000);
  };

  return (fastify: Handler, options: FactoryOptions): Server => {
    const server = createServer(options.http ?? {}, (request, response) => {
      const probe =
        request.method === 'GET' && request.url !== undefined ? settings.probes.get(request.url) : undefined;
      if (probe === undefined || settings.bypass()) {
        fastify(request, response);
        return;
      }
      const started = performance.now();
      const result = probe();
      if (result instanceof Promise) {
        result.then(
          (settled) => answer(request, response, started, settled),
          () => fastify(request, response),
        );
      } else {
        answer(request, response, started, result);
      }
    });
    // What Fastify's own factory sets on the HTTP/1 server it would have created.
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
