/**
 * `POST {prefix}/causal/counterfactual`: counterfactuals by abduction–action–prediction with
 * evidence, the interventional distribution by seeded Monte Carlo without.
 */
import { Type } from '@svc/kernel';
import type { ServiceApp } from '@svc/kernel';
import { counterfactual, MAX_SAMPLES } from '../../domain/scm/counterfactual.js';
import type { CounterfactualRequest, CounterfactualResponse } from '../../domain/scm/counterfactual.js';
import type { BusinessEventSink } from '../preferences/user-state-store.js';

const NumberMap = Type.Record(Type.String(), Type.Number());

/** The structural causal model schema, shared with the sensitivity route. */
export const StructuralModelSchema = Type.Object({
  variables: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })),
  equations: Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 4096 }), Type.Number()])),
  distributions: Type.Optional(
    Type.Record(
      Type.String(),
      Type.Object({
        type: Type.String({ description: 'normal, uniform, bernoulli, constant or exponential' }),
        parameters: Type.Optional(NumberMap),
        params: Type.Optional(NumberMap),
      }),
    ),
  ),
});

export const CounterfactualBodySchema = Type.Object({
  model: StructuralModelSchema,
  intervention: NumberMap,
  outcome: Type.String({ minLength: 1, maxLength: 100 }),
  context: Type.Optional(NumberMap),
  evidence: Type.Optional(NumberMap),
  samples: Type.Optional(Type.Integer({ minimum: 2, maximum: MAX_SAMPLES })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })),
});

export interface CounterfactualRouteOptions {
  /** API prefix, e.g. `/api/v1`. */
  prefix: string;
  /** Runs the computation; defaults to in-process. Plug a worker pool here to keep the event loop free. */
  compute?: (request: CounterfactualRequest) => Promise<CounterfactualResponse>;
  onEvent?: BusinessEventSink;
}

/** Registers the counterfactual route. */
export function registerCounterfactualRoutes(app: ServiceApp, options: CounterfactualRouteOptions): void {
  const compute = options.compute ?? ((request) => Promise.resolve(counterfactual(request)));
  app.post(
    `${options.prefix}/causal/counterfactual`,
    {
      schema: {
        summary: 'Counterfactual or interventional prediction from a structural causal model',
        description:
          'With `evidence` (facts about one unit) the answer is a true counterfactual (abduction, action, prediction); ' +
          'without, the interventional distribution by seeded Monte Carlo. Identical requests give identical responses.',
        tags: ['causal'],
        body: CounterfactualBodySchema,
      },
    },
    async (request) => {
      const result = await compute(request.body);
      options.onEvent?.('counterfactual');
      return result;
    },
  );
}
