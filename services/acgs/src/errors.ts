import { CatalogError, type CatalogErrorOptions } from '@svc/kernel/errors';

/**
 * The ACGS error catalog: every error this service raises carries one of these stable codes and the HTTP
 * status an API would answer with. The CLI maps them to exit codes; routes map them to the error body.
 */
export const ACGS_ERRORS = {
  /** A config file broke its schema; `details.issues` lists every bad key by path. */
  ACGS_CONFIG_INVALID: { status: 422, title: 'Invalid configuration' },
  /** A config file or directory named by CONFIG_PATH / --config does not exist or cannot be read. */
  ACGS_CONFIG_NOT_FOUND: { status: 404, title: 'Configuration not found' },
  /** A config file is not parseable YAML. */
  ACGS_CONFIG_SYNTAX: { status: 400, title: 'Configuration is not valid YAML' },
  /** The dependency graph has a cycle; `details.cycle` names it. */
  ACGS_PLAN_CYCLE: { status: 422, title: 'Dependency cycle' },
  /** A service depends on a service nobody defines; `details.missing` names them. */
  ACGS_PLAN_UNKNOWN_DEPENDENCY: { status: 422, title: 'Unknown dependency' },
  /** A service named on the command line (--only, targeted rollback) is not in the config. */
  ACGS_UNKNOWN_SERVICE: { status: 404, title: 'Unknown service' },
  /** The same service name is defined twice. */
  ACGS_DUPLICATE_SERVICE: { status: 422, title: 'Duplicate service' },
  /** A rollback asked for a revision the history does not hold. */
  ACGS_REVISION_NOT_FOUND: { status: 404, title: 'Revision not found' },
  /** A rollback found no earlier, different (and not known-bad) template to return to. */
  ACGS_NO_ROLLBACK_TARGET: { status: 409, title: 'Nothing to roll back to' },
  /** SLO inputs are malformed (negative counts, unsorted or non-cumulative buckets, empty window). */
  ACGS_SLO_INPUT_INVALID: { status: 400, title: 'Invalid SLO input' },
  /** Another live process held the state directory's lock for the whole wait; `details.holder_pid` names it. */
  ACGS_STATE_LOCKED: { status: 409, title: 'State directory locked' },
  /** A manifest could not be read as Kubernetes objects. */
  ACGS_MANIFEST_INVALID: { status: 422, title: 'Invalid manifest' },
} as const;

export type AcgsErrorCode = keyof typeof ACGS_ERRORS;

/**
 * The one error type domain code throws. `field` names the offending input (a config path, a service
 * name) so an HTTP answer or a CLI message can point at it.
 *
 * @example throw new AcgsError('ACGS_PLAN_CYCLE', 'dependency cycle: a → b → a', { field: 'services', details: { cycle: ['a', 'b', 'a'] } })
 */
export class AcgsError extends CatalogError<AcgsErrorCode, Readonly<Record<string, unknown>>> {
  constructor(code: AcgsErrorCode, message: string, options: CatalogErrorOptions<Readonly<Record<string, unknown>>> = {}) {
    super(code, ACGS_ERRORS[code], message, options);
  }
}

/** True when `error` is an AcgsError with the given code (or any code when omitted). */
export function isAcgsError(error: unknown, code?: AcgsErrorCode): error is AcgsError {
  return error instanceof AcgsError && (code === undefined || error.code === code);
}
