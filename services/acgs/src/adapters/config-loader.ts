import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { AcgsError } from '../errors.js';
import { CONFIG_SECTIONS, parseAcgsConfig } from '../domain/config/index.js';
import type { AcgsConfig, ConfigSection, RawAcgsConfig } from '../domain/config/index.js';

/** Where the configuration came from, for reports and `acgs validate`. */
export interface LoadedConfig {
  readonly config: AcgsConfig;
  /** Absolute paths of the files read, per section; sections absent here use embedded defaults. */
  readonly sources: Partial<Record<ConfigSection, string>>;
}

export interface LoadConfigOptions {
  /** `--config FILE|DIR`; wins over CONFIG_PATH. */
  readonly configPath?: string | undefined;
  /** The environment to read CONFIG_PATH from (passed in: nothing else reads process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Base for relative paths. */
  readonly cwd?: string;
}

const SECTION_BY_STEM = new Map<string, ConfigSection>(
  Object.entries(CONFIG_SECTIONS).map(([section, stem]) => [stem, section as ConfigSection]),
);

async function kindOf(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** Parses one YAML file strictly (duplicate keys are errors); syntax errors name file, line and column. */
export async function readYamlFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AcgsError('ACGS_CONFIG_NOT_FOUND', `cannot read config file ${path}`, { field: path, cause });
  }
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const [error] = document.errors;
  if (error !== undefined) {
    const where = error.linePos?.[0];
    const at = where === undefined ? '' : `:${where.line}:${where.col}`;
    throw new AcgsError('ACGS_CONFIG_SYNTAX', `${path}${at}: ${error.message.split('\n')[0] ?? ''}`, {
      field: path,
    });
  }
  return document.toJS() as unknown;
}

async function readDirectory(
  directory: string,
  raw: RawAcgsConfig,
  sources: Partial<Record<ConfigSection, string>>,
): Promise<void> {
  for (const [section, stem] of Object.entries(CONFIG_SECTIONS) as [ConfigSection, string][]) {
    for (const extension of ['.yaml', '.yml']) {
      const path = join(directory, stem + extension);
      if ((await kindOf(path)) === 'file') {
        raw[section] = await readYamlFile(path);
        sources[section] = path;
        break;
      }
    }
  }
}

function splitBundle(
  path: string,
  content: unknown,
  raw: RawAcgsConfig,
  sources: Partial<Record<ConfigSection, string>>,
): void {
  if (content === null || content === undefined) return;
  if (typeof content !== 'object' || Array.isArray(content)) {
    throw new AcgsError('ACGS_CONFIG_INVALID', `${path}: expected a mapping of config sections`, {
      field: path,
    });
  }
  for (const [key, value] of Object.entries(content)) {
    const section = (Object.hasOwn(CONFIG_SECTIONS, key) ? key : SECTION_BY_STEM.get(key)) as
      ConfigSection | undefined;
    if (section === undefined) {
      const allowed = Object.keys(CONFIG_SECTIONS).join(', ');
      throw new AcgsError(
        'ACGS_CONFIG_INVALID',
        `${key}: unknown config section in ${path} (allowed: ${allowed})`,
        {
          field: key,
          details: { issues: [{ path: key, message: `unknown config section (allowed: ${allowed})` }] },
        },
      );
    }
    raw[section] = value;
    sources[section] = path;
  }
}

/**
 * Loads the four guide files. The path comes from `--config`, else CONFIG_PATH, else none (embedded
 * defaults). It may be:
 * - a directory holding any of `production-config.yaml`, `health-monitor-config.yaml`,
 *   `rollback-config.yaml`, `maintenance-config.yaml` (missing ones use defaults);
 * - one of those files: it is that section, and its siblings in the same directory are read too
 *   (the guide keeps all four in `/deployment/config/`);
 * - any other YAML file: a bundle whose top-level keys are sections (`production`, `health_monitor`,
 *   `rollback`, `maintenance`, or the file stems).
 */
export async function loadAcgsConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const given = options.configPath ?? options.env?.['CONFIG_PATH'];
  const raw: RawAcgsConfig = {};
  const sources: Partial<Record<ConfigSection, string>> = {};
  if (given !== undefined && given !== '') {
    const path = resolve(cwd, given);
    const kind = await kindOf(path);
    if (kind === 'missing') {
      throw new AcgsError('ACGS_CONFIG_NOT_FOUND', `config path ${path} does not exist`, {
        field: 'CONFIG_PATH',
      });
    }
    if (kind === 'directory') {
      await readDirectory(path, raw, sources);
    } else {
      const section = SECTION_BY_STEM.get(basename(path, extname(path)));
      if (section === undefined) {
        splitBundle(path, await readYamlFile(path), raw, sources);
      } else {
        await readDirectory(dirname(path), raw, sources);
        raw[section] = await readYamlFile(path);
        sources[section] = path;
      }
    }
  }
  return { config: parseAcgsConfig(raw), sources };
}
