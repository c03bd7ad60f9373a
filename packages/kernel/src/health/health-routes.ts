import { Type } from 'typebox';
import type { ServiceApp } from '../http/service-types.js';

export type CheckStatus = 'ok' | 'degraded' | 'fail';

/** One dependency's or subsystem's state, as the service reports it. */
export interface CheckResult {
  readonly status: CheckStatus;
  readonly [detail: string]: unknown;
}

export type Check = () => CheckResult | Promise<CheckResult>;

export interface HealthSettings {
  readonly service: string;
  readonly version: string;
  readonly constitutionalHash: string;
  readonly startedAt: number;
  readonly healthChecks: ReadonlyMap<string, Check>;
  readonly readinessChecks: ReadonlyMap<string, Check>;
  /** True once shutdown began: /ready answers 503 so load balancers stop sending traffic. */
  readonly isDraining: () => boolean;
}

const CHECK_TIMEOUT_MS = 1_000;

/**
 * Runs checks concurrently; a check that throws or hangs past 1 s reports `fail` instead of hanging
 * the probe. Synchronous checks (the common case) cost no timer.
 */
async function runChecks(checks: ReadonlyMap<string, Check>): Promise<Record<string, CheckResult>> {
  const results: Record<string, CheckResult> = {};
  const pending: Promise<void>[] = [];
  for (const [name, check] of checks) {
    let outcome: CheckResult | Promise<CheckResult>;
    try {
      outcome = check();
    } catch (error) {
      results[name] = failure(error);
      continue;
    }
    if (!(outcome instanceof Promise)) {
      results[name] = outcome;
      continue;
    }
    pending.push(withTimeout(outcome).then((result) => void (results[name] = result)));
  }
  if (pending.length > 0) await Promise.all(pending);
  return results;
}

async function withTimeout(outcome: Promise<CheckResult>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'fail', error: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([outcome, timeout]);
  } catch (error) {
    return failure(error);
  } finally {
    clearTimeout(timer);
  }
}

function failure(error: unknown): CheckResult {
  return { status: 'fail', error: error instanceof Error ? error.message : String(error) };
}

function overall(results: Record<string, CheckResult>): 'healthy' | 'degraded' | 'unhealthy' {
  const statuses = Object.values(results).map((result) => result.status);
  if (statuses.includes('fail')) return 'unhealthy';
  if (statuses.includes('degraded')) return 'degraded';
  return 'healthy';
}

const checksSchema = Type.Record(
  Type.String(),
  Type.Object({ status: Type.String() }, { additionalProperties: true }),
);

/**
 * `GET /health` is liveness: it answers 200 while the process serves requests, and its body tells the
 * truth about every check (a tampered chain reports `unhealthy`; restarting would not fix it).
 * `GET /ready` answers 503 while a dependency check fails or the service is draining.
 */
export function registerHealthRoutes(app: ServiceApp, settings: HealthSettings): void {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness and the state of every check',
        tags: ['operations'],
        response: {
          200: Type.Object(
            {
              status: Type.Union([
                Type.Literal('healthy'),
                Type.Literal('degraded'),
                Type.Literal('unhealthy'),
              ]),
              service: Type.String(),
              version: Type.String(),
              uptime_seconds: Type.Number(),
              timestamp: Type.String(),
              checks: checksSchema,
              constitutional_hash: Type.Optional(Type.String()),
            },
            { additionalProperties: true },
          ),
        },
      },
    },
    async () => {
      const checks = await runChecks(settings.healthChecks);
      return {
        status: overall(checks),
        service: settings.service,
        version: settings.version,
        uptime_seconds: Math.round((Date.now() - settings.startedAt) / 10) / 100,
        timestamp: new Date().toISOString(),
        checks,
        ...(settings.constitutionalHash ? { constitutional_hash: settings.constitutionalHash } : {}),
      };
    },
  );

  app.get(
    '/ready',
    { schema: { summary: 'Readiness: dependencies reachable and not draining', tags: ['operations'] } },
    async (_request, reply) => {
      if (settings.isDraining()) return reply.code(503).send({ status: 'draining', checks: {} });
      const checks = await runChecks(settings.readinessChecks);
      const ready = Object.values(checks).every((check) => check.status !== 'fail');
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );
}
