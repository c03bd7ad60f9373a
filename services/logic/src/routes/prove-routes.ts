import { Type, type ServiceApp, type Static } from '@svc/kernel';
import { LOGICS } from './logic-selection.js';
import { MAX_LTL_BOUND } from './prove-request.js';
import type { LogicRuntime } from './logic-runtime.js';
import { answering } from './service-errors.js';

const proofStep = Type.Object(
  {
    id: Type.Integer(),
    clause: Type.String(),
    rule: Type.String(),
    parents: Type.Array(Type.Integer()),
    source: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

const proveResponse = Type.Object(
  {
    status: Type.String({ description: 'SZS status' }),
    proved: Type.Boolean(),
    proof_steps: Type.Array(proofStep),
    elapsed_ms: Type.Number(),
    cached: Type.Boolean(),
    cid: Type.String({ description: 'CIDv1 (raw, sha2-256) of the canonical question' }),
    engine: Type.String(),
    logic: Type.String(),
    goal: Type.String(),
    axioms: Type.Array(Type.String()),
    timeout_ms: Type.Integer(),
    cache_tier: Type.Optional(Type.String()),
    prover_elapsed_ms: Type.Number(),
    model: Type.Optional(Type.Unknown()),
    reason: Type.Optional(Type.String()),
    debug: Type.Optional(Type.Object({ tptp: Type.String(), stats: Type.Optional(Type.Record(Type.String(), Type.Number())) })),
  },
  { additionalProperties: false },
);

/** `POST /prove`: does the goal follow from the axioms in the chosen logic? */
export function registerProveRoutes(app: ServiceApp, runtime: LogicRuntime): void {
  app.post(
    '/prove',
    {
      schema: {
        summary: 'Prove a goal from axioms (formulas or controlled English)',
        tags: ['logic'],
        body: Type.Object(
          {
            goal: Type.String({ description: 'formula (Unicode, ASCII, TPTP) or English sentence' }),
            axioms: Type.Optional(Type.Array(Type.String())),
            logic: Type.Optional(Type.Union(LOGICS.map((l) => Type.Literal(l)), { default: 'fol' })),
            timeout_ms: Type.Optional(Type.Integer({ minimum: 1, description: 'capped by LOGIC_MAX_PROOF_TIME' })),
            engine: Type.Optional(Type.String({ description: 'native (default), z3 or eprover when available' })),
            ltl_bound: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_LTL_BOUND, description: 'LTL: decide over traces cut at this position' })),
            syntax: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('formula'), Type.Literal('english')])),
          },
          { additionalProperties: false },
        ),
        response: {
          200: proveResponse,
        },
      },
    },
    // Readonly arrays in the runtime's answer are the only difference from the schema's type.
    (request) => answering(async () => (await runtime.prove(request.body)) as Static<typeof proveResponse>),
  );
}
