/**
 * `POST {prefix}/validation/validate`: structural, statistical and domain checks of a causal model.
 */
import { Type } from '@svc/kernel';
import type { ServiceApp } from '@svc/kernel';
import { validateModel } from '../../domain/validation/model-validation.js';
import type { ValidationRequest } from '../../domain/validation/model-validation.js';
import { StructuralModelSchema } from '../counterfactual/counterfactual-routes.js';
import type { BusinessEventSink } from '../preferences/user-state-store.js';

export const ValidateBodySchema = Type.Object({
  dag: Type.Object({
    nodes: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 }),
    edges: Type.Array(
      Type.Union([
        Type.Array(Type.String({ maxLength: 100 }), { minItems: 2, maxItems: 2 }),
        Type.Object({ from: Type.String({ maxLength: 100 }), to: Type.String({ maxLength: 100 }) }),
      ]),
      { maxItems: 5000 },
    ),
  }),
  structural_model: Type.Optional(StructuralModelSchema),
  context: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  validation_level: Type.Optional(
    Type.Union([Type.Literal('basic'), Type.Literal('standard'), Type.Literal('comprehensive')], {
      default: 'standard',
    }),
  ),
});

export interface ValidationRouteOptions {
  prefix: string;
  onEvent?: BusinessEventSink;
}

/** Registers the validation route. */
export function registerValidationRoutes(app: ServiceApp, options: ValidationRouteOptions): void {
  app.post(
    `${options.prefix}/validation/validate`,
    {
      schema: {
        summary: 'Validate a causal model',
        description:
          'basic: graph checks; standard: + structural equations against the graph; comprehensive: + domain conventions. ' +
          'A flawed model is reported in the checks (200); unreadable input is a 400.',
        tags: ['validation'],
        body: ValidateBodySchema,
      },
    },
    (request) => {
      const result = validateModel(request.body as ValidationRequest);
      options.onEvent?.('validation');
      return Promise.resolve(result);
    },
  );
}
