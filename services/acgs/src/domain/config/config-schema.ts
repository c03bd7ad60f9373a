/**
 * A small strict schema language for the four YAML config files.
 *
 * Why not a JSON-Schema validator: the guide's files need three things at once — deep defaults (a partial
 * file is completed key by key), strictness (an unknown key is an error, because a typo such as
 * `cooldown_secs` would otherwise silently fall back to the default), and messages that name the full
 * dotted path of the bad key (`health_monitor.alerting.cooldown_seconds: expected integer ≥ 0, got -1`).
 * Every issue is collected, so one run reports all of them.
 */

/** One problem found while decoding, at a dotted path. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/** A decoder from untyped YAML/JSON data to `T`, with an optional default for a missing key. */
export interface Schema<T> {
  /** Decodes `input` found at `path`; appends problems to `issues` and returns a best-effort value. */
  decode(input: unknown, path: string, issues: SchemaIssue[]): T;
  /** True when a missing key is filled in (by a default, or by an object's own defaults). */
  readonly hasDefault: boolean;
  /** What the schema expects, in words, for messages. */
  readonly expected: string;
}

/** The decoded type of a schema. */
export type SchemaType<S> = S extends Schema<infer T> ? T : never;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return typeof value;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function missing<T>(path: string, issues: SchemaIssue[], expected: string, fallback: T): T {
  issues.push({ path, message: `required: expected ${expected}` });
  return fallback;
}

function rangeText(
  kind: string,
  min: number | undefined,
  max: number | undefined,
  exclusiveMin: boolean,
): string {
  const lowOp = exclusiveMin ? '>' : '≥';
  if (min !== undefined && max !== undefined) return `${kind} ${lowOp} ${min} and ≤ ${max}`;
  if (min !== undefined) return `${kind} ${lowOp} ${min}`;
  if (max !== undefined) return `${kind} ≤ ${max}`;
  return kind;
}

interface NumberOptions {
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  /** When true, `min` itself is not allowed (e.g. a threshold that must be strictly positive). */
  readonly exclusiveMin?: boolean;
}

function numeric(kind: 'integer' | 'number', options: NumberOptions): Schema<number> {
  const expected = rangeText(kind, options.min, options.max, options.exclusiveMin === true);
  return {
    hasDefault: options.default !== undefined,
    expected,
    decode(input, path, issues) {
      if (input === undefined) {
        return options.default ?? missing(path, issues, expected, 0);
      }
      const ok =
        typeof input === 'number' &&
        Number.isFinite(input) &&
        (kind === 'number' || Number.isInteger(input)) &&
        (options.min === undefined ||
          (options.exclusiveMin === true ? input > options.min : input >= options.min)) &&
        (options.max === undefined || input <= options.max);
      if (!ok) {
        issues.push({ path, message: `expected ${expected}, got ${describe(input)}` });
        return options.default ?? 0;
      }
      return input;
    },
  };
}

/** An integer, optionally bounded. */
export function integer(options: NumberOptions = {}): Schema<number> {
  return numeric('integer', options);
}

/** A finite number, optionally bounded. */
export function number(options: NumberOptions = {}): Schema<number> {
  return numeric('number', options);
}

interface StringOptions {
  readonly default?: string;
  readonly pattern?: RegExp;
  /** Words for the pattern in messages, e.g. 'a Kubernetes quantity such as "500m"'. */
  readonly patternName?: string;
  readonly minLength?: number;
}

/** A string, optionally matching a pattern. */
export function string(options: StringOptions = {}): Schema<string> {
  const expected =
    options.patternName ??
    (options.minLength !== undefined ? `string of length ≥ ${options.minLength}` : 'string');
  return {
    hasDefault: options.default !== undefined,
    expected,
    decode(input, path, issues) {
      if (input === undefined) return options.default ?? missing(path, issues, expected, '');
      const ok =
        typeof input === 'string' &&
        (options.minLength === undefined || input.length >= options.minLength) &&
        (options.pattern === undefined || options.pattern.test(input));
      if (!ok) {
        issues.push({ path, message: `expected ${expected}, got ${describe(input)}` });
        return options.default ?? '';
      }
      return input;
    },
  };
}

/** One of a fixed set of strings. */
export function oneOf<const V extends string>(
  values: readonly V[],
  options: { default?: V } = {},
): Schema<V> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  const fallback: V = options.default ?? values[0]!;
  return {
    hasDefault: options.default !== undefined,
    expected,
    decode(input, path, issues) {
      if (input === undefined) return options.default ?? missing(path, issues, expected, fallback);
      if (typeof input !== 'string' || !(values as readonly string[]).includes(input)) {
        issues.push({ path, message: `expected ${expected}, got ${describe(input)}` });
        return fallback;
      }
      return input as V;
    },
  };
}

/** A boolean (YAML true/false only; "yes" strings are refused rather than guessed at). */
export function boolean(options: { default?: boolean } = {}): Schema<boolean> {
  return {
    hasDefault: options.default !== undefined,
    expected: 'boolean',
    decode(input, path, issues) {
      if (input === undefined) return options.default ?? missing(path, issues, 'boolean', false);
      if (typeof input !== 'boolean') {
        issues.push({ path, message: `expected boolean, got ${describe(input)}` });
        return options.default ?? false;
      }
      return input;
    },
  };
}

/** A list of items, all decoded by `item`. */
export function array<T>(
  item: Schema<T>,
  options: { default?: readonly T[]; minItems?: number } = {},
): Schema<T[]> {
  const expected = `list of ${item.expected}`;
  return {
    hasDefault: options.default !== undefined,
    expected,
    decode(input, path, issues) {
      if (input === undefined)
        return options.default !== undefined
          ? structuredClone([...options.default])
          : missing(path, issues, expected, []);
      if (!Array.isArray(input)) {
        issues.push({ path, message: `expected ${expected}, got ${describe(input)}` });
        return [];
      }
      if (options.minItems !== undefined && input.length < options.minItems) {
        issues.push({ path, message: `expected at least ${options.minItems} item(s), got ${input.length}` });
      }
      return input.map((element, index) => item.decode(element, join(path, index), issues));
    },
  };
}

/** A mapping from free-form string keys to values (e.g. environment variables). */
export function record<T>(
  value: Schema<T>,
  options: { default?: Readonly<Record<string, T>> } = {},
): Schema<Record<string, T>> {
  const expected = `mapping of ${value.expected}`;
  return {
    hasDefault: true,
    expected,
    decode(input, path, issues) {
      if (input === undefined || input === null) return { ...(options.default ?? {}) };
      if (typeof input !== 'object' || Array.isArray(input)) {
        issues.push({ path, message: `expected ${expected}, got ${describe(input)}` });
        return {};
      }
      const out: Record<string, T> = {};
      for (const [key, element] of Object.entries(input))
        out[key] = value.decode(element, join(path, key), issues);
      return out;
    },
  };
}

/** Makes a schema optional: a missing key decodes to `undefined` instead of a default or an error. */
export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return {
    hasDefault: true,
    expected: schema.expected,
    decode(input, path, issues) {
      return input === undefined ? undefined : schema.decode(input, path, issues);
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type ObjectType<P extends Shape> = { [K in keyof P]: SchemaType<P[K]> };

/**
 * A strict mapping: unknown keys are errors, missing keys take their schema's default, and a missing or
 * empty (`key:` with nothing after it) nested mapping is filled in from its children's defaults.
 */
export function object<P extends Shape>(shape: P): Schema<ObjectType<P>> {
  const keys = Object.keys(shape);
  const hasDefault = keys.every((key) => shape[key]?.hasDefault === true);
  return {
    hasDefault,
    expected: 'mapping',
    decode(input, path, issues) {
      let source: Record<string, unknown> = {};
      if (input === undefined || input === null) {
        if (!hasDefault && input === undefined) {
          const required = keys.filter((key) => shape[key]?.hasDefault !== true);
          issues.push({ path, message: `required: expected mapping with ${required.join(', ')}` });
          return {} as ObjectType<P>;
        }
      } else if (typeof input !== 'object' || Array.isArray(input)) {
        issues.push({ path, message: `expected mapping, got ${describe(input)}` });
        return object(shape).decode(undefined, path, []);
      } else {
        source = input as Record<string, unknown>;
      }
      for (const key of Object.keys(source)) {
        if (!Object.hasOwn(shape, key)) {
          issues.push({ path: join(path, key), message: `unknown key (allowed: ${keys.join(', ')})` });
        }
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const schema = shape[key] as Schema<unknown>;
        out[key] = schema.decode(source[key], join(path, key), issues);
      }
      return out as ObjectType<P>;
    },
  };
}
