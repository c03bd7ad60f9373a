import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { FileEntry } from '../domain/maintenance/index.js';

/** Every regular file under `directory` with its mtime (a missing directory has none). */
export async function listFiles(directory: string): Promise<FileEntry[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: FileEntry[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push({ path, mtimeMs: (await stat(path)).mtimeMs });
  }
  return files;
}

/** Gzips `path` to `path.gz` (keeping the original's times, so retention still sees its age) and removes it. */
export async function gzipFile(path: string): Promise<string> {
  const target = `${path}.gz`;
  const info = await stat(path);
  await pipeline(createReadStream(path), createGzip(), createWriteStream(target));
  await utimes(target, info.atime, info.mtime);
  await rm(path);
  return target;
}

export async function deleteFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
