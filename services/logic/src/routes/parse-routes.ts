import { Type, type ServiceApp } from '@svc/kernel';
import { LOGICS } from './logic-selection.js';
import type { LogicRuntime } from './logic-runtime.js';
import { answering } from './service-errors.js';

/** `POST /parse` and `GET /capabilities`. */
export function registerParseRoutes(app: ServiceApp, runtime: LogicRuntime): void {
  app.post(
    '/parse',
    {
      schema: {
        summary: 'Parse a formula (Unicode, ASCII, TPTP) or a TPTP problem and print it in every notation',
        tags: ['logic'],
        body: Type.Object(
          {
            formula: Type.String(),
            logic: Type.Optional(
              Type.Union(LOGICS.map((l) => Type.Literal(l)), {
                default: 'fol',
                description: 'SDL reads the letter operators O, P, F; LTL reads G, F, X; other logics read letters as names',
              }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    (request) => answering(() => runtime.parse(request.body.formula, 'formula', request.body.logic)),
  );

  app.get(
    '/capabilities',
    {
      schema: {
        summary: 'Logics, engines, notations and limits',
        tags: ['logic'],
        response: { 200: Type.Object({ logics: Type.Array(Type.String()) }, { additionalProperties: true }) },
      },
    },
    () => runtime.capabilities() as { logics: string[] },
  );
}
