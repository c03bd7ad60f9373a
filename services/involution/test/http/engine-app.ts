/** Builds engine apps for the HTTP tests and closes them afterwards. */
import { afterAll } from 'vitest';
import { engineService } from '../../src/apps/engine-app.js';

type Engine = Awaited<ReturnType<typeof engineService.build>>;
const open: Engine[] = [];

afterAll(async () => {
  await Promise.all(open.splice(0).map((service) => service.close()));
});

/** An engine app with quiet logs and a rate limit these tests never reach, closed after the file's tests. */
export async function buildEngine(env: Record<string, string> = {}): Promise<Engine> {
  const service = await engineService.build({ env: { LOG_LEVEL: 'silent', RATE_LIMIT_REQUESTS: '100000', KERNELS_PATH: '/nonexistent-kernels', ...env } });
  open.push(service);
  return service;
}
