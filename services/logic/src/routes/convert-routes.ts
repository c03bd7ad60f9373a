import { Type, type ServiceApp, type Static } from '@svc/kernel';
import type { LogicRuntime } from './logic-runtime.js';
import { answering } from './service-errors.js';

const conversion = Type.Object(
  {
    success: Type.Boolean(),
    fol: Type.String({ description: 'one Unicode formula per converted sentence, newline-separated' }),
    confidence: Type.Number({ minimum: 0, maximum: 1, description: 'share of the words the grammar interpreted' }),
    warnings: Type.Array(Type.String()),
    sentences: Type.Array(
      Type.Object({ text: Type.String(), status: Type.String(), fol: Type.Optional(Type.String()), tptp: Type.Optional(Type.String()) }),
    ),
  },
  { additionalProperties: true },
);

/** `POST /convert` and `POST /convert/batch`: controlled English to first-order logic. */
export function registerConvertRoutes(app: ServiceApp, runtime: LogicRuntime): void {
  app.post(
    '/convert',
    {
      schema: {
        summary: 'Convert English to first-order logic',
        tags: ['logic'],
        body: Type.Object({ text: Type.String({ description: 'one or more sentences of controlled English' }) }, { additionalProperties: false }),
        response: { 200: conversion },
      },
    },
    (request) => answering(() => present(runtime.convert(request.body.text))),
  );

  app.post(
    '/convert/batch',
    {
      schema: {
        summary: 'Convert many texts; answers keep input order and one bad item fails alone',
        tags: ['logic'],
        body: Type.Object(
          { texts: Type.Array(Type.String()), parallel: Type.Optional(Type.Boolean({ default: true })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object(
                {
                  ok: Type.Boolean(),
                  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) })),
                },
                { additionalProperties: true },
              ),
            ),
          }),
        },
      },
    },
    (request) =>
      answering(async () => {
        const items = await runtime.convertBatch(request.body.texts, { parallel: request.body.parallel ?? true });
        return { results: items.map((item) => (item.ok ? { ok: true, ...present(item.result) } : item)) };
      }),
  );
}

/** The answer body: the result without the AST. */
export function present(result: ReturnType<LogicRuntime['convert']>): Static<typeof conversion> {
  return {
    success: result.success,
    fol: result.fol,
    confidence: result.confidence,
    warnings: [...result.warnings],
    sentences: result.sentences.map((s) => ({ text: s.text, status: s.status, ...(s.fol === undefined ? {} : { fol: s.fol }) })),
  };
}
