import type { FastifyReply } from 'fastify';
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
 * the probe. When every check is synchronous (the common case) the results come back synchronously:
 * no timer, no promise, no microtask turn for a probe that load balancers call all the time.
 */
function runChecks(
  checks: ReadonlyMap<string, Check>,
): Record<string, CheckResult> | Promise<Record<string, CheckResult>> {
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
  return pending.length === 0 ? results : Promise.all(pending).then(() => results);
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
  let worst: 'healthy' | 'degraded' = 'healthy';
  for (const result of Object.values(results)) {
    if (result.status === 'fail') return 'unhealthy';
    if (result.status === 'degraded') worst = 'degraded';
  }
  return worst;
}

const checksSchema = Type.Record(
  Type.String(),
  Type.Object({ status: Type.String() }, { additionalProperties: true }),
);

/** A probe's answer: its status code and JSON body. */
export interface ProbeAnswer {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
}

/** Computes a probe's answer, synchronously when every check is synchronous. */
export type Probe = () => ProbeAnswer | Promise<ProbeAnswer>;

/**
 * The two probes. `/health` is liveness: it answers 200 while the process serves requests, and its body
 * tells the truth about every check (a tampered chain reports `unhealthy`; restarting would not fix it).
 * `/ready` answers 503 while a dependency check fails or the service is draining. Both the Fastify
 * routes and the HTTP server's probe fast path (probe-fast-path.ts) answer from here.
 */
export function createProbes(settings: HealthSettings): { readonly health: Probe; readonly ready: Probe } {
  const healthAnswer = (checks: Record<string, CheckResult>): ProbeAnswer => ({
    statusCode: 200,
    body: {
      status: overall(checks),
      service: settings.service,
      version: settings.version,
      uptime_seconds: Math.round((Date.now() - settings.startedAt) / 10) / 100,
      timestamp: new Date().toISOString(),
      checks,
      ...(settings.constitutionalHash ? { constitutional_hash: settings.constitutionalHash } : {}),
    },
  });
  const readyAnswer = (checks: Record<string, CheckResult>): ProbeAnswer => {
    const ready = Object.values(checks).every((check) => check.status !== 'fail');
    return { statusCode: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not_ready', checks } };
  };
  return {
    health: () => {
      const checks = runChecks(settings.healthChecks);
      return checks instanceof Promise ? checks.then(healthAnswer) : healthAnswer(checks);
    },
    ready: () => {
      if (settings.isDraining()) return { statusCode: 503, body: { status: 'draining', checks: {} } };
      const checks = runChecks(settings.readinessChecks);
      return checks instanceof Promise ? checks.then(readyAnswer) : readyAnswer(checks);
    },
  };
}

/** `GET /health` and `GET /ready` as documented Fastify routes (answered by `probes`). */
export function registerHealthRoutes(
  app: ServiceApp,
  probes: { readonly health: Probe; readonly ready: Probe },
): void {
  const send = (answer: ProbeAnswer, reply: FastifyReply) => reply.code(answer.statusCode).send(answer.body);
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
    async (_request, reply) => send(await probes.health(), reply),
  );
  app.get(
    '/ready',
    { schema: { summary: 'Readiness: dependencies reachable and not draining', tags: ['operations'] } },
    async (_request, reply) => send(await probes.ready(), reply),
  );
}
