import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { Type, type Static, type TObject, type TProperties } from 'typebox';
import Value from 'typebox/value';
import { baseConfigAliases, baseConfigSchema, type BaseConfig } from './base-config.js';

/** Raised once with every problem in the environment, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Variables to read; defaults to process.env merged over `.env` in the working directory. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Extra alias → canonical name pairs (a service's legacy variable names). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Per-service defaults for base settings, e.g. `{ PORT: 8001 }`. */
  readonly defaults?: Partial<BaseConfig>;
}

export type ServiceConfig<S extends TProperties> = Readonly<BaseConfig & Static<TObject<S>>>;

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', '']);

/** Reads `.env` from the working directory (never overriding real environment variables). */
export function environmentWithDotenv(cwd = process.cwd()): Record<string, string | undefined> {
  const file = `${cwd}/.env`;
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...process.env };
}

/**
 * Parses the kernel's base settings plus a service's own schema from the environment, once.
 * Strings are converted to the schema's types, defaults filled in, every error reported together,
 * and the result deep-frozen.
 *
 * @example
 * const config = loadConfig({ NODE_ID: Type.String({ default: 'ISS_MODULE_V2' }) }, { defaults: { PORT: 8000 } });
 * config.NODE_ID; // 'ISS_MODULE_V2'
 */
export function loadConfig<S extends TProperties>(
  serviceProperties: S,
  options: LoadConfigOptions = {},
): ServiceConfig<S> {
  const schema = Type.Object({ ...baseConfigSchema.properties, ...serviceProperties });
  const env = options.env ?? environmentWithDotenv();
  const aliases = { ...baseConfigAliases, ...options.aliases };
  const problems: string[] = [];
  // A service's defaults for base settings apply where the environment says nothing.
  const raw: Record<string, unknown> = { ...options.defaults };

  for (const [key, property] of Object.entries(schema.properties) as [string, { type?: unknown }][]) {
    const alias = Object.keys(aliases).find((name) => aliases[name] === key && env[name] !== undefined);
    const value = env[key] ?? (alias === undefined ? undefined : env[alias]);
    if (value === undefined) continue;
    if (property.type === 'boolean') {
      const word = value.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) raw[key] = true;
      else if (FALSE_WORDS.has(word)) raw[key] = false;
      else problems.push(`${key}: expected a boolean (1/0, true/false, yes/no), got "${value}"`);
    } else if ((property.type === 'integer' || property.type === 'number') && value.trim() === '') {
      continue; // an empty numeric variable means "use the default"
    } else {
      raw[key] = value;
    }
  }

  const config = Value.Default(schema, Value.Convert(schema, raw)) as Record<string, unknown>;
  // Checked property by property: one clear message per variable, and no cap on how many are reported.
  for (const [key, property] of Object.entries(schema.properties)) {
    if (problems.some((problem) => problem.startsWith(`${key}:`))) continue;
    const value = config[key];
    if (value === undefined) {
      if (!Type.IsOptional(property)) problems.push(`${key}: required`);
      continue;
    }
    const [first] = Value.Errors(property, value);
    if (first)
      problems.push(
        `${key}: ${describeProblem(property, first.message)}${key in raw ? ` (got "${String(raw[key])}")` : ''}`,
      );
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return Object.freeze(config) as ServiceConfig<S>;
}

/** Unions of literals read better as "one of: …" than as the validator's first mismatch. */
function describeProblem(property: unknown, message: string): string {
  const anyOf = (property as { anyOf?: { const?: unknown }[] }).anyOf;
  if (anyOf?.every((option) => option.const !== undefined)) {
    return `must be one of: ${anyOf.map((option) => String(option.const)).join(', ')}`;
  }
  return message;
}

/** Splits a comma-separated setting into trimmed, non-empty items. */
export function listSetting(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
