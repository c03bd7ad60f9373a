/**
 * Forwards a request to an engine over HTTP with only safe headers. Clients may send anything; the
 * engine sees the allow-listed headers, the gateway's request id and the client address the gateway
 * itself resolved (request.ip honours TRUST_PROXY), never the client's own X-Forwarded-* or hop-by-hop
 * headers, which would let it spoof its address past the engine's rate limits.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Request headers passed on to the engine. */
export const FORWARDED_REQUEST_HEADERS = ['accept', 'if-none-match'] as const;

/** Engine response headers passed back to the client. */
export const RETURNED_RESPONSE_HEADERS = ['content-type', 'etag', 'cache-control', 'x-cache'] as const;

/** The engine's answer. */
export interface UpstreamAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Builds the header set sent upstream from the client's headers. */
export function upstreamHeaders(incoming: IncomingHttpHeaders, requestId: string, clientIp: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId, 'x-forwarded-for': clientIp };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/**
 * POSTs `body` (JSON) to `url`.
 * @throws Error when the engine cannot be reached or does not answer within `timeoutMs`.
 */
export async function forwardJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<UpstreamAnswer> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  const returned: Record<string, string> = {};
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) returned[name] = value;
  }
  return { status: response.status, headers: returned, body: await response.text() };
}

/** GETs an engine's /health within `timeoutMs`; never throws. */
export async function probeEngine(baseUrl: string, timeoutMs: number): Promise<{ reachable: boolean; status?: string; error?: string }> {
  try {
    const response = await fetch(new URL('/health', baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { status?: string };
    return { reachable: response.ok, ...(body.status ? { status: body.status } : {}) };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
}
