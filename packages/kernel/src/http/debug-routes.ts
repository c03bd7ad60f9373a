import type { ServiceApp } from './service-types.js';

const SECRET_NAME = /(SECRET|PASSWORD|TOKEN|KEY|CREDENTIAL)/i;

/** Config with secrets blanked and credentials stripped from URLs. */
export function redactConfig(config: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => {
      if (SECRET_NAME.test(key) && value !== '' && value !== undefined) return [key, '[redacted]'];
      if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value)) {
        return [key, value.replace(/\/\/[^/]*@/, '//[redacted]@')];
      }
      return [key, value];
    }),
  );
}

/** Only registered when DEBUG=1 outside production: what an operator needs to see what a process runs with. */
export function registerDebugRoutes(app: ServiceApp, config: Readonly<Record<string, unknown>>): void {
  app.get(
    '/debug/runtime',
    { schema: { summary: 'Runtime state (debug builds only)', tags: ['debug'] } },
    () => ({
      pid: process.pid,
      node: process.version,
      uptime_seconds: process.uptime(),
      memory: process.memoryUsage(),
      config: redactConfig(config),
    }),
  );
}
