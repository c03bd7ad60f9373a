import type { ServiceSpec } from '../config/index.js';

/**
 * What a local-driver revision is: the recorded command, environment and artifact version of a
 * supervised child process. Two runs with equal templates are the same revision (no restart).
 */
export interface LocalTemplate {
  readonly command: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly version: string;
}

/**
 * The local template of a service: its command, its env plus PORT and CONSTITUTIONAL_HASH (so the
 * kernel answers `/health` with the configured hash), and its version. Env keys are sorted so the
 * template's identity does not depend on YAML key order.
 */
export function localTemplate(service: ServiceSpec, constitutionalHash: string): LocalTemplate {
  const env = { ...service.env, PORT: String(service.port), CONSTITUTIONAL_HASH: constitutionalHash };
  return {
    command: [...service.command],
    env: Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b))),
    version: service.version,
  };
}
