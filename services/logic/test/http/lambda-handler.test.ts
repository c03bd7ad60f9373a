import { describe, expect, it } from 'vitest';
import { createLambdaHandler, handler, type ApiGatewayEvent } from '../../src/serverless/lambda-handler.js';
import { loadConfig } from '../../src/config.js';

/** A REST API (v1) proxy event as API Gateway sends it, trimmed of fields the handler ignores. */
function restEvent(path: string, body: unknown, base64 = false): ApiGatewayEvent {
  const text = JSON.stringify(body);
  return {
    resource: path,
    path,
    httpMethod: 'POST',
    headers: { 'content-type': 'application/json', Host: 'abc123.execute-api.eu-west-1.amazonaws.com' },
    requestContext: { http: {} },
    body: base64 ? Buffer.from(text, 'utf8').toString('base64') : text,
    isBase64Encoded: base64,
  } as ApiGatewayEvent;
}

describe('handler (AWS Lambda, API Gateway)', () => {
  it('converts like the guide: {success, fol, confidence}', async () => {
    const response = await handler(restEvent('/convert', { text: 'All cats are animals' }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ success: true, fol: '∀x (Cat(x) → Animal(x))', confidence: 1 });
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('decodes a base64 body', async () => {
    const response = await handler(restEvent('/convert', { text: 'Socrates is a man' }, true));
    expect(JSON.parse(response.body)).toMatchObject({ fol: 'Man(socrates)' });
  });

  it('answers 400 {"error":"Input too large"} over the limit', async () => {
    const response = await handler(restEvent('/convert', { text: 'a'.repeat(10_001) }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toBe('{"error":"Input too large"}');
  });

  it('honours LOGIC_MAX_INPUT_SIZE from its configuration', async () => {
    const small = createLambdaHandler(loadConfig({ maxInputSize: 10 }, { LOGIC_CACHE_ENABLED: '0' }));
    expect((await small(restEvent('/convert', { text: 'Socrates is a man' }))).body).toBe('{"error":"Input too large"}');
  });

  it('proves through an HTTP API (v2) event', async () => {
    const event: ApiGatewayEvent = {
      rawPath: '/prove',
      requestContext: { http: { method: 'POST', path: '/prove' } },
      body: JSON.stringify({ goal: 'Socrates is mortal', axioms: ['All men are mortal', 'Socrates is a man'] }),
      isBase64Encoded: false,
    };
    const response = await handler(event);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'Theorem', proved: true });
  });

  it('answers 400 for malformed JSON and a missing field, 404 for an unknown path', async () => {
    expect(await handler({ httpMethod: 'POST', path: '/convert', body: '{"text":' })).toMatchObject({ statusCode: 400, body: '{"error":"Invalid JSON body"}' });
    expect(await handler(restEvent('/convert', { txt: 'x' }))).toMatchObject({ statusCode: 400, body: '{"error":"Missing field: text (a string)"}' });
    expect((await handler(restEvent('/nowhere', {}))).statusCode).toBe(404);
  });

  it('answers a catalogued error with its status and code, not internals', async () => {
    const response = await handler(restEvent('/convert', { text: "x' OR '1'='1" }));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'LOGIC_SUSPICIOUS_INPUT', field: 'text' });
  });

  it('passes logic and ltl_bound through to /prove and logic to /parse, refusing unknown values', async () => {
    const counter = await handler(restEvent('/prove', { goal: 'F p → G p', logic: 'LTL', ltl_bound: 3 }));
    expect(counter.statusCode).toBe(200);
    expect(JSON.parse(counter.body)).toMatchObject({ status: 'CounterSatisfiable', proved: false });

    const parsed = await handler(restEvent('/parse', { formula: 'O p → P p', logic: 'SDL' }));
    expect(parsed.statusCode).toBe(200);
    expect(JSON.parse(parsed.body)).toMatchObject({ formula: { unicode: 'O p → P p' } });

    const unknown = await handler(restEvent('/parse', { formula: 'p', logic: 'CTL' }));
    expect(unknown.statusCode).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ code: 'LOGIC_INVALID_OPTION', field: 'logic' });
    const bound = await handler(restEvent('/prove', { goal: 'G p → X p', logic: 'LTL', ltl_bound: 65 }));
    expect(bound.statusCode).toBe(400);
    expect(JSON.parse(bound.body)).toMatchObject({ code: 'LOGIC_INVALID_OPTION', field: 'ltl_bound' });
  });
});
