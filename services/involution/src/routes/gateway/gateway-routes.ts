/**
 * The gateway's endpoints: POST /calculate routed by date to the modern (DE440) or historical (DE441)
 * engine, and GET /routing describing (or, given a year, applying) the policy.
 */
import { ServiceError, Type, type ServiceApp } from '@svc/kernel';
import { parseBirthTime } from '../../domain/chart/birth-time.js';
import { runDomain } from '../domain-errors.js';
import { forwardJson, upstreamHeaders } from './forward-request.js';
import { decideRoute, historicalSolutions, type RouteDecision, type RoutingPolicy, type YearSpan } from './route-decision.js';

/** Where the two engines listen and how long to wait for them. */
export interface GatewayTargets {
  modernUrl: string;
  historicalUrl: string;
  timeoutMs: number;
}

const kernelQuery = Type.Object({
  kernel: Type.Optional(Type.Enum(['de440', 'de441'], { description: 'force an engine' })),
});

const calculateBody = Type.Object(
  {
    birth_time: Type.String({ minLength: 1, description: 'ISO 8601 with a zone; routes by its year' }),
    calendar: Type.Optional(Type.Enum(['auto', 'gregorian', 'julian'])),
  },
  { additionalProperties: true, description: 'the engine\'s /calculate body, passed on unchanged' },
);

function span(s: YearSpan): { kernel: string; start_year: number; end_year: number } {
  return { kernel: s.kernel, start_year: s.startYear, end_year: s.endYear };
}

function historicalEnabled(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && ['true', '1', 'yes'].includes(header.trim().toLowerCase());
}

/** Registers /calculate and /routing. */
export function registerGatewayRoutes(app: ServiceApp, policy: RoutingPolicy, targets: GatewayTargets): void {
  app.post(
    '/calculate',
    {
      schema: {
        summary: 'Routes /calculate to the DE440 or DE441 engine by date',
        description:
          'Years in the DE440 range go to the modern engine; older or later dates need ?kernel=de441 or x-historical-enabled: true, else 422 HISTORICAL_REQUIRED.',
        tags: ['gateway'],
        querystring: kernelQuery,
        body: calculateBody,
      },
    },
    async (request, reply) => {
      const birth = runDomain(() => parseBirthTime(request.body.birth_time, request.body.calendar ?? 'auto'));
      const decision = decideRoute(
        { year: birth.year, kernel: request.query.kernel, historicalEnabled: historicalEnabled(request.headers['x-historical-enabled']) },
        policy,
      );
      if (decision.action === 'historical-required') {
        // The guide's body: error is the human title, code the stable code; the kernel's fields stay.
        return reply.code(422).send({
          statusCode: 422,
          code: 'HISTORICAL_REQUIRED',
          error: 'Historical ephemeris required',
          message: `${decision.year} is outside the ${policy.modern.kernel} range ${policy.modern.startYear}–${policy.modern.endYear}; enable the Historical Pack (${policy.historical.kernel}) to calculate it`,
          details: {
            requested_year: decision.year,
            available_coverage: span(policy.modern),
            historical_coverage: span(policy.historical),
            solutions: historicalSolutions(),
          },
          requestId: request.id,
        });
      }
      if (decision.action === 'out-of-range') {
        throw new ServiceError('INVOLUTION_OUT_OF_RANGE', 422, `${decision.year} is outside every ephemeris the gateway knows`, {
          field: 'birth_time',
          requested_year: decision.year,
          available_coverage: [span(policy.modern), span(policy.historical)],
        });
      }
      const target = decision.target === 'modern' ? policy.modern : policy.historical;
      const base = decision.target === 'modern' ? targets.modernUrl : targets.historicalUrl;
      let answer;
      try {
        answer = await forwardJson(new URL('/calculate', base).toString(), request.body, upstreamHeaders(request.headers, request.id, request.ip), targets.timeoutMs);
      } catch (error) {
        request.log.warn({ kernel: target.kernel, err: error }, 'engine unreachable');
        throw new ServiceError('INVOLUTION_ENGINE_UNAVAILABLE', 502, `The ${target.kernel} engine did not answer`, { kernel: target.kernel });
      }
      reply.header('x-involution-kernel', target.kernel);
      reply.header('x-involution-route', decision.reason);
      for (const [name, value] of Object.entries(answer.headers)) reply.header(name, value);
      reply.code(answer.status);
      return answer.status === 304 || answer.body === '' ? reply.send() : reply.send(answer.body);
    },
  );

  app.get(
    '/routing',
    {
      schema: {
        summary: 'The routing policy; with ?year= (and overrides) the decision for that year',
        tags: ['gateway'],
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
          kernel: Type.Optional(Type.Enum(['de440', 'de441'])),
        }),
      },
    },
    (request) => {
      const { year, kernel } = request.query;
      let decision: RouteDecision | undefined;
      if (year !== undefined) decision = decideRoute({ year, kernel, historicalEnabled: historicalEnabled(request.headers['x-historical-enabled']) }, policy);
      return {
        engines: { modern: span(policy.modern), historical: span(policy.historical) },
        auto_historical: policy.autoHistorical,
        overrides: { query: 'kernel=de440 | kernel=de441', header: 'x-historical-enabled: true' },
        forwarded_headers: ['content-type', 'accept', 'if-none-match', 'x-request-id', 'x-forwarded-for (set by the gateway)'],
        ...(decision ? { decision: { year, ...decision, ...(decision.action === 'route' ? { kernel: (decision.target === 'modern' ? policy.modern : policy.historical).kernel } : {}) } } : {}),
      };
    },
  );
}

