/** What a catalog says about one error code. */
export interface CatalogEntry {
  /** HTTP status answered for this error. */
  readonly status: number;
  /** Message used when the thrower gives none. */
  readonly message?: string;
  readonly title?: string;
}

export interface CatalogErrorOptions<D> {
  /** The offending input field as a path (`bodies[2]`, `health_monitor.alerting.cooldown_seconds`). */
  readonly field?: string;
  readonly details?: D;
  readonly cause?: unknown;
}

/**
 * Base of every service's own error class: a stable code from the service's catalog, its HTTP status,
 * the offending field and details. The kernel answers any such error with its status and
 * `details.field` (see toErrorBody). Pure: domain code may throw it.
 *
 * @example
 * export class IssError extends CatalogError<IssErrorCode> {
 *   constructor(code: IssErrorCode, message?: string, options?: CatalogErrorOptions<unknown>) {
 *     super(code, ISS_ERRORS[code], message, options);
 *   }
 * }
 */
export abstract class CatalogError<Code extends string, D = unknown> extends Error {
  readonly statusCode: number;
  readonly field: string | undefined;
  readonly details: D | undefined;

  constructor(
    readonly code: Code,
    entry: CatalogEntry,
    message?: string,
    options: CatalogErrorOptions<D> = {},
  ) {
    super(message ?? entry.message ?? entry.title ?? code, options.cause === undefined ? {} : { cause: options.cause });
    this.name = new.target.name;
    this.statusCode = entry.status;
    this.field = options.field;
    this.details = options.details;
  }
}
