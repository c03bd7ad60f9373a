export { createLogger, hashIdentifier, redactedPaths, type LoggerSettings } from './logger.js';
export type { Logger } from 'pino';
