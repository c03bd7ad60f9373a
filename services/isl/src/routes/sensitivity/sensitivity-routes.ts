/**
 * `POST {prefix}/analysis/sensitivity`: tornado data, breakpoints and E-values.
 */
import { Type } from '@svc/kernel';
import type { ServiceApp } from '@svc/kernel';
import { sensitivityAnalysis } from '../../domain/sensitivity/sensitivity-analysis.js';
import type {
  SensitivityRequest,
  SensitivityResponse,
} from '../../domain/sensitivity/sensitivity-analysis.js';
import { StructuralModelSchema } from '../counterfactual/counterfactual-routes.js';
import type { BusinessEventSink } from '../preferences/user-state-store.js';

export const SensitivityBodySchema = Type.Object({
  model: StructuralModelSchema,
  assumptions: Type.Array(
    Type.Object({
      name: Type.String({ minLength: 1, maxLength: 200 }),
      variable: Type.Optional(Type.String({ maxLength: 100 })),
      current_value: Type.Number(),
      type: Type.Optional(Type.String({ maxLength: 50 })),
      variation_range: Type.Optional(Type.Object({ min: Type.Number(), max: Type.Number() })),
    }),
    { minItems: 1, maxItems: 50 },
  ),
  outcome: Type.Optional(Type.String({ maxLength: 100 })),
  intervention: Type.Optional(Type.Record(Type.String(), Type.Number())),
  context: Type.Optional(Type.Record(Type.String(), Type.Number())),
  threshold: Type.Optional(Type.Number()),
  baseline_result: Type.Optional(Type.Number()),
  effect_estimates: Type.Optional(
    Type.Array(
      Type.Object({
        name: Type.Optional(Type.String({ maxLength: 200 })),
        type: Type.Union([
          Type.Literal('risk_ratio'),
          Type.Literal('odds_ratio'),
          Type.Literal('hazard_ratio'),
          Type.Literal('standardized_mean_difference'),
        ]),
        estimate: Type.Number(),
        lower: Type.Optional(Type.Number()),
        upper: Type.Optional(Type.Number()),
        se: Type.Optional(Type.Number({ minimum: 0 })),
        rare_outcome: Type.Optional(Type.Boolean()),
      }),
      { maxItems: 50 },
    ),
  ),
});

export interface SensitivityRouteOptions {
  prefix: string;
  /** Runs the computation; defaults to in-process. */
  compute?: (request: SensitivityRequest) => Promise<SensitivityResponse>;
  onEvent?: BusinessEventSink;
}

/** Registers the sensitivity route. */
export function registerSensitivityRoutes(app: ServiceApp, options: SensitivityRouteOptions): void {
  const compute = options.compute ?? ((request) => Promise.resolve(sensitivityAnalysis(request)));
  app.post(
    `${options.prefix}/analysis/sensitivity`,
    {
      schema: {
        summary: 'Sensitivity of a conclusion to its assumptions',
        description:
          "Re-runs the structural model over each assumption's range: tornado data (shares sum to 100%), " +
          'breakpoints where "outcome ≥ threshold" flips, and E-values for effect estimates.',
        tags: ['analysis'],
        body: SensitivityBodySchema,
      },
    },
    async (request) => {
      const result = await compute(request.body);
      options.onEvent?.('sensitivity_analysis');
      return result;
    },
  );
}
