import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repositoryRoot } from '../adapters/acgs-entry.js';
import { loadAcgsConfig } from '../adapters/config-loader.js';
import { CONFIG_SECTIONS } from '../domain/config/index.js';
import type { AcgsConfig } from '../domain/config/index.js';
import { validateManifestLabels } from '../domain/constitution/index.js';
import type { LabelViolation, ManifestDocument } from '../domain/constitution/index.js';
import { AcgsError, isAcgsError } from '../errors.js';

async function yamlFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => e.isDirectory() || /\.ya?ml$/.test(e.name))
      .map((e) => (e.isDirectory() ? yamlFiles(join(path, e.name)) : Promise.resolve([join(path, e.name)]))),
  );
  return nested.flat().sort();
}

/** Reads every YAML document of the given files and directories as manifest documents. */
export async function readManifestDocuments(
  paths: readonly string[],
  base: string,
): Promise<ManifestDocument[]> {
  const documents: ManifestDocument[] = [];
  for (const path of paths) {
    for (const file of await yamlFiles(resolve(base, path))) {
      const source = relative(base, file) || file;
      const parsed = parseAllDocuments(await readFile(file, 'utf8'));
      if (!Array.isArray(parsed))
        throw new AcgsError('ACGS_MANIFEST_INVALID', `${source}: not a YAML stream`, { field: source });
      parsed.forEach((document, index) => {
        const [error] = document.errors;
        if (error !== undefined) {
          throw new AcgsError(
            'ACGS_MANIFEST_INVALID',
            `${source}#${index}: ${error.message.split('\n')[0] ?? ''}`,
            {
              field: source,
            },
          );
        }
        documents.push({ source, index, object: document.toJS() as unknown });
      });
    }
  }
  return documents;
}

/**
 * `acgs validate`: the four config files against the strict schema (every bad key by its path), then the
 * manifests (every object and pod template must carry label `constitutional-hash` with exactly the
 * configured hash). Manifests default to the repository's `deploy/kubernetes`. Exit codes: 0 valid,
 * 1 invalid config or manifests, 2 a file missing or not YAML.
 */
export async function runValidate(
  env: Readonly<Record<string, string | undefined>>,
  configPath: string | undefined,
  manifestPaths: readonly string[],
  out: (text: string) => void = (text) => process.stdout.write(text),
): Promise<number> {
  const cwd = process.cwd();
  let config: AcgsConfig;
  try {
    const loaded = await loadAcgsConfig({ configPath, env, cwd });
    config = loaded.config;
    for (const section of Object.keys(CONFIG_SECTIONS) as (keyof typeof CONFIG_SECTIONS)[]) {
      out(`config ${section}: ok (${loaded.sources[section] ?? 'embedded defaults'})\n`);
    }
  } catch (error) {
    if (isAcgsError(error, 'ACGS_CONFIG_INVALID')) {
      const issues = (error.details?.['issues'] ?? []) as { path: string; message: string }[];
      out(`config: INVALID\n${issues.map((issue) => `  ${issue.path}: ${issue.message}\n`).join('')}`);
      return 1;
    }
    if (isAcgsError(error)) {
      out(`config: ${error.code}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let paths = manifestPaths;
  if (paths.length === 0) {
    const fallback = join(repositoryRoot(), 'deploy', 'kubernetes');
    paths = (await stat(fallback).then(
      () => true,
      () => false,
    ))
      ? [fallback]
      : [];
  }
  if (paths.length === 0) {
    out('manifests: none given\n');
    return 0;
  }
  let violations: LabelViolation[];
  let count: number;
  try {
    const documents = await readManifestDocuments(paths, cwd);
    count = documents.length;
    violations = validateManifestLabels(documents, config.production.constitutional_validation.hash);
  } catch (error) {
    if (isAcgsError(error)) {
      out(`manifests: ${error.code}: ${error.message}\n`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      out(`manifests: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
  if (violations.length === 0) {
    out(
      `manifests: ok (${count} documents, label constitutional-hash = ${config.production.constitutional_validation.hash})\n`,
    );
    return 0;
  }
  out(`manifests: INVALID\n${violations.map((v) => `  ${v.path}: ${v.message}\n`).join('')}`);
  return 1;
}
