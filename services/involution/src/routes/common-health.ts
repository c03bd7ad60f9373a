/**
 * Health checks every Involution app reports (`security`, `system`) and the `/version` route, after the
 * guide's health body: `checks.security` and `checks.system` next to the service's own checks.
 */
// The kernel's built .d.ts files drop @fastify/swagger's FastifySchema augmentation (summary, tags);
// this type-only import restores it for the package build until the kernel re-exports it.
import type {} from '@fastify/swagger';
import type { BaseConfig, ServiceApp, ServiceContext } from '@svc/kernel';

/** Production settings that weaken the service; each is reported by the security check. */
function securityFindings(config: BaseConfig): string[] {
  const findings: string[] = [];
  const production = config.ENVIRONMENT.toLowerCase() === 'production';
  if (config.DISABLE_RATE_LIMIT) findings.push('rate limiting is disabled (DISABLE_RATE_LIMIT=1)');
  if (production && config.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).includes('*')) findings.push('ALLOWED_ORIGINS allows any origin in production');
  if (production && config.TRUSTED_HOSTS === '') findings.push('TRUSTED_HOSTS is empty in production: any Host header is accepted');
  return findings;
}

/**
 * Adds the `security` and `system` checks and counts refused requests (429 rate limited, 400 host not
 * allowed) for the security check.
 */
export function registerCommonHealth(app: ServiceApp, context: ServiceContext<BaseConfig>, service: string, version: string): void {
  const { config } = context;
  const startedAt = performance.now();
  const refused = { rate_limited: 0, host_refused: 0 };
  app.addHook('onResponse', async (_request, reply) => {
    if (reply.statusCode === 429) refused.rate_limited++;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 400 && typeof payload === 'string' && payload.includes('"KERNEL_HOST_NOT_ALLOWED"')) refused.host_refused++;
    return payload;
  });

  context.addHealthCheck('security', () => {
    const findings = securityFindings(config);
    return {
      status: findings.length > 0 ? 'degraded' : 'ok',
      environment: config.ENVIRONMENT,
      rate_limit: config.DISABLE_RATE_LIMIT ? 'disabled' : config.RATE_LIMIT_STORAGE_URI || config.REDIS_URL ? 'redis' : 'memory',
      trusted_proxies: config.TRUST_PROXY || 'none',
      trusted_hosts: config.TRUSTED_HOSTS === '' ? 'any' : config.TRUSTED_HOSTS.split(',').length,
      debug_routes: context.debugEnabled,
      blocked_requests: refused.rate_limited + refused.host_refused,
      refused,
      findings,
    };
  });

  context.addHealthCheck('system', () => {
    const memory = process.memoryUsage();
    return {
      status: 'ok',
      // Milliseconds resolution, so two probes a moment apart show the uptime increase.
      uptime_seconds: Math.round(performance.now() - startedAt) / 1000,
      memory_usage_mb: Math.round((memory.rss / 1048576) * 10) / 10,
      heap_used_mb: Math.round((memory.heapUsed / 1048576) * 10) / 10,
      pid: process.pid,
      node_version: process.version,
    };
  });

  app.get('/version', { schema: { summary: 'Service version', tags: ['operations'] } }, () => ({
    service,
    version,
    node_version: process.version,
  }));
}
