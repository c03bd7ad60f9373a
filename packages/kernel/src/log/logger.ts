import { createHash } from 'node:crypto';
import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log line. Secrets arrive in headers, config and
 * bodies; user ids are hashed by `hashIdentifier` before they are logged, never logged raw.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.api_key',
  '*.SECRET_KEY',
  '*.REDIS_PASSWORD',
  '*.DATABASE_URL',
  '*.userId',
  '*.user_id',
  'userId',
  'user_id',
  'password',
  'secret',
  'token',
];

export interface LoggerSettings {
  readonly service: string;
  readonly version: string;
  readonly level: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read what was logged. */
  readonly destination?: NodeJS.WritableStream;
}

/**
 * JSON logs on stdout (no worker-thread transports: a crash must not lose the last lines).
 *
 * @example
 * const log = createLogger({ service: 'iss', version: '2.0.0', level: 'info' });
 * log.info({ records: 12 }, 'chain verified');
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service, version: settings.version, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

/**
 * A stable pseudonym for a user id, safe to log or to use in a storage key: the same id always maps
 * to the same value, and the value does not reveal the id without the salt.
 *
 * @example
 * log.info({ user: hashIdentifier(userId, config.SECRET_KEY) }, 'beliefs updated');
 */
export function hashIdentifier(id: string, salt = ''): string {
  return createHash('sha256').update(salt).update('\u0000').update(id).digest('hex').slice(0, 24);
}
