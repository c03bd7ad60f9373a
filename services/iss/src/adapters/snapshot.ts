import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FileLock } from './file-lock.js';

const run = promisify(execFile);

/** The three storage folders of the guide's layout. */
export interface SnapshotFolders {
  storagePath: string;
  spicePath: string;
  matrixRoot: string;
}

/** Lock files the stores write under (see JsonlLog): holding both freezes every writer. */
function writerLocks(folders: SnapshotFolders): FileLock[] {
  return [join(folders.storagePath, 'glyph_chain.jsonl.lock'), join(folders.spicePath, 'spice_descriptors.jsonl.lock')].map(
    (p) => new FileLock(p),
  );
}

async function withWritersFrozen<T>(folders: SnapshotFolders, fn: () => Promise<T>): Promise<T> {
  await mkdir(folders.storagePath, { recursive: true });
  await mkdir(folders.spicePath, { recursive: true });
  const locks = writerLocks(folders);
  try {
    for (const lock of locks) await lock.acquire();
    return await fn();
  } finally {
    for (const lock of locks) lock.close();
  }
}

const skip = (src: string): boolean => !src.endsWith('.lock') && !src.endsWith('.tmp');

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a consistent snapshot (tar.gz with forensic_logs/, spice_layer/, memory_matrix/) of the
 * three folders. Both writer locks are held while the files are copied to a staging folder, so no
 * append lands half-way through; archiving happens after the locks are released. Uses the
 * system `tar`.
 */
export async function backup(folders: SnapshotFolders, outFile: string): Promise<void> {
  const staging = await mkdtemp(join(tmpdir(), 'iss-backup-'));
  try {
    await withWritersFrozen(folders, async () => {
      await cp(folders.storagePath, join(staging, 'forensic_logs'), { recursive: true, filter: skip });
      await cp(folders.spicePath, join(staging, 'spice_layer'), { recursive: true, filter: skip });
    });
    if (await exists(folders.matrixRoot)) {
      await cp(folders.matrixRoot, join(staging, 'memory_matrix'), { recursive: true, filter: skip });
    }
    await run('tar', ['-czf', resolve(outFile), '-C', staging, '.']);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Restores a snapshot made by {@link backup} into the folders, replacing their contents, with the
 * writer locks held. The vaults are read-only references and are restored only when asked
 * (`includeVaults`), never over a read-only mount by default.
 */
export async function restore(folders: SnapshotFolders, archive: string, options: { includeVaults?: boolean } = {}): Promise<void> {
  const staging = await mkdtemp(join(tmpdir(), 'iss-restore-'));
  try {
    await run('tar', ['-xzf', resolve(archive), '-C', staging]);
    await withWritersFrozen(folders, async () => {
      for (const [name, target] of [['forensic_logs', folders.storagePath], ['spice_layer', folders.spicePath]] as const) {
        for (const entry of await readdir(target)) if (skip(entry)) await rm(join(target, entry), { recursive: true, force: true });
        if (await exists(join(staging, name))) await cp(join(staging, name), target, { recursive: true });
      }
    });
    if (options.includeVaults && (await exists(join(staging, 'memory_matrix')))) {
      await cp(join(staging, 'memory_matrix'), folders.matrixRoot, { recursive: true });
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
