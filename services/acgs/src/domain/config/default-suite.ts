import type { ServiceSpec } from './production-config.js';

/**
 * This repository's own services: what `acgs up` and `acgs deploy` run when the production config names
 * no services. Ports are the suite's fixed assignments (also used by deploy/ manifests and compose).
 */
function suiteService(name: string, port: number, command: string[], dependsOn: string[] = []): ServiceSpec {
  return {
    name,
    port,
    tier: 'core',
    size: 'small',
    depends_on: dependsOn,
    version: '0.1.0',
    image: undefined,
    command,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    probe: { type: 'http', path: '/health', ready_path: '/ready', command: [], timeout_ms: 2000 },
  };
}

const cli = (service: string, ...args: string[]) => ['node', `services/${service}/dist/cli.js`, ...args];
// The engine keeps V8's young generation at 1 MiB and its old generation under 160 MiB: V8's default sizing
// would take the worker past the guide's 110 MB budget (services/involution/README.md, Memory).
const ENGINE_HEAP_FLAGS = ['--max-semi-space-size=1', '--max-old-space-size=160'];
const engine = ['node', ...ENGINE_HEAP_FLAGS, 'services/involution/dist/cli.js', 'serve', 'engine'];

export const DEFAULT_SUITE_SERVICES: readonly ServiceSpec[] = [
  suiteService('iss', 8000, cli('iss', 'serve')),
  suiteService('isl', 8001, cli('isl', 'serve')),
  suiteService('involution', 8002, engine),
  suiteService('involution-time', 8003, cli('involution', 'serve', 'time')),
  suiteService('involution-gateway', 8004, cli('involution', 'serve', 'gateway'), [
    'involution',
    'involution-time',
  ]),
  suiteService('logic', 8005, cli('logic', 'serve')),
  suiteService('acgs', 8006, cli('acgs', 'monitor', '--serve')),
];
