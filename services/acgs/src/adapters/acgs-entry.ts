import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/**
 * The argv that runs this very `acgs` CLI again (for the detached per-service supervisors): the built
 * `dist/cli.js`, or `src/cli.ts` through tsx when running from sources (tests, `node --import tsx`).
 */
export function acgsCommand(): string[] {
  if (here.endsWith('.ts')) {
    return [process.execPath, '--import', import.meta.resolve('tsx'), join(dirname(here), '..', 'cli.ts')];
  }
  return [process.execPath, join(dirname(here), '..', 'cli.js')];
}

/**
 * The repository root: the nearest ancestor of this module whose package.json declares workspaces. Suite
 * commands (`node services/iss/dist/cli.js serve`) are relative to it.
 */
export function repositoryRoot(): string {
  let directory = dirname(here);
  const { root } = parse(directory);
  while (directory !== root) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (parsed.workspaces !== undefined) return directory;
    }
    directory = dirname(directory);
  }
  return process.cwd();
}
