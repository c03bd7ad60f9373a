/**
 * `POST {prefix}/team/align`: weighted aggregation across roles, Pareto front and recommendation.
 */
import { Type } from '@svc/kernel';
import type { ServiceApp } from '@svc/kernel';
import { alignTeam } from '../../domain/team/team-alignment.js';
import type { BusinessEventSink } from '../preferences/user-state-store.js';

export const TeamAlignBodySchema = Type.Object({
  perspectives: Type.Array(
    Type.Object({
      role: Type.String({ minLength: 1, maxLength: 100 }),
      priorities: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 }),
      constraints: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 }),
      preferred_options: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
      weight: Type.Optional(Type.Number({ minimum: 0 })),
      attribute_weights: Type.Optional(Type.Record(Type.String(), Type.Number({ minimum: 0 }))),
    }),
    { minItems: 2, maxItems: 20 },
  ),
  options: Type.Array(
    Type.Object({
      id: Type.String({ minLength: 1, maxLength: 100 }),
      name: Type.String({ minLength: 1, maxLength: 200 }),
      attributes: Type.Record(Type.String(), Type.Unknown()),
    }),
    { minItems: 2, maxItems: 50 },
  ),
});

export interface TeamRouteOptions {
  prefix: string;
  onEvent?: BusinessEventSink;
}

/** Registers the team alignment route. */
export function registerTeamRoutes(app: ServiceApp, options: TeamRouteOptions): void {
  app.post(
    `${options.prefix}/team/align`,
    {
      schema: {
        summary: 'Align a team on a decision',
        description:
          'Scores each option per role, aggregates with role weights, returns the Pareto front over roles and a recommendation with its reason.',
        tags: ['team'],
        body: TeamAlignBodySchema,
      },
    },
    (request) => {
      const result = alignTeam(request.body);
      options.onEvent?.('team_alignment');
      return Promise.resolve(result);
    },
  );
}
